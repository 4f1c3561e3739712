/** A problem with something a user handed us: which file, which field, what was expected. */
export interface InputProblem {
  file: string;
  path: string;
  expected: string;
}

export function formatProblem(problem: InputProblem): string {
  return `error: ${problem.file}: ${problem.path || '(root)'}: ${problem.expected}`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: InputProblem[] };

export function parseJsonText(file: string, text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file, path: '(root)', expected: `well-formed JSON (${detail})` }] };
  }
}

/** `events[3].value.high` from a Zod-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}
