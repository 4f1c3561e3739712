/** The team server's routes: the JSON API under /api, live updates, and the built app for every other path. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { genesisHash } from '../record/ledger';
import { publicHalf, type Signer, sameKey, signatureHolds } from '../record/signing';
import {
  admissionMessage,
  admissionRequestSchema,
  appendRequestSchema,
  createSessionRequestSchema,
  keyRegistrationMessage,
  type RequestProblem,
  registerKeyRequestSchema,
  type SessionDetail,
  sessionGenesisMessage,
  sessionIdSchema,
} from '../team/protocol';
import type { ServerInfo } from '../team/serverInfo';
import { appendEntry } from './append';
import { caseRoutes } from './caseRoutes';
import { checkpointRoutes } from './checkpointRoutes';
import type { Database } from './database';
import type { LiveHub } from './liveHub';
import { liveRoute } from './liveRoute';
import type { LogCheckpoints } from './logCheckpoints';
import { readBody } from './requestBody';
import { appPolicy, securityHeaders } from './securityHeaders';
import {
  entriesAfter,
  findKey,
  findSession,
  insertAdmission,
  insertKey,
  insertSession,
  listAdmissions,
  listKeys,
  listSessions,
} from './teamStore';

export interface TeamServer {
  database: Database;
  serverKey: Signer;
  hub: LiveHub;
  /** The built app (`dist/`); absent: the API alone. */
  appFolder?: string;
  /** Signs a checkpoint after each append (in its transaction) and answers Merkle proofs. */
  checkpoints: LogCheckpoints;
  /** Where an unexpected failure is written for whoever runs the server (default: stderr). */
  reportError?: (error: unknown) => void;
}

const maxBodyBytes = 8 * 1024 * 1024;
const maxEntriesPerPage = 1000;

