import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

const restricted = 'lint/style/noRestrictedImports';
const layers = 'vehicles → thermal → rules → policy → uncertainty → statechart';

/** A probe file, at the path of the tree it stands for, and what the lint says of it. */
interface Probe {
  file: string;
  text: string;
}
interface RefusedProbe extends Probe {
  category: string;
  message: string;
}

/** A one-import probe exporting what it imports, so that nothing in it is unused. */
const importing = (file: string, name: string, from: string): Probe => ({
  file,
  text: `import { ${name} } from '${from}';\nexport const probe = [${name}];\n`,
});
const refusedImport = (file: string, name: string, from: string, message: string): RefusedProbe => ({
  ...importing(file, name, from),
  category: restricted,
  message,
});

const refused: RefusedProbe[] = [
  refusedImport('machines/policy/probe-src.ts', 'foldSession', '../../src/session/fold', 'imports nothing of src/'),
  refusedImport('machines/probe-node.ts', 'readFileSync', 'node:fs', 'no I/O'),
  refusedImport(
    'machines/statechart/probe-scenarios.ts',
    'scenarioSchema',
    '../../scenarios/schema',
    'scenarios/ are data read through it',
  ),
  refusedImport('machines/vehicles/probe-policy.ts', 'recommend', '../policy/policy', layers),
  refusedImport('machines/vehicles/catalogue/probe-thermal.ts', 'peakCabinTempC', '../../thermal/descentCabin', layers),
  refusedImport('machines/thermal/probe-rules.ts', 'allRules', '../rules/flightRules', layers),
  refusedImport('machines/rules/probe-policy.ts', 'recommend', '../policy/policy', layers),
  refusedImport('machines/policy/probe-uncertainty.ts', 'monteCarlo', '../uncertainty/monteCarlo', layers),
  refusedImport('machines/uncertainty/probe-statechart.ts', 'crewReturnMachine', '../statechart/crewReturnMachine', layers),
  refusedImport('machines/types.ts', 'allRules', './rules/flightRules', layers),
  // The vocabulary (thresholds, quantities, statuses) is below every layer, its own folder's included.
  refusedImport('machines/policy/thresholds.ts', 'recommend', './policy', layers),
  refusedImport('scenarios/probe-src.ts', 'recommend', '../src/session/model', 'scenarios/ are data and their schema'),
  refusedImport('scenarios/probe-node.ts', 'writeFileSync', 'node:fs', 'scenarios/ are data and their schema'),
  refusedImport('src/session/probe-idb.ts', 'openDB', 'idb', 'no UI, DOM storage or Node-only modules'),
  refusedImport('src/session/probe-files.ts', 'parsePacket', '../files/packetFile', 'they import it, not the other way'),
  refusedImport('src/session/probe-tests.ts', 'readCsv', '../../tests/support', 'Product code imports no tests'),
  refusedImport('src/record/probe-node.ts', 'readFileSync', 'node:fs', 'no UI, DOM storage or Node-only modules'),
  refusedImport('src/record/probe-reports.ts', 'outcomeLabels', '../reports/describe', 'Records are below reports, files'),
  refusedImport('src/record/probe-files.ts', 'parsePacket', '../files/packetFile', 'Records are below reports, files'),
  refusedImport('src/reports/probe-files.ts', 'parsePacket', '../files/packetFile', 'a report reads a record, not a file'),
  refusedImport('src/files/probe-reports.ts', 'outcomeLabels', '../reports/describe', 'ui, cli → files, reports → session'),
  refusedImport('src/ui/decision/probe-machines.ts', 'recommend', '../../../machines/policy/policy', 'not machines/ directly'),
  refusedImport('src/cli/probe-machines.ts', 'recommend', '../../machines/policy/policy', 'not machines/ directly'),
  refusedImport('src/ui/walkthrough/probe-insides.ts', 'AuditTable', '../audit/AuditTable', 'never its insides'),
  refusedImport('src/ui/library/probe-json.ts', 'scenario', '../../../scenarios/soyuz-ms-22.json', 'never imported as JSON'),
  refusedImport(
    'src/record/probe-server.ts',
    'createApp',
    '../server/app',
    'Records are below reports, files, the team protocol',
  ),
  refusedImport(
    'src/record/probe-team.ts',
    'appendMessage',
    '../team/protocol',
    'Records are below reports, files, the team protocol',
  ),
  refusedImport('src/session/probe-server.ts', 'createApp', '../server/app', 'the team protocol and the team server'),
  refusedImport('src/ui/decision/probe-server.ts', 'createApp', '../../server/app', 'over HTTP'),
  refusedImport('src/team/probe-node.ts', 'readFileSync', 'node:fs', 'in the browser and in Node alike'),
  refusedImport('src/team/probe-hono.ts', 'Hono', 'hono', 'with no framework or database'),
  refusedImport('src/team/probe-server.ts', 'createApp', '../server/app', 'stands on records and session logic only'),
  refusedImport('src/team/probe-console.ts', 'teamApi', './console/teamApi', 'below the console'),
  refusedImport('src/team/console/probe-server.ts', 'createApp', '../../server/app', 'talks to the server over HTTP'),
  refusedImport('src/team/console/probe-ui.ts', 'AuditView', '../../ui/audit', 'the app imports it, not the other way'),
  refusedImport('src/team/console/probe-eventsource.ts', 'EventSource', 'eventsource', 'is handed its EventSource'),
  refusedImport('src/team/console/probe-node.ts', 'readFileSync', 'node:fs', 'in the browser and in Node alike'),
  refusedImport('src/team/console/probe-idb.ts', 'openDB', 'idb', 'a store is handed in'),
  refusedImport('src/server/probe-ui.ts', 'AuditView', '../ui/audit', 'imports no UI'),
  refusedImport('src/server/probe-files.ts', 'parsePacket', '../files/packetFile', 'not the CLI, file formats or reports'),
  refusedImport('bench/probe-ui.ts', 'AuditView', '../src/ui/audit', 'not the UI or CLI source'),
  refusedImport('scripts/probe-cli.ts', 'runCli', '../src/cli/runCli', 'not the UI or CLI source'),
  {
    file: 'src/session/probe-export-all.ts',
    text: "export * from '../../machines/types';\n",
    category: 'lint/performance/noReExportAll',
    message: 'export all',
  },
  {
    file: 'src/reports/probe-barrel.ts',
    text: "export { outcomeLabels } from './describe';\n",
    category: 'lint/performance/noBarrelFile',
    message: 'barrel file',
  },
  // Two modules that import each other's types: a cycle although the compiler erases both imports.
  {
    file: 'src/session/probe-cycle-a.ts',
    text: "import type { B } from './probe-cycle-b';\nexport type A = { b?: B };\n",
    category: 'lint/suspicious/noImportCycles',
    message: 'part of a cycle',
  },
  {
    file: 'src/session/probe-cycle-b.ts',
    text: "import type { A } from './probe-cycle-a';\nexport type B = { a?: A };\n",
    category: 'lint/suspicious/noImportCycles',
    message: 'part of a cycle',
  },
];

