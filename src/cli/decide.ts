import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatProblem, type InputProblem } from '../session/inputProblem';
import { parseScenario } from '../session/loadScenario';
import { defaultProfile, overlayProfile, parsePartialProfile, parseThresholdAssignment } from '../session/profile';
import { runScenario } from '../session/runScenario';
import { formatRun } from './formatRun';

const usage = 'usage: npm run decide -- <scenario.json> [--thresholds <profile.json>] [--set <key>=<value>]... [--json]';

function readText(file: string): { text: string } | { problem: InputProblem } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a file, not a directory' : `unreadable (${code ?? 'error'})`;
    return { problem: { file, path: '(file)', expected: `a readable file: ${why}` } };
  }
}

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseOptions>;
  try {
    args = parseOptions(argv);
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [scenarioFile, ...extra] = args.positionals;
  if (!scenarioFile || extra.length) {
    console.error(
      `error: ${scenarioFile ? `one scenario file expected, got also ${extra.join(' ')}` : 'a scenario file is required'}\n${usage}`,
    );
    return 2;
  }

  const problems: InputProblem[] = [];
  const scenarioText = readText(scenarioFile);
  const scenario = 'text' in scenarioText ? parseScenario(scenarioFile, scenarioText.text) : null;
  if ('problem' in scenarioText) problems.push(scenarioText.problem);
  else if (scenario && !scenario.ok) problems.push(...scenario.problems);

  const overrides: Record<string, number> = {};
  let ref: { id?: string; version?: string } = {};
  const profileFile = args.values.thresholds;
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
        };
      } else problems.push(...partial.problems);
    }
  }
  for (const assignment of args.values.set ?? []) {
    const parsed = parseThresholdAssignment(assignment);
    if (parsed.ok) overrides[parsed.value[0]] = parsed.value[1];
    else problems.push(...parsed.problems);
  }

  const profile = problems.length ? null : await overlayProfile(profileFile ?? '--set', await defaultProfile(), overrides, ref);
  if (profile && !profile.ok) problems.push(...profile.problems);
  if (problems.length || !scenario?.ok || !profile?.ok) {
    for (const problem of problems) console.error(formatProblem(problem));
    return 2;
  }

  const run = runScenario(scenario.value, profile.value, new Date().toISOString());
  console.log(args.values.json ? JSON.stringify(run, null, 2) : formatRun(run));
  return 0;
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      thresholds: { type: 'string' },
      set: { type: 'string', multiple: true },
      json: { type: 'boolean' },
    },
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: internal failure: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
