import { readFileSync } from 'node:fs';
import type { InputProblem } from '../session/inputProblem';

export function readText(file: string): { text: string } | { problem: InputProblem } {
  try {
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a file, not a directory' : `unreadable (${code ?? 'error'})`;
    return { problem: { file, path: '(file)', expected: `a readable file: ${why}` } };
  }
}
