import type { z } from '../../machines/zod';
import { parseStrictJson } from './strictJson';

/** A problem with something a user handed us: which file, which field, what was expected. */
export interface InputProblem {
  file: string;
  path: string;
  expected: string;
}

const unknownField = 'unknown field';

/**
 * A problem whose words say what is wrong themselves: a field the format does not have (and which it
 * has), or a field that is missing (and what it holds); not "expected …" of a value that is wrong.
 */
export const saysWhatIsWrong = ({ expected }: Pick<InputProblem, 'expected'>) =>
  expected.startsWith(unknownField) || expected.startsWith('missing');

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

/** A schema's complaint at its field, the path as keys (`['events', 3, 'at']`): where an editor shows it. */
export interface FieldProblem {
  path: (string | number)[];
  expected: string;
}

/** A schema's complaints, each at its field's path; an unknown field at its own path, one each. */
export function fieldProblems<Reported extends Issue>(
  issues: readonly Reported[],
  messageOf = (issue: Reported) => issue.message,
): FieldProblem[] {
  const keysOf = (path: readonly PropertyKey[]) => path.map((key) => (typeof key === 'number' ? key : String(key)));
  const problems = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? issue.keys.map((key) => ({ path: keysOf([...issue.path, key]), expected: issue.message }))
      : [{ path: keysOf(issue.path), expected: messageOf(issue) }],
  );
  // Both sides of an intersection judge a shared field: the same words at the same field are one problem.
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A schema's complaints as problems of `file`, each at its field's path; an unknown field at its own path, one each. */
export function issueProblems<Reported extends Issue>(
  file: string,
  issues: readonly Reported[],
  messageOf = (issue: Reported) => issue.message,
): InputProblem[] {
  return fieldProblems(issues, messageOf).map(({ path, expected }) => ({ file, path: formatPath(path), expected }));
}

/** `events[3].value.high` from a Zod-style path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text ? `${text}.${String(key)}` : String(key);
  }, '');
}
