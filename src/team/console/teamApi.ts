/**
 * The console's client of the team server's JSON API, over fetch (the browser's, or Node's). Every
 * answer is read through the protocol's schemas; every failure comes back as a value in words (an
 * unreachable server, a refused append, an answer that is not the protocol), never as a throw.
 */
import type { z } from '../../session/model';
import {
  type Admission,
  type AdmissionRequest,
  type AppendRequest,
  admissionSchema,
  appendResponseSchema,
  type ConsistencyProof,
  type CreateSessionRequest,
  consistencyProofSchema,
  type KeepCaseRequest,
  type KeptCase,
  type KeptCaseSummary,
  keptCaseSchema,
  keptCaseSummarySchema,
  type RegisterKeyRequest,
  type RequestProblem,
  refusalSchema,
  type SessionDetail,
  type SessionSummary,
  type StoredEntry,
  sessionDetailSchema,
  sessionSummarySchema,
  storedEntrySchema,
} from '../protocol';
import { publicKeyRecordSchema, type ServerInfo, serverInfoSchema } from '../serverInfo';

export type TeamFailure =
  /** No answer at all: the server is down, or this console is off the network. */
  | { kind: 'unreachable'; words: string }
  /** Someone appended first: the log now holds `entryCount` entries ending in `headHash`. */
  | { kind: 'stale'; entryCount: number; headHash: string; words: string }
  | { kind: 'not-admitted'; fingerprint: string; words: string }
  | { kind: 'invalid'; problems: RequestProblem[]; words: string }
  | { kind: 'not-found' | 'exists' | 'server-error'; words: string }
  /** An answer that is not the protocol's: a proxy's page, another program on the port, a hostile server. */
  | { kind: 'unreadable'; words: string };

type TeamResult<T> = { ok: true; value: T } | { ok: false; failure: TeamFailure };

interface Appended {
  seq: number;
  hash: string;
  appendedUtc: string;
}

export interface TeamApi {
  readonly baseUrl: string;
  serverInfo(): Promise<TeamResult<ServerInfo>>;
  sessions(): Promise<TeamResult<SessionSummary[]>>;
  session(id: string): Promise<TeamResult<SessionDetail>>;
  openSession(request: CreateSessionRequest): Promise<TeamResult<SessionDetail>>;
  keys(): Promise<TeamResult<z.infer<typeof publicKeyRecordSchema>[]>>;
  registerKey(request: RegisterKeyRequest): Promise<TeamResult<z.infer<typeof publicKeyRecordSchema>>>;
  admissions(sessionId: string): Promise<TeamResult<Admission[]>>;
  admit(sessionId: string, request: AdmissionRequest): Promise<TeamResult<Admission>>;
  append(sessionId: string, request: AppendRequest): Promise<TeamResult<Appended>>;
  /** One page of the entries after seq `afterSeq`, in order (the server sends at most 1,000 at a time). */
  entriesAfter(sessionId: string, afterSeq: number): Promise<TeamResult<StoredEntry[]>>;
  /** The proof that the log of `toSize` entries begins with the log of `fromSize` (both sizes the server signed). */
  consistency(sessionId: string, fromSize: number, toSize: number): Promise<TeamResult<ConsistencyProof>>;
  /** The latest version of each case kept on the server (unverified: read each through `keptCase` to verify it). */
  keptCases(): Promise<TeamResult<KeptCaseSummary[]>>;
  keptCase(id: string): Promise<TeamResult<KeptCase>>;
  keepCase(request: KeepCaseRequest): Promise<TeamResult<KeptCase>>;
}

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

const problemWords = (problems: RequestProblem[]) =>
  problems.map(({ path, expected }) => `${path}: expected ${expected}`).join('; ');

