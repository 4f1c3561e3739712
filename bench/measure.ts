/** Times `run` (which performs `opsPerRun` operations) in repeated samples after a warm-up. */
export interface Measurement {
  name: string;
  medianNsPerOp: number;
  p95NsPerOp: number;
  opsPerSecond: number;
}

export function measure(name: string, run: () => void, opsPerRun = 1, samples = 60, minSampleMs = 5): Measurement {
  const deadline = performance.now() + 200;
  while (performance.now() < deadline) run();
  let runsPerSample = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < runsPerSample; i++) run();
    if (performance.now() - start >= minSampleMs) break;
    runsPerSample *= 2;
  }
  const nsPerOp: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < runsPerSample; i++) run();
    nsPerOp.push(((performance.now() - start) * 1e6) / (runsPerSample * opsPerRun));
  }
  nsPerOp.sort((a, b) => a - b);
  const median = nsPerOp[Math.floor(nsPerOp.length / 2)] ?? Number.NaN;
  const p95 = nsPerOp[Math.floor(nsPerOp.length * 0.95)] ?? Number.NaN;
  return { name, medianNsPerOp: median, p95NsPerOp: p95, opsPerSecond: 1e9 / median };
}

/** For operations of hundreds of milliseconds: one warm-up, then `samples` timed runs. */
export async function measureAsync(name: string, run: () => Promise<unknown>, samples = 7): Promise<Measurement> {
  await run();
  const ns: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    await run();
    ns.push((performance.now() - start) * 1e6);
  }
  ns.sort((a, b) => a - b);
  const median = ns[Math.floor(ns.length / 2)] ?? Number.NaN;
  return { name, medianNsPerOp: median, p95NsPerOp: ns.at(-1) ?? Number.NaN, opsPerSecond: 1e9 / median };
}

export interface Row {
  measurement: Measurement;
  baseline?: Measurement;
  target?: string;
}

export function printTable(title: string, rows: Row[]): void {
  const format = (ns: number) =>
    Number.isNaN(ns)
      ? '—'
      : ns >= 1e6
        ? `${(ns / 1e6).toFixed(3)} ms`
        : ns >= 1e3
          ? `${(ns / 1e3).toFixed(2)} µs`
          : `${ns.toFixed(1)} ns`;
  const table = rows.map(({ measurement: m, baseline, target }) => ({
    benchmark: m.name,
    'median / op': format(m.medianNsPerOp),
    'p95 / op': format(m.p95NsPerOp),
    'ops/s': Number.isNaN(m.opsPerSecond) ? '—' : Math.round(m.opsPerSecond).toLocaleString('en-US'),
    'vs baseline': baseline ? `${(m.medianNsPerOp / baseline.medianNsPerOp).toFixed(2)}× ${baseline.name}` : '—',
    target: target ?? '',
  }));
  console.log(`\n${title}`);
  console.table(table);
}

/** The value at fraction `p` of the sorted values (0.5: the median). */
export const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? Number.NaN;

/** Figures from timed samples (ms): median, p95 (or the worst, for few samples) and throughput over `elapsedMs` if given. */
export function fromSamples(name: string, samplesMs: readonly number[], elapsedMs?: number): Measurement {
  const median = percentile([...samplesMs], 0.5);
  return {
    name,
    medianNsPerOp: median * 1e6,
    p95NsPerOp: percentile([...samplesMs], 0.95) * 1e6,
    opsPerSecond: elapsedMs === undefined ? 1000 / median : (samplesMs.length * 1000) / elapsedMs,
  };
}
