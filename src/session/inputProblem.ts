import { parseStrictJson } from './strictJson';

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

/** JSON text to a value; a syntax error, a repeated key or too deep a nesting is one problem, placed by line and column. */
export function parseJsonText(file: string, text: string): Parsed<unknown> {
  const json = parseStrictJson(text);
  if (json.ok) return json;
  const at = `line ${json.line}, column ${json.column}`;
  return { ok: false, problems: [{ file, path: json.path ? `${json.path} (${at})` : at, expected: json.expected }] };
}

/** A schema's complaints as problems of `file`, each at its field's path. */
export function issueProblems(
  file: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): InputProblem[] {
  return issues.map((issue) => ({ file, path: formatPath(issue.path), expected: issue.message }));
}

/** `events[3].value.high` from a Zod-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}
