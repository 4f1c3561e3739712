/** A request's JSON body read through its schema: the value, or problems naming each field. */
import type { Context } from 'hono';
import { issueProblems, plainSchemaErrors } from '../session/inputProblem';
import type { z } from '../session/model';
import type { RequestProblem } from '../team/protocol';

export type BodyRead<T> = { ok: true; value: T } | { ok: false; problems: RequestProblem[] };

export async function readBody<Schema extends z.ZodType>(c: Context, schema: Schema): Promise<BodyRead<z.infer<Schema>>> {
  let json: unknown;
  try {
    json = await c.req.json();
  } catch {
    return { ok: false, problems: [{ path: '', expected: 'a JSON body (Content-Type: application/json)' }] };
  }
  const parsed = schema.safeParse(json, { error: plainSchemaErrors });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: issueProblems('', parsed.error.issues).map(({ path, expected }) => ({ path: path || '(the body)', expected })),
  };
}
