import type { z } from 'zod';
import { parseStrictJson } from './strictJson';

/** A problem with something a user handed us: which file, which field, what was expected. */
export interface InputProblem {
  file: string;
  path: string;
  expected: string;
}

const unknownField = 'unknown field';

/** `events[3].at: expected an ISO time`, `events[20].holdDay: unknown field; expected one of …`: a problem in the app's words. */
export function problemWords(problem: Pick<InputProblem, 'path' | 'expected'>): string {
  return `${problem.path || '(root)'}: ${problemExpectation(problem)}`;
}

/** What was expected at a problem's field, in words ("expected …", or that the field is unknown and which are known). */
export function problemExpectation({ expected }: Pick<InputProblem, 'expected'>): string {
  return expected.startsWith(unknownField) ? expected : `expected ${expected}`;
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

/**
 * Passed to a schema's parse so that a field no strict object knows is named in plain words with the
 * fields it allows (Zod's own message names neither). The issue still carries the object that refused.
 */
export const plainSchemaErrors: z.core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const shape = (issue.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape;
  const allowed = shape ? Object.keys(shape) : [];
  return allowed.length ? `${unknownField}; expected one of ${allowed.join(', ')}` : `${unknownField}; expected none`;
};

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

/** A schema's complaints as problems of `file`, each at its field's path; an unknown field at its own path, one each. */
export function issueProblems(
  file: string,
  issues: readonly Issue[],
  messageOf = (issue: Issue) => issue.message,
): InputProblem[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({ file, path: formatPath([...issue.path, key]), expected: issue.message }))
      : [{ file, path: formatPath(issue.path), expected: messageOf(issue) }],
  );
}

/** `events[3].value.high` from a Zod-style path. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}
