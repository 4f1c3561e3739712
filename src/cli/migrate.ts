import { writeFileSync } from 'node:fs';
import { migrateScenario } from '../../scenarios/migrate';
import { validateScenario } from '../files/scenarioFile';
import { parseJsonText } from '../session/inputProblem';
import type { CliIo } from './cliIo';
import { oneLine, printProblems } from './problemLines';
import { readText } from './readText';
import { isProgram, runCli } from './runCli';

const usage = 'usage: npm run migrate -- <scenario.json> [--write]';

/**
 * Converts a scenario file of the earlier format to the current one: prints each change and the
 * converted file (or, with --write, writes it in place once it passes the schema). Exit 0: converted
 * (or already current); 2: unreadable, not a scenario, or still invalid after conversion.
 */
export async function migrate(argv: string[], io: CliIo): Promise<number> {
  const write = argv.includes('--write');
  const files = argv.filter((a) => a !== '--write');
  const [file, ...extra] = files;
  if (!file || extra.length || files.some((f) => f.startsWith('--'))) {
    io.err(`error: one scenario file expected\n${usage}\n`);
    return 2;
  }
  const read = readText(file);
  if ('problem' in read) {
    printProblems(io, [read.problem]);
    return 2;
  }
  const parsed = parseJsonText(file, read.text);
  if (!parsed.ok) {
    printProblems(io, parsed.problems);
    return 2;
  }
  const migration = migrateScenario(parsed.value);
  if (!migration) {
    const current = validateScenario(file, parsed.value);
    if (current.ok) {
      io.out(`${oneLine(`${file}: already in the current format`)}\n`);
      return 0;
    }
    printProblems(io, current.problems);
    return 2;
  }
  for (const change of migration.changes) io.out(`${oneLine(`changed: ${change}`)}\n`);
  const checked = validateScenario(file, migration.scenario);
  if (!checked.ok) {
    io.err('the converted file still fails the schema:\n');
    printProblems(io, checked.problems);
    return 2;
  }
  const text = `${JSON.stringify(migration.scenario, null, 2)}\n`;
  if (write) {
    writeFileSync(file, text);
    io.out(`${oneLine(`wrote ${file}`)}\n`);
  } else io.out(text);
  return 0;
}

if (isProgram(import.meta.url)) runCli(migrate, 70);
