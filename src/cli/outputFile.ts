import { closeSync, fsyncSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { InputProblem } from '../session/inputProblem';
import { errorCode } from './thrown';

/**
 * Why `out` may not be written in a run that reads `inputs`: it is one of them (the same real path,
 * or the same file under another name, a hard link), or it exists and is not a regular file (a FIFO
 * would block the write, a device would be replaced by the rename).
 */
export function outputProblem(out: string, inputs: readonly string[]): InputProblem | undefined {
  const target = identify(out);
  if (!target) return undefined;
  const problem = (expected: string) => ({ file: out, path: '(file)', expected });
  if (!target.stats.isFile()) return problem('a regular file to write, not a directory, FIFO or device');
  for (const input of inputs) {
    const source = identify(input);
    if (
      source &&
      (source.realPath === target.realPath || (source.stats.dev === target.stats.dev && source.stats.ino === target.stats.ino))
    )
      return problem(`not an input of this run (it is ${input}, which --out would overwrite)`);
  }
  return undefined;
}

function identify(path: string) {
  try {
    const realPath = realpathSync(path);
    return { realPath, stats: statSync(realPath) };
  } catch {
    return undefined;
  }
}

/**
 * Writes `text` to `out` whole or not at all: into a new file beside it, then renamed over it, so a
 * full disk leaves the old file (or none), never half a packet. A symbolic link is written through.
 */
export function writeWhole(out: string, text: string): InputProblem | undefined {
  const target = identify(out)?.realPath ?? out;
  const temporary = `${target}.${process.pid}.partial`;
  let fd: number | undefined;
  let created = false;
  try {
    fd = openSync(temporary, 'wx');
    created = true;
    writeFileSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    if (created) rmSync(temporary, { force: true });
    return { file: out, path: '(file)', expected: `a writable path (${errorCode(error) ?? 'error'})` };
  }
}