export function createApp(server: TeamServer): Hono {
  const { database, hub } = server;
  const app = new Hono();
  const invalid = (problems: RequestProblem[]) => ({ outcome: 'invalid' as const, problems });
  const noSession = (id: string) => ({ outcome: 'not-found' as const, message: `no session ${id} on this server` });
  // What an append checks against never changes once a session is open (no UPDATE on sessions): read it once.
  const openedSessions = new Map<string, Pick<SessionDetail, 'genesisHash' | 'scenario'>>();
  const openedSession = async (id: string) => {
    let session = openedSessions.get(id);
    if (!session && sessionIdSchema.safeParse(id).success) {
      const found = await findSession(database, id);
      if (found) {
        session = { genesisHash: found.genesisHash, scenario: found.scenario };
        openedSessions.set(id, session);
      }
    }
    return session ?? null;
  };

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => c.json(invalid([{ path: '(the body)', expected: `at most ${maxBodyBytes} bytes` }]), 413),
    }),
  );
  app.onError((error, c) => {
    (server.reportError ?? console.error)(error);
    return c.json(
      { outcome: 'server-error', message: 'the server could not complete this request; nothing was recorded by it' },
      500,
    );
  });

  app.get('/api/server', (c) =>
    c.json({ mode: 'team', database: database.kind, serverKey: publicHalf(server.serverKey) } satisfies ServerInfo),
  );

  app.get('/api/sessions', async (c) => c.json(await listSessions(database)));

  app.post('/api/sessions', async (c) => {
    const body = await readBody(c, createSessionRequestSchema);
    if (!body.ok) return c.json(invalid(body.problems), 422);
    const request = body.value;
    const registered = await findKey(database, request.authority.fingerprint);
    if (!registered || !sameKey(registered, request.authority) || registered.name !== request.authority.name)
      return c.json(invalid([{ path: 'authority', expected: 'a registered key (register it at POST /api/keys first)' }]), 422);
    const hash = await genesisHash(request.scenario, request.profile);
    const message = sessionGenesisMessage({
      sessionId: request.id,
      title: request.title,
      genesisHash: hash,
      openedUtc: request.openedUtc,
      authorityFingerprint: request.authority.fingerprint,
    });
    if (!sameKey(request.authority, request.genesisSignature) || !(await signatureHolds(request.genesisSignature, message)))
      return c.json(
        invalid([{ path: 'genesisSignature', expected: "the authority's signature over the session's genesis" }]),
        422,
      );
    if (!(await insertSession(database, request, hash)))
      return c.json({ outcome: 'exists', message: `a session ${request.id} exists already` }, 409);
    return c.json(await findSession(database, request.id), 201);
  });

  app.get('/api/sessions/:id', async (c) => {
    const id = c.req.param('id');
    const session = sessionIdSchema.safeParse(id).success ? await findSession(database, id) : null;
    return session ? c.json(session) : c.json(noSession(id), 404);
  });

  app.get('/api/keys', async (c) => c.json(await listKeys(database)));

  app.post('/api/keys', async (c) => {
    const body = await readBody(c, registerKeyRequestSchema);
    if (!body.ok) return c.json(invalid(body.problems), 422);
    const { key, signature } = body.value;
    if (!sameKey(key, signature) || !(await signatureHolds(signature, keyRegistrationMessage(key))))
      return c.json(invalid([{ path: 'signature', expected: "the key's own signature over its record" }]), 422);
    if (!(await insertKey(database, body.value)))
      return c.json({ outcome: 'exists', message: `another key with fingerprint ${key.fingerprint} is registered` }, 409);
    return c.json(key, 201);
  });

  app.get('/api/sessions/:id/admissions', async (c) => {
    const id = c.req.param('id');
    if (!sessionIdSchema.safeParse(id).success || !(await findSession(database, id))) return c.json(noSession(id), 404);
    return c.json(await listAdmissions(database, id));
  });

  app.post('/api/sessions/:id/admissions', async (c) => {
    const id = c.req.param('id');
    const session = sessionIdSchema.safeParse(id).success ? await findSession(database, id) : null;
    if (!session) return c.json(noSession(id), 404);
    const body = await readBody(c, admissionRequestSchema);
    if (!body.ok) return c.json(invalid(body.problems), 422);
    const admitted = await findKey(database, body.value.admitted);
    if (!admitted) return c.json(invalid([{ path: 'admitted', expected: 'the fingerprint of a registered key' }]), 422);
    const { signature, admittedUtc } = body.value;
    const signedByAuthority =
      sameKey(session.authority, signature) &&
      (await signatureHolds(signature, admissionMessage({ sessionId: id, admitted, admittedUtc })));
    if (!signedByAuthority)
      return c.json(
        invalid([
          {
            path: 'signature',
            expected: `the session authority's (${session.authority.fingerprint}) signature over this admission`,
          },
        ]),
        422,
      );
    const admission = { sessionId: id, admitted, admittedBy: session.authority.fingerprint, admittedUtc, signature };
    if (await insertAdmission(database, admission)) hub.publish(id, { kind: 'admission', admission });
    return c.json(admission, 201);
  });

  app.get('/api/sessions/:id/entries', async (c) => {
    const id = c.req.param('id');
    if (!sessionIdSchema.safeParse(id).success || !(await findSession(database, id))) return c.json(noSession(id), 404);
    const after = Number(c.req.query('after') ?? '0');
    if (!Number.isInteger(after) || after < 0)
      return c.json(
        invalid([{ path: 'after', expected: 'a whole number of entries: the last seq the console has (0 for all)' }]),
        422,
      );
    return c.json(await entriesAfter(database, id, after, maxEntriesPerPage));
  });

  app.post('/api/sessions/:id/entries', async (c) => {
    const id = c.req.param('id');
    const session = await openedSession(id);
    if (!session) return c.json(noSession(id), 404);
    const body = await readBody(c, appendRequestSchema);
    if (!body.ok) return c.json(invalid(body.problems), 422);
    const outcome = await appendEntry(database, id, session, body.value, server.checkpoints.afterAppend);
    // Fanned out only now: the transaction has committed. The entry first, then the checkpoint that covers it.
    if (outcome.stored) hub.publish(id, { kind: 'entry', stored: outcome.stored });
    if (outcome.checkpoint) hub.publish(id, { kind: 'checkpoint', checkpoint: outcome.checkpoint });
    return c.json(outcome.body, outcome.status);
  });

  checkpointRoutes(app, database, server.checkpoints, async (id) => (await openedSession(id)) !== null);

  app.get('/api/sessions/:id/live', liveRoute(database, hub));

  caseRoutes(app, database);

  app.all('/api/*', (c) => c.json({ outcome: 'not-found', message: `no API at ${c.req.method} ${c.req.path}` }, 404));

  if (server.appFolder) {
    const headers = securityHeaders(appPolicy);
    app.use('*', async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    });
    // The page says it is served by a team server, so a static build's page asks nothing of an API it
    // does not have (read each time: `npm run build` may replace it under a running server).
    const appFolder = server.appFolder;
    const page = (c: Context) => c.html(servedByTeam(readFileSync(join(appFolder, 'index.html'), 'utf8')));
    app.get('/', page);
    app.get('/index.html', page);
    app.use('*', serveStatic({ root: appFolder }));
    // Every other path is the app's own (a single-page app): its index.html.
    app.get('*', page);
  }
  return app;
}

/** The name of the meta element by which the app knows it was served by a team server. */
const teamServerMeta = '<meta name="crew-return-server" content="team" />';
const servedByTeam = (indexHtml: string) => indexHtml.replace('<head>', `<head>\n    ${teamServerMeta}`);