/** A client of the server at `baseUrl` (e.g. http://127.0.0.1:5173, or '' for the page's own origin). */
export function teamApi(baseUrl: string, fetchImpl: Fetch = (url, init) => fetch(url, init)): TeamApi {
  const base = baseUrl.replace(/\/+$/, '');
  const session = (id: string) => `/api/sessions/${encodeURIComponent(id)}`;

  async function call<T>(path: string, schema: z.ZodType<T>, body?: unknown): Promise<TeamResult<T>> {
    const init: RequestInit =
      body === undefined
        ? { headers: { Accept: 'application/json' } }
        : {
            method: 'POST',
            headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
          };
    let response: Response;
    let json: unknown;
    try {
      response = await fetchImpl(`${base}${path}`, init);
    } catch (error) {
      const why = error instanceof Error && error.message ? ` (${error.message})` : '';
      return failed({
        kind: 'unreachable',
        words: `The team server at ${base || 'this page’s address'} cannot be reached${why}.`,
      });
    }
    try {
      json = await response.json();
    } catch {
      return unreadable(path, response.status, 'not JSON');
    }
    if (response.ok) {
      const parsed = schema.safeParse(json);
      return parsed.success ? { ok: true, value: parsed.data } : unreadable(path, response.status, firstIssue(parsed.error));
    }
    return refusal(path, response.status, json);
  }

  function refusal(path: string, status: number, json: unknown): TeamResult<never> {
    const append = appendResponseSchema.safeParse(json);
    if (append.success) {
      const answer = append.data;
      switch (answer.outcome) {
        case 'stale':
          return failed({
            kind: 'stale',
            entryCount: answer.entryCount,
            headHash: answer.headHash,
            words: `Someone appended first: the log now holds ${answer.entryCount} entries.`,
          });
        case 'not-admitted':
          return failed({ kind: 'not-admitted', fingerprint: answer.fingerprint, words: answer.message });
        case 'invalid':
          return failed({
            kind: 'invalid',
            problems: answer.problems,
            words: `The server refused the request: ${problemWords(answer.problems)}.`,
          });
        case 'appended':
          return unreadable(path, status, 'an acknowledgement with a failure status');
      }
    }
    const other = refusalSchema.safeParse(json);
    if (!other.success) return unreadable(path, status, 'no refusal the protocol knows');
    const answer = other.data;
    if (answer.outcome === 'invalid')
      return failed({
        kind: 'invalid',
        problems: answer.problems,
        words: `The server refused the request: ${problemWords(answer.problems)}.`,
      });
    return failed({ kind: answer.outcome, words: answer.message });
  }

  const unreadable = (path: string, status: number, what: string) =>
    failed({
      kind: 'unreadable',
      words: `The server's answer to ${path} (HTTP ${status}) is not the team protocol's: ${what}.`,
    });

  return {
    baseUrl: base,
    serverInfo: () => call('/api/server', serverInfoSchema),
    sessions: () => call('/api/sessions', sessionSummarySchema.array()),
    session: (id) => call(session(id), sessionDetailSchema),
    openSession: (request) => call('/api/sessions', sessionDetailSchema, request),
    keys: () => call('/api/keys', publicKeyRecordSchema.array()),
    registerKey: (request) => call('/api/keys', publicKeyRecordSchema, request),
    admissions: (id) => call(`${session(id)}/admissions`, admissionSchema.array()),
    admit: (id, request) => call(`${session(id)}/admissions`, admissionSchema, request),
    append: async (id, request) => {
      const result = await call(`${session(id)}/entries`, appendResponseSchema, request);
      if (!result.ok) return result;
      const answer = result.value;
      return answer.outcome === 'appended'
        ? { ok: true, value: { seq: answer.seq, hash: answer.hash, appendedUtc: answer.appendedUtc } }
        : refusal(`${session(id)}/entries`, 200, answer);
    },
    entriesAfter: (id, afterSeq) => call(`${session(id)}/entries?after=${afterSeq}`, storedEntrySchema.array()),
    consistency: (id, fromSize, toSize) =>
      call(`${session(id)}/consistency?from=${fromSize}&to=${toSize}`, consistencyProofSchema),
    keptCases: () => call('/api/cases', keptCaseSummarySchema.array()),
    keptCase: (id) => call(`/api/cases/${encodeURIComponent(id)}`, keptCaseSchema),
    keepCase: (request) => call('/api/cases', keptCaseSchema, request),
  };
}

const failed = (failure: TeamFailure): TeamResult<never> => ({ ok: false, failure });

function firstIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'not what was expected';
  const path = issue.path.map(String).join('.');
  return `${path ? `${path}: ` : ''}${issue.message}`;
}
