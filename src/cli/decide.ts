import { parsePartialProfile, parseThresholdAssignment } from '../files/profileFile';
import { parseScenario } from '../files/scenarioFile';
import { extendLedger, makePacket, sealPacket } from '../record/ledger';
import { countText } from '../reports/format';
import { formatMonteCarlo } from '../reports/monteCarloText';
import { formatRun } from '../reports/text';
import { foldSession, scriptedEvents, standingRecommendation } from '../session/fold';
import type { InputProblem } from '../session/inputProblem';
import { defaultSeed, type MonteCarloResult, monteCarlo, parseSamples, parseSeed } from '../session/model';
import { defaultProfile, overlayProfile } from '../session/profile';
import { describeRun } from '../session/runScenario';
import type { CliIo } from './cliIo';
import { parseOptions } from './options';
import { outputProblem, writeWhole } from './outputFile';
import { packetCertainlyTooLarge, packetText } from './packetText';
import { oneLine, printProblems } from './problemLines';
import { readSigner } from './readKeys';
import { maxInputBytes, readText } from './readText';
import { isProgram, runCli } from './runCli';

const usage =
  'usage: npm run decide -- <scenario.json> [--thresholds <profile.json>] [--set <key>=<value>]... [--monte-carlo <samples> [--seed <seed>]] [--json] [--out <packet.json> [--sign <private key file>]]';

export async function decide(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(
    argv,
    {
      thresholds: { type: 'string' },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      out: { type: 'string' },
      sign: { type: 'string' },
      'monte-carlo': { type: 'string' },
      seed: { type: 'string' },
    },
    usage,
    io,
  );
  if (!args) return 2;
  if (args.values.sign && !args.values.out) {
    io.err(`error: --sign seals the packet that --out writes: give --out too\n${usage}\n`);
    return 2;
  }
  if (args.values.seed !== undefined && args.values['monte-carlo'] === undefined) {
    io.err(`error: --seed seeds the run that --monte-carlo asks for: give --monte-carlo too\n${usage}\n`);
    return 2;
  }
  const [scenarioFile, ...extra] = args.positionals;
  if (!scenarioFile || extra.length) {
    io.err(
      `${oneLine(`error: ${scenarioFile ? `one scenario file expected, got also ${extra.join(' ')}` : 'a scenario file is required'}`)}\n${usage}\n`,
    );
    return 2;
  }
  const profileFile = args.values.thresholds;
  const out = args.values.out;
  const inputs = [scenarioFile, ...(profileFile ? [profileFile] : []), ...(args.values.sign ? [args.values.sign] : [])];
  const overwritten = out ? outputProblem(out, inputs) : undefined;
  if (overwritten) {
    printProblems(io, [overwritten]);
    return 2;
  }

  const problems: InputProblem[] = [];
  const scenarioText = readText(scenarioFile);
  const scenario = 'text' in scenarioText ? parseScenario(scenarioFile, scenarioText.text) : null;
  if ('problem' in scenarioText) problems.push(scenarioText.problem);
  else if (scenario && !scenario.ok) problems.push(...scenario.problems);

  const overrides: Record<string, number> = {};
  let ref: { id?: string; version?: string; pollPositions?: string[] } = {};
  if (profileFile) {
    const profileText = readText(profileFile);
    if ('problem' in profileText) problems.push(profileText.problem);
    else {
      const partial = parsePartialProfile(profileFile, profileText.text);
      if (partial.ok) {
        Object.assign(overrides, partial.value.thresholds);
        ref = {
          ...(partial.value.id ? { id: partial.value.id } : {}),
          ...(partial.value.version ? { version: partial.value.version } : {}),
          ...(partial.value.pollPositions ? { pollPositions: partial.value.pollPositions } : {}),
        };
      } else problems.push(...partial.problems);
    }
  }
  for (const assignment of args.values.set ?? []) {
    const parsed = parseThresholdAssignment(assignment);
    if (parsed.ok) overrides[parsed.value[0]] = parsed.value[1];
    else problems.push(...parsed.problems);
  }

  const samplesText = args.values['monte-carlo'];
  const samples = samplesText === undefined ? null : parseSamples(samplesText);
  const seed = parseSeed(args.values.seed ?? String(defaultSeed));
  if (samples && !samples.ok) problems.push({ file: '--monte-carlo', path: 'samples', expected: samples.expected });
  if (samples && !seed.ok) problems.push({ file: '--seed', path: 'seed', expected: seed.expected });

  const signer = args.values.sign ? await readSigner(args.values.sign) : null;
  if (signer && !signer.ok) problems.push(...signer.problems);
  const profile = problems.length ? null : await overlayProfile(profileFile ?? '--set', await defaultProfile(), overrides, ref);
  if (profile && !profile.ok) problems.push(...profile.problems);
  if (problems.length || !scenario?.ok || !profile?.ok) {
    printProblems(io, problems);
    return 2;
  }

  const wallClockUtc = new Date().toISOString();
  const fold = foldSession({
    scenario: scenario.value,
    profile: profile.value,
    events: scriptedEvents(scenario.value, wallClockUtc),
  });
  const run = describeRun(scenario.value, profile.value, fold);
  let odds: MonteCarloResult | null = null;
  if (samples?.ok && seed.ok) {
    const standing = standingRecommendation(fold.snapshot.context);
    if (!standing.recommendation) {
      printProblems(io, [
        {
          file: scenarioFile,
          path: 'events',
          expected: 'an anomaly, so that there is a recommendation for --monte-carlo to sample',
        },
      ]);
      return 2;
    }
    odds = monteCarlo(standing.situation, samples.value, seed.value);
  }
  // The packet first: a report printed before a failed write would read as if the run had been kept.
  if (out) {
    const tooLarge = (size: { entriesThatFit: number; entryCount: number }) => {
      const [fit, count] = [size.entriesThatFit, size.entryCount].map(countText);
      const mb = maxInputBytes / 1024 / 1024;
      printProblems(io, [
        {
          file: scenarioFile,
          path: 'events',
          expected: `a run whose packet (--out ${out}) is at most ${mb} MB, the most verify reads: at most ${fit} of its ${count} entries fit`,
        },
      ]);
      return 2;
    };
    const certain = packetCertainlyTooLarge(scenario.value, fold);
    if (certain) return tooLarge(certain);
    const key = signer?.ok ? signer.value : null;
    const entries = await extendLedger(scenario.value, profile.value, [], fold, async () => key);
    const unsealed = makePacket(scenario.value, profile.value, entries);
    const packet = key ? await sealPacket(unsealed, key, new Date().toISOString()) : unsealed;
    const text = packetText(packet);
    if ('tooLarge' in text) return tooLarge(text.tooLarge);
    const failed = writeWhole(out, text.text);
    if (failed) {
      printProblems(io, [failed]);
      return 2;
    }
    const sealed = packet.seal ? `, sealed by ${packet.seal.by.name} (${packet.seal.signature.fingerprint})` : ', not signed';
    io.err(`${oneLine(`wrote ${out}: ${packet.entryCount} entries, head ${packet.headHash}${sealed}`)}\n`);
  }
  const report = args.values.json
    ? JSON.stringify(odds ? { ...run, monteCarlo: odds } : run, null, 2)
    : `${formatRun(run)}${odds ? `\n\n${formatMonteCarlo(odds)}` : ''}`;
  io.out(`${report}\n`);
  return 0;
}

if (isProgram(import.meta.url)) runCli(decide, 1);
