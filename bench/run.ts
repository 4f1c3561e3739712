// Over 300 lines: the bench's one table, each figure measured beside its baseline in the same run; the browser figures are in ui.ts and monteCarloUi.ts, the team server's in team.ts (BENCH_ONLY=team runs those alone).
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { flipPoints, inputFlipPoints } from '../machines/policy/flipPoints';
import { recommend, recommendationEvaluations } from '../machines/policy/policy';
import { defaultThresholdValues, thresholdKeyFor } from '../machines/policy/thresholds';
import { evaluateRule } from '../machines/rules/evaluate';
import { crewRules } from '../machines/rules/flightRules';
import { crewReading } from '../machines/rules/readings';
import { crewReturnMachine } from '../machines/statechart/crewReturnMachine';
import { countOutcomes, monteCarlo, passCount, planMonteCarlo } from '../machines/uncertainty/monteCarlo';
import { parseScenario } from '../src/files/scenarioFile';
import { createKeyPair, entrySigningMessage, publicKeyRecord, type Signer, sign } from '../src/record/signing';
import { verifyChainAndSignatures, verifyPacket } from '../src/record/verify';
import { verifyChain } from '../src/record/verifyChain';
import { foldSession, machineInput, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { hashedBytes, longPacket, sha256All, signatureFloor, signedLongPacket, writeSignedLongPacket } from './audit';
import { printEditorTypingTable } from './editorTyping';
import { measure, measureAsync, percentile, printTable } from './measure';
import { printMerkleTable } from './merkle';
import { printTeamTables } from './team';
import { measureEditorTypingUi, measureUi, measureWalkthroughUi } from './ui';
import { printWalkthroughTables } from './walkthroughTables';

// The walkthrough's figures in Chromium alone: its edits, opening it, and the initial JavaScript.
if (process.env.BENCH_ONLY === 'ui') {
  printWalkthroughTables(await measureWalkthroughUi());
  process.exit(0);
}
// Typing in a 60-event case in the scenario editor alone.
if (process.env.BENCH_ONLY === 'editor') {
  printEditorTypingTable(await measureEditorTypingUi());
  process.exit(0);
}

const file = 'scenarios/soyuz-ms-22.json';
const parsed = parseScenario(file, readFileSync(file, 'utf8'));
if (!parsed.ok) throw new Error(`${file} is invalid`);
const scenario = parsed.value;
const profile = await defaultProfile();
const input = machineInput(scenario, profile);
const events = scriptedEvents(scenario, '2026-11-25T00:00:00Z');

// BENCH_ONLY=team: the team server's figures alone (a spawned server, PostgreSQL 15, a 100,000-entry log).
if (process.env.BENCH_ONLY === 'team') {
  await printTeamTables(scenario, profile);
  process.exit(0);
}

// The rule evaluations of the MS-22 decision: each crew rule reading, 3 crew counts, both tiers.
const { snapshot } = foldSession({ scenario, profile, events: events.slice(0, 17) });
const values = snapshot.context.values;
const cases = crewRules
  .filter((rule) => rule.quantity !== 'lifeUsedAtReturnPct')
  .flatMap((rule) =>
    [1, 2, 3].flatMap((crewCount) => (['nominal', 'emergency'] as const).map((tier) => ({ rule, tier, crewCount }))),
  );
let sink = 0;

const evaluator = measure(
  'evaluateRule (reading + evaluation)',
  () => {
    for (const c of cases) {
      const reading = crewReading(values, c.rule.quantity, c.rule.perCrewCount, c.crewCount);
      if (evaluateRule(c.rule, reading, defaultThresholdValues, c.tier, { crewCount: c.crewCount }).status === 'pass') sink++;
    }
  },
  cases.length,
);

// Baseline: the same comparisons written inline, keys resolved beforehand: the floor for this work.
const inlineCases = cases.map((c) => ({
  quantityKey: c.rule.perCrewCount ? `${c.rule.quantity}.crew${c.crewCount}` : c.rule.quantity,
  threshold: defaultThresholdValues[thresholdKeyFor(c.rule.threshold, c.tier)] ?? 0,
  atMost: c.rule.comparator === '<=',
}));
const baseline = measure(
  'inline comparison',
  () => {
    for (const c of inlineCases) {
      const v = values[c.quantityKey];
      if (!v) continue;
      const passes = c.atMost ? (v.high ?? v.nominal) <= c.threshold : (v.low ?? v.nominal) >= c.threshold;
      if (passes) sink++;
    }
  },
  cases.length,
);

const situation = {
  setup: input.setup,
  values,
  thresholds: defaultThresholdValues,
  nowUtc: '2023-01-11T12:00:00Z',
  stationUnsafe: false,
};
const policy = measure('recommend (whole policy table)', () => {
  if (recommend(situation).outcome === 'launch-replacement') sink++;
});
const recommendation = recommend(situation);
const thresholdFlips = measure('threshold flip points', () => {
  sink += flipPoints(situation, recommendation).length;
});
const inputFlips = measure('assessed-value flip points', () => {
  sink += inputFlipPoints(situation, recommendation).length;
});
const allFlips = measure('all flip points (thresholds and assessed values)', () => {
  sink += flipPoints(situation, recommendation).length + inputFlipPoints(situation, recommendation).length;
});

const machineEvents = events.map((e) => e.event);
const bareActorFold = measure('MS-22 fold, bare actor.send() loop', () => {
  const actor = createActor(crewReturnMachine, { input }).start();
  for (const event of machineEvents) actor.send(event);
  if (actor.getSnapshot().status === 'done') sink++;
  actor.stop();
});
const sessionFold = measure('MS-22 fold, foldSession (steps with derived records)', () => {
  if (foldSession({ scenario, profile, events }).snapshot.status === 'done') sink++;
});

printTable(`Rule evaluator (MS-22 decision values, ${cases.length} evaluations per run)`, [
  { measurement: baseline },
  { measurement: evaluator, baseline, target: 'within 10× of inline' },
]);
printTable(
  `Policy and what would change it (MS-22 decision step; ${recommendationEvaluations(recommendation).length} evaluations behind the recommendation)`,
  [
    { measurement: evaluator },
    { measurement: policy, baseline: evaluator, target: 'median ≤ 25 µs' },
    { measurement: thresholdFlips, baseline: policy },
    { measurement: inputFlips, baseline: policy },
    { measurement: allFlips, baseline: policy, target: 'median ≤ 5 ms' },
  ],
);
printTable(`Full MS-22 fold (${events.length} events)`, [
  { measurement: bareActorFold },
  { measurement: sessionFold, baseline: bareActorFold },
]);
// Monte Carlo of the MS-22 decision step on this thread: the baseline of the app's workers below.
const monteCarloSamples = 100_000;
const monteCarloPlan = planMonteCarlo(situation, monteCarloSamples, 20_221_215);
const oddsSingleThread = await measureAsync(
  `${monteCarloSamples.toLocaleString('en-US')} samples, the odds (one thread)`,
  async () => {
    sink += countOutcomes(monteCarloPlan, { pass: 0, from: 0, to: monteCarloSamples })['launch-replacement'] ?? 0;
  },
  3,
);
const completeSingleThread = await measureAsync(
  `${monteCarloSamples.toLocaleString('en-US')} samples, odds and tornado (${passCount(monteCarloPlan)} passes, one thread)`,
  async () => {
    sink += monteCarlo(situation, monteCarloSamples, 20_221_215).tornado.length;
  },
  1,
);
printTable(`Monte Carlo of the MS-22 decision step in Node, ${monteCarloPlan.inputs.length} uncertain inputs`, [
  { measurement: policy },
  { measurement: oddsSingleThread, baseline: policy, target: 'median ≤ 1 s' },
  { measurement: completeSingleThread, baseline: oddsSingleThread },
]);

if (sink < 0) console.log(sink);
if (process.env.BENCH_ONLY === 'model') process.exit(0);

// A packet of about 20 MB for the import figures: MS-22 to its decision, then operator changes and notes.
const bigPacketPath = join(tmpdir(), `bench-${process.pid}.packet.json`);
const bigPacket = await writeSignedLongPacket(scenario, profile, 4200, bigPacketPath);
const ui = await measureUi(bigPacketPath, bigPacket);
rmSync(bigPacketPath);
rmSync(bigPacket.keyPath);
printWalkthroughTables(ui);
const { packetImport } = ui;
const importRow = (name: string, runs: { longestTaskMs: number; totalMs: number }[], pick: 'longestTaskMs' | 'totalMs') => ({
  name: `${name} (${runs.length} imports)`,
  medianNsPerOp:
    percentile(
      runs.map((r) => r[pick]),
      0.5,
    ) * 1e6,
  p95NsPerOp: Math.max(...runs.map((r) => r[pick])) * 1e6,
  opsPerSecond:
    1000 /
    percentile(
      runs.map((r) => r[pick]),
      0.5,
    ),
});
const withoutWorkerTask = importRow(
  'longest page task, verified on the page thread',
  packetImport.withoutWorker,
  'longestTaskMs',
);
const withoutWorkerTotal = importRow('import to record shown, on the page thread', packetImport.withoutWorker, 'totalMs');
printTable(
  `Importing a ${packetImport.megabytes.toFixed(1)} MB packet (${packetImport.entries.toLocaleString('en-US')} entries) in Chromium (p95 column: worst run)`,
  [
    { measurement: withoutWorkerTask },
    {
      measurement: importRow('longest page task, verified in a worker', packetImport.withWorker, 'longestTaskMs'),
      baseline: withoutWorkerTask,
      target: 'every run < 100 ms',
    },
    { measurement: withoutWorkerTotal },
    {
      measurement: importRow('import to record shown, in a worker', packetImport.withWorker, 'totalMs'),
      baseline: withoutWorkerTotal,
    },
  ],
);
const runs = ui.monteCarlo;
const worstOf = (name: string, values: number[]) => ({
  name: `${name} (${values.length} runs; p95 column: worst)`,
  medianNsPerOp: percentile(values, 0.5) * 1e6,
  p95NsPerOp: Math.max(...values) * 1e6,
  opsPerSecond: 1000 / percentile(values, 0.5),
});
const allGaps = runs.flatMap((r) => r.progressGapsMs);
printTable(
  `Monte Carlo in Chromium, ${monteCarloSamples.toLocaleString('en-US')} samples of the MS-22 decision step in ${runs[0]?.workers ?? '?'} workers (one per core)`,
  [
    { measurement: oddsSingleThread },
    {
      measurement: worstOf(
        'Run → the odds on screen, workers',
        runs.map((r) => r.oddsMs),
      ),
      baseline: oddsSingleThread,
      target: '≤ 1 s wall',
    },
    { measurement: completeSingleThread },
    {
      measurement: worstOf(
        'Run → odds and tornado on screen, workers',
        runs.map((r) => r.completeMs),
      ),
      baseline: completeSingleThread,
    },
    {
      measurement: worstOf(
        'Run → first progress (workers starting)',
        runs.map((r) => r.firstProgressMs),
      ),
    },
    {
      measurement: {
        name: `gap between progress updates (${allGaps.length} gaps; p95 column: the longest)`,
        medianNsPerOp: percentile(allGaps, 0.5) * 1e6,
        p95NsPerOp: Math.max(...allGaps) * 1e6,
        opsPerSecond: 1000 / percentile(allGaps, 0.5),
      },
      target: 'every gap ≤ 100 ms',
    },
    {
      measurement: worstOf(
        'longest main-thread task during a run',
        runs.map((r) => r.longestTaskMs),
      ),
      target: '≤ 50 ms',
    },
  ],
);
console.log(
  `  progress gaps p95 ${percentile(allGaps, 0.95).toFixed(0)} ms; runs: ${runs.map((r) => `odds ${r.oddsMs.toFixed(0)} ms, complete ${r.completeMs.toFixed(0)} ms, longest task ${r.longestTaskMs} ms`).join('; ')}`,
);

// Audit trail: verifying a 10,000-entry packet against the floor of hashing the same bytes.
const packet = await longPacket(scenario, profile, 10_000);
const bytes = hashedBytes(packet);
const megabytes = bytes.reduce((n, t) => n + t.length, 0) / 1e6;
// The floor is the faster way of hashing the same bytes: all requested at once, or 64 in flight.
const floor = [
  await measureAsync('SHA-256 of the same bytes, all at once', () => sha256All(bytes)),
  await measureAsync('SHA-256 of the same bytes, 64 in flight', () => sha256All(bytes, 64)),
].reduce((a, b) => (a.medianNsPerOp <= b.medianNsPerOp ? a : b));
floor.name = `${floor.name} (floor)`;
const chain = await measureAsync('verify hash chain (canonical JSON + SHA-256 + links)', () => verifyChain(packet));
const replay = await measureAsync('full verification (chain + replay through the machine)', () => verifyPacket(packet));
// The same session signed: every operator entry by the bench operator's key, the packet sealed.
const benchPair = await createKeyPair(false);
const benchSigner: Signer = {
  ...(await publicKeyRecord({ name: 'Bench operator', role: 'flight director' }, benchPair.publicKey)),
  privateKey: benchPair.privateKey,
};
const { packet: signed, key: benchKey } = await signedLongPacket(scenario, profile, 10_000);
const signedCount = signed.entries.filter((e) => e.signature).length;
const checkSignaturesOnly = await signatureFloor(signed);
const signatures = await measureAsync(
  `Ed25519 alone: the same ${signedCount.toLocaleString('en-US')} signatures, keys imported, 64 in flight`,
  async () => {
    if (!(await checkSignaturesOnly()).every(Boolean)) throw new Error('a bench signature does not hold');
  },
);
const signedChain = await measureAsync(
  `verify signed chain (chain + ${signedCount.toLocaleString('en-US')} signatures + seal, trusted)`,
  () => verifyChainAndSignatures(signed, [benchKey], true),
);
printTable(
  `Decision packet of ${packet.entryCount.toLocaleString('en-US')} entries (${megabytes.toFixed(1)} MB hashed), per packet`,
  [
    { measurement: floor },
    { measurement: chain, baseline: floor, target: 'within 3× of the floor' },
    { measurement: signatures, baseline: floor },
    { measurement: signedChain, baseline: floor, target: 'within 3× of the floor' },
    { measurement: signedChain, baseline: signatures },
    { measurement: replay, baseline: floor },
  ],
);
// What signing adds to recording one operator action (the entry's hash is made either way).
const oneHash = await measureAsync('hash one entry (canonical JSON + SHA-256)', () => sha256All(bytes.slice(20, 21)));
const oneSignature = await measureAsync('sign one entry (Ed25519 over its hash)', () =>
  sign(benchSigner, entrySigningMessage(signed.headHash)),
);
printTable('Recording one operator action', [
  { measurement: oneHash },
  { measurement: oneSignature, baseline: oneHash, target: 'adds ≤ 5 ms' },
]);

// The team server's checkpoints: the Merkle tree of a 100,000-entry session log, its root and proofs.
await printMerkleTable();

// The team server (issue 24): consoles following live, appends per second, a long log verified and replayed.
await printTeamTables(scenario, profile);
