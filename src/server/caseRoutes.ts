/**
 * Cases a team keeps on its server: kept under a registered key that signs each version, checked by
 * the same schema and checks `decide` uses, listed as each case's latest version, read with what a
 * console verifies it by. The server never rewrites a case: each keeping is a new version.
 */
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { sameKey, signatureHolds } from '../record/signing';
import { canonicalJson } from '../session/canonicalJson';
import { formatPath } from '../session/inputProblem';
import { z } from '../session/model';
import { checkScenario } from '../session/scenarioCheck';
import {
  caseSigningMessage,
  type KeptCase,
  keepCaseRequestSchema,
  keptCaseSummarySchema,
  type RequestProblem,
} from '../team/protocol';
import { findKeptCase, insertCaseVersion, listKeptCases } from './caseStore';
import type { Database } from './database';
import { readBody } from './requestBody';
import { findKey } from './teamStore';

/** A case is a file a person writes: the largest built-in is ~40 kB, so 1 MiB leaves room and no more. */
const maxCaseBytes = 1024 * 1024;

// The envelope first; the scenario then through the check `decide` runs, so its problems read as decide's do.
const keepEnvelopeSchema = keepCaseRequestSchema.extend({ scenario: z.unknown() });

export function caseRoutes(app: Hono, database: Database): void {
  const invalid = (problems: RequestProblem[]) => ({ outcome: 'invalid' as const, problems });

  app.get('/api/cases', async (c) => c.json(await listKeptCases(database)));

  app.post(
    '/api/cases',
    bodyLimit({
      maxSize: maxCaseBytes,
      onError: (c) => c.json(invalid([{ path: '(the body)', expected: `a case of at most ${maxCaseBytes} bytes` }]), 413),
    }),
    async (c) => {
      const body = await readBody(c, keepEnvelopeSchema);
      if (!body.ok) return c.json(invalid(body.problems), 422);
      const { keyId, signature } = body.value;
      const checked = checkScenario(body.value.scenario);
      if (!checked.ok)
        return c.json(
          invalid(checked.problems.map(({ path, expected }) => ({ path: formatPath(['scenario', ...path]), expected }))),
          422,
        );
      const scenario = checked.value;
      const keptBy = await findKey(database, keyId);
      if (!keptBy)
        return c.json(invalid([{ path: 'keyId', expected: 'a registered key (register it at POST /api/keys first)' }]), 422);
      if (!sameKey(keptBy, signature) || !(await signatureHolds(signature, caseSigningMessage(scenario))))
        return c.json(
          invalid([{ path: 'signature', expected: `the signature of key ${keyId} over the scenario's canonical JSON` }]),
          422,
        );
      const keptUtc = new Date().toISOString();
      const version = await insertCaseVersion(database, {
        scenario,
        scenarioJson: canonicalJson(scenario),
        keptBy,
        signature,
        keptUtc,
      });
      const kept: KeptCase = {
        id: scenario.id,
        title: scenario.title,
        kind: scenario.kind,
        keptBy,
        keptUtc,
        versions: version,
        scenario,
        signature,
      };
      return c.json(kept, 201);
    },
  );

  app.get('/api/cases/:id', async (c) => {
    const id = c.req.param('id');
    const kept = keptCaseSummarySchema.shape.id.safeParse(id).success ? await findKeptCase(database, id) : null;
    return kept ? c.json(kept) : c.json({ outcome: 'not-found' as const, message: `no case ${id} on this server` }, 404);
  });
}