const allowed: Probe[] = [
  importing('src/ui/walkthrough/probe-index.ts', 'AuditView', '../audit'),
  importing('src/ui/walkthrough/probe-shared.ts', 'displayValue', '../shared/units'),
  importing('src/ui/walkthrough/probe-model.ts', 'recommend', '../../session/model'),
  importing('src/session/probe-machines.ts', 'recommend', '../../machines/policy/policy'),
  importing('src/reports/probe-record.ts', 'makePacket', '../record/ledger'),
  importing('machines/statechart/probe-below.ts', 'monteCarlo', '../uncertainty/monteCarlo'),
  importing('machines/rules/probe-vocabulary.ts', 'thresholdValue', '../policy/thresholds'),
  importing('machines/vehicles/probe-vocabulary.ts', 'quantityOfKey', '../rules/quantities'),
  importing('machines/thermal/probe-vehicles.ts', 'fact', '../vehicles/vehicles'),
  importing('machines/rules/quantities.ts', 'statusKey', './systemStatus'),
  importing('scenarios/probe-machines.ts', 'crewReturnEventSchema', '../machines/statechart/events'),
  importing('scenarios/write-schema.ts', 'writeFileSync', 'node:fs'),
  importing('scripts/probe-files.ts', 'parseScenario', '../src/files/scenarioFile'),
  importing('src/server/probe-record.ts', 'makePacket', '../record/ledger'),
  importing('src/server/probe-team.ts', 'appendMessage', '../team/protocol'),
  importing('src/server/probe-node.ts', 'readFileSync', 'node:fs'),
  importing('src/team/probe-record.ts', 'sign', '../record/signing'),
  importing('src/team/console/probe-protocol.ts', 'appendMessage', '../protocol'),
  importing('src/team/console/probe-record.ts', 'logLeafHash', '../../record/checkpoint'),
  importing('src/team/console/probe-sibling.ts', 'teamApi', './teamApi'),
  importing('src/ui/walkthrough/probe-console.ts', 'teamApi', '../../team/console/teamApi'),
  importing('src/ui/walkthrough/probe-team.ts', 'appendMessage', '../../team/protocol'),
  // The model's one door lists what it lets through.
  { file: 'src/session/model.ts', text: "export { recommend } from '../../machines/policy/policy';\n" },
];

