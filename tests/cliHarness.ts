import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Command, runCommand } from '../src/cli/runCli';

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
