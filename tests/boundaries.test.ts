import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;

const refused: [path: string, source: string, message: string][] = [
  ['machines/policy/probe.ts', "import { foldSession } from '../../src/session/fold';", 'imports nothing of src/'],
  ['machines/probe.ts', "import { readFileSync } from 'node:fs';", 'no I/O'],
  ['src/session/probe.ts', "import { openDB } from 'idb';", 'no UI, DOM storage or Node-only modules'],
  ['src/session/probe.ts', "import { parsePacket } from '../files/packetFile';", 'they import it, not the other way'],
  ['src/record/probe.ts', "import { readFileSync } from 'node:fs';", 'no UI, DOM storage or Node-only modules'],
  ['src/ui/decision/probe.ts', "import { recommend } from '../../../machines/policy/policy';", 'not machines/ directly'],
  ['src/cli/probe.ts', "import { recommend } from '../../machines/policy/policy';", 'not machines/ directly'],
  ['src/ui/walkthrough/probe.ts', "import { AuditTable } from '../audit/AuditTable';", 'never its insides'],
];

const allowed: [path: string, source: string][] = [
  ['src/ui/walkthrough/probe.ts', "import { AuditView } from '../audit';"],
  ['src/ui/walkthrough/probe.ts', "import { displayValue } from '../shared/units';"],
  ['src/ui/walkthrough/probe.ts', "import { recommend } from '../../session/model';"],
  ['src/session/probe.ts', "import { recommend } from '../../machines/policy/policy';"],
];

/** Zod only through machines/zod.ts (configured for the Content-Security-Policy): a GritQL plugin, not noRestrictedImports. */
const zodImports: [path: string, source: string][] = [
  ['src/files/probe.ts', "import { z } from 'zod';"],
  ['machines/statechart/probe.ts', "import { z } from 'zod/v4';"],
];

type Diagnostic = { severity: string; message: string; category: string; location: { path: string } };

/** Each probe at a file of its own, at the path it stands for (its name marks which probe it is). */
const probeFile = (path: string, name: string) => path.replace(/\.ts$/, `-${name}.ts`);
const probes = [
  ...refused.map(([path, source], i) => ({
    file: probeFile(path, `refused-${i}`),
    text: `${source}\nexport const probe = 1;\n`,
  })),
  ...allowed.map(([path, source], i) => ({
    file: probeFile(path, `allowed-${i}`),
    text: `${source}\nexport const probe = [${source.match(/\{ (\w+)/)?.[1]}];\n`,
  })),
  ...zodImports.map(([path, source], i) => ({
    file: probeFile(path, `zod-${i}`),
    text: `${source}\nexport const probe = [z];\n`,
  })),
];

let folder: string;
let diagnostics: Diagnostic[];

/**
 * Lints every probe in one Biome run, with the project's own biome.json (its overrides apply by path,
 * so the probes mirror the source tree's paths) copied beside them, outside the source tree: what
 * `npm test`'s lint step says of such files.
 */
beforeAll(() => {
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

describe('import boundaries (Biome noRestrictedImports, part of npm test)', () => {
  it.each(refused.map((row, i) => [...row, probeFile(row[0], `refused-${i}`)]))('%s: %s is refused', (_, __, message, file) => {
    const errors = diagnosticsOf(file).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.category)).toContain('lint/style/noRestrictedImports');
    expect(errors.map((d) => d.message).join('\n')).toContain(message);
  });

  it.each(zodImports.map((row, i) => [...row, probeFile(row[0], `zod-${i}`)]))('%s: %s is refused', (_, __, file) => {
    const errors = diagnosticsOf(file).filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message).join('\n')).toContain('Import z from machines/zod.ts');
  });

  it.each(allowed.map((row, i) => [...row, probeFile(row[0], `allowed-${i}`)]))('%s: %s is allowed', (_, __, file) => {
    const found = diagnosticsOf(file);
    expect(found.map((d) => d.category)).not.toContain('lint/style/noRestrictedImports');
    expect(found.filter((d) => d.severity === 'error' || d.severity === 'fatal')).toEqual([]);
  });
});
