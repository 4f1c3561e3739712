import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decide as decideCommand } from '../src/cli/decide';
import { keygen as keygenCommand } from '../src/cli/keygen';
import { report as reportCommand } from '../src/cli/report';
import { type Command, runCommand } from '../src/cli/runCli';
import { verify as verifyCommand } from '../src/cli/verify';

/** The exit code of an internal failure here: none of the commands' own codes, so a test sees it. */
export const internalFailure = 70;

/** Runs a CLI command in this process, its output captured as the terminal would receive it. */
export async function runInProcess(command: Command, ...argv: string[]) {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runCommand(command, internalFailure, argv, {
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** The commands as `npm run <command>` runs them, here in this process. */
export const decide = (...args: string[]) => runInProcess(decideCommand, ...args);
export const verify = (...args: string[]) => runInProcess(verifyCommand, ...args);
export const report = (...args: string[]) => runInProcess(reportCommand, ...args);
export const keygen = (...args: string[]) => runInProcess(keygenCommand, ...args);

/** A fresh folder and a way to write files into it. */
export function scratchFolder(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name: string, text: string | Buffer): string {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

/** C0 and C1 controls, DEL and the bidirectional overrides: none may reach a terminal raw (line breaks aside). */
export const rawControl =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
  /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
