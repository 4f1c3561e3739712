import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Lints `source` written for a moment at `path`: what `npm test`'s lint step says of such a file. */
function lintAs(path: string, source: string) {
  const probe = path.replace(/\.ts$/, `-${process.pid}-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(probe, source);
  try {
    const result = spawnSync('npx', ['biome', 'lint', probe], { encoding: 'utf8' });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(probe);
  }
}

describe('import boundaries (Biome noRestrictedImports, part of npm test)', () => {
  it.each([
    ['machines/policy/probe.ts', "import { foldSession } from '../../src/session/fold';", 'imports nothing of src/'],
    ['machines/probe.ts', "import { readFileSync } from 'node:fs';", 'no I/O'],
    ['src/session/probe.ts', "import { openDB } from 'idb';", 'no UI, DOM storage or Node-only modules'],
    ['src/session/probe.ts', "import { parsePacket } from '../files/packetFile';", 'they import it, not the other way'],
    ['src/record/probe.ts', "import { readFileSync } from 'node:fs';", 'no UI, DOM storage or Node-only modules'],
    ['src/ui/decision/probe.ts', "import { recommend } from '../../../machines/policy/policy';", 'not machines/ directly'],
    ['src/cli/probe.ts', "import { recommend } from '../../machines/policy/policy';", 'not machines/ directly'],
    ['src/ui/walkthrough/probe.ts', "import { AuditTable } from '../audit/AuditTable';", 'never its insides'],
  ])('%s: %s is refused', (path, source, message) => {
    const { code, output } = lintAs(path, `${source}\nexport const probe = 1;\n`);
    expect(code).not.toBe(0);
    expect(output).toContain(message);
  });

  it.each([
    ['src/ui/walkthrough/probe.ts', "import { AuditView } from '../audit';"],
    ['src/ui/walkthrough/probe.ts', "import { displayValue } from '../shared/units';"],
    ['src/ui/walkthrough/probe.ts', "import { recommend } from '../../session/model';"],
    ['src/session/probe.ts', "import { recommend } from '../../machines/policy/policy';"],
  ])('%s: %s is allowed', (path, source) => {
    const { code, output } = lintAs(path, `${source}\nexport const probe = [${source.match(/\{ (\w+)/)?.[1]}];\n`);
    expect(output).not.toContain('noRestrictedImports');
    expect(code).toBe(0);
  });
});