/** Zod only through machines/zod.ts (configured for the Content-Security-Policy): a GritQL plugin, not noRestrictedImports. */
const zodImports: RefusedProbe[] = [
  { ...importing('src/files/probe-zod.ts', 'z', 'zod'), category: 'plugin', message: 'Import z from machines/zod.ts' },
  {
    ...importing('machines/statechart/probe-zod.ts', 'z', 'zod/v4'),
    category: 'plugin',
    message: 'Import z from machines/zod.ts',
  },
];

type Diagnostic = { severity: string; message: string; category: string; location: { path: string } };

let folder: string;
let diagnostics: Diagnostic[];

/**
 * Lints every probe in one Biome run, with the project's own biome.json (its overrides apply by path,
 * so the probes mirror the source tree's paths) copied beside them, outside the source tree: what
 * `npm test`'s lint step says of such files.
 */
beforeAll(() => {
  const probes = [...refused, ...zodImports, ...allowed];
  expect(new Set(probes.map((p) => p.file)).size, 'one probe per file').toBe(probes.length);
  folder = mkdtempSync(join(tmpdir(), 'boundaries-'));
  const config = JSON.parse(readFileSync(join(root, 'biome.json'), 'utf8'));
  delete config.$schema;
  config.vcs = { enabled: false }; // the folder is no Git checkout
  // Plugins are named relative to the project: point at them from the temporary folder.
  for (const override of config.overrides ?? [])
    if (override.plugins) override.plugins = override.plugins.map((plugin: string) => join(root, plugin));
  writeFileSync(join(folder, 'biome.json'), JSON.stringify(config));
  for (const { file, text } of probes) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), text);
  }
  const result = spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', '--reporter=json', '--max-diagnostics=none', '.'], {
    cwd: folder,
    encoding: 'utf8',
  });
  const report = JSON.parse(result.stdout) as {
    summary: { changed: number; unchanged: number; diagnosticsNotPrinted: number };
    diagnostics: Diagnostic[];
  };
  // Every probe was linted (and the configuration file beside them), and every diagnostic is here.
  expect(report.summary.diagnosticsNotPrinted).toBe(0);
  expect(report.summary.changed + report.summary.unchanged, result.stderr).toBe(probes.length + 1);
  diagnostics = report.diagnostics;
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

const diagnosticsOf = (file: string) => diagnostics.filter((d) => d.location?.path === file);
const boundaryRules = [
  restricted,
  'lint/performance/noReExportAll',
  'lint/performance/noBarrelFile',
  'lint/suspicious/noImportCycles',
];

describe('import boundaries (Biome, part of npm test)', () => {
  it.each([...refused, ...zodImports].map((p) => [p.file, p.text.split('\n')[0], p]))('%s: %s is refused', (_, __, probe) => {
    const errors = diagnosticsOf(probe.file).filter((d) => d.severity === 'error' && d.category === probe.category);
    expect(errors.map((d) => d.message).join('\n')).toContain(probe.message);
  });

  it.each(allowed.map((p) => [p.file, p.text.split('\n')[0], p]))('%s: %s is allowed', (_, __, probe) => {
    const found = diagnosticsOf(probe.file);
    expect(found.map((d) => d.category).filter((c) => boundaryRules.includes(c))).toEqual([]);
    expect(found.filter((d) => d.severity === 'error' || d.severity === 'fatal')).toEqual([]);
  });
});
