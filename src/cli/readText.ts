import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { decodeUtf8 } from '../files/utf8Text';
import type { InputProblem } from '../session/inputProblem';
import { errorCode } from './thrown';

export const maxInputBytes = 20 * 1024 * 1024;

/**
 * Reads an input file as UTF-8 text (refused at the first byte that is not). Only a regular file of at most `maxInputBytes` is read: it is
 * looked at before it is opened, since opening a FIFO waits for a writer, and opened without blocking
 * and looked at again, in case it was swapped in between.
 */
export function readText(file: string): { text: string } | { problem: InputProblem } {
  const problem = (expected: string) => ({ problem: { file, path: '(file)', expected } });
  let fd: number | undefined;
  try {
    const refusal = refuse(statSync(file));
    if (refusal) return problem(refusal);
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const refusalOpened = refuse(fstatSync(fd));
    if (refusalOpened) return problem(refusalOpened);
    const bytes = readAtMost(fd, maxInputBytes + 1);
    if (bytes.length > maxInputBytes) return problem(`a file of at most ${megabytes(maxInputBytes)} (it grew while read)`);
    return decodeUtf8(file, bytes);
  } catch (error) {
    const code = errorCode(error);
    return problem(`a readable file: ${code === 'ENOENT' ? 'no such file' : `unreadable (${code ?? 'error'})`}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function refuse(stats: Stats): string | undefined {
  if (!stats.isFile()) return `a readable file: a regular file, not ${kindOf(stats)}`;
  if (stats.size > maxInputBytes) return `a file of at most ${megabytes(maxInputBytes)}, not ${megabytes(stats.size)}`;
  return undefined;
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a special file';
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MB`;

function readAtMost(fd: number, limit: number): Buffer {
  let buffer = Buffer.alloc(Math.min(limit, fstatSync(fd).size + 1));
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) return buffer;
      const grown = Buffer.alloc(Math.min(limit, length * 2 + 1));
      buffer.copy(grown);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) return buffer.subarray(0, length);
    length += read;
  }
}
