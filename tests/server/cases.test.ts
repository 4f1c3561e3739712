/**
 * Cases kept on the team server, on both databases: kept under a registered key that signs each
 * version, refused field by field when the scenario is not one `decide` reads, refused when the key is
 * not registered or the signature not its own; listed as each case's latest version, never rewritten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../scenarios/schema';
import { publicHalf, type Signer, sign, signatureHolds } from '../../src/record/signing';
import { createApp } from '../../src/server/app';
import type { Database } from '../../src/server/database';
import { prepareTeamServer } from '../../src/server/teamServer';
import { caseSigningMessage, type KeepCaseRequest, type KeptCase, type KeptCaseSummary } from '../../src/team/protocol';
import { loadBuiltInScenario } from '../support';
import {
  type DatabaseKind,
  databaseKinds,
  flightDirector,
  makeSigner,
  openTestDatabase,
  outsider,
  postJson,
  registerKey,
  type Send,
  thermalLead,
} from './teamHarness';

/** A case of the team's own: MS-22 copied, as the editor makes a copy (a new id, hypothetical). */
const teamCase = (title: string): Scenario => ({
  ...loadBuiltInScenario('soyuz-ms-22.json'),
  id: 'ms-22-thermal-what-if',
  kind: 'hypothetical',
  title,
});

async function keepRequest(scenario: Scenario, signer: Signer): Promise<KeepCaseRequest> {
  return { scenario, keyId: signer.fingerprint, signature: await sign(signer, caseSigningMessage(scenario)) };
}

describe.each(databaseKinds)('kept cases on the %s database', (kind: DatabaseKind) => {
  let database: Database;
  let send: Send;
  let author: Signer;
  let thermal: Signer;
  let eve: Signer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const app = createApp(await prepareTeamServer(database));
    send = async (path, init) => app.request(path, init);
    author = await makeSigner(flightDirector);
    thermal = await makeSigner(thermalLead);
    eve = await makeSigner(outsider);
    for (const signer of [author, thermal]) expect((await registerKey(send, signer)).status).toBe(201);
  });
  afterAll(() => database?.close());

  const list = async (): Promise<KeptCaseSummary[]> => (await send('/api/cases')).json();
  const keep = async (body: unknown) => postJson(send, '/api/cases', body);

  it('keeps a case signed by its author; every version is kept and the list answers the latest with its count', async () => {
    const first = teamCase('MS-22, a warmer cabin');
    const kept = await keep(await keepRequest(first, author));
    expect(kept.status).toBe(201);
    expect(await kept.json()).toMatchObject({ id: first.id, versions: 1, keptBy: publicHalf(author), scenario: first });

    const second = teamCase('MS-22, a warmer cabin (revised)');
    expect((await keep(await keepRequest(second, thermal))).status).toBe(201);
    expect(await list()).toEqual([
      {
        id: second.id,
        title: second.title,
        kind: 'hypothetical',
        keptBy: publicHalf(thermal),
        keptUtc: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        versions: 2,
      },
    ]);
    const latest: KeptCase = await (await send(`/api/cases/${second.id}`)).json();
    expect(latest.scenario).toEqual(second);
    // What a console checks: the signature is the keeper's own, over the scenario it is given.
    expect(latest.signature.fingerprint).toBe(thermal.fingerprint);
    expect(await signatureHolds(latest.signature, caseSigningMessage(latest.scenario))).toBe(true);
    const rows = await database.query<{ version: number; title: string }>(
      'SELECT version, title FROM kept_cases WHERE case_id = $1 ORDER BY version',
      [second.id],
    );
    expect(rows).toEqual([
      { version: 1, title: first.title },
      { version: 2, title: second.title },
    ]);
  });

  it('refuses a forged signature: another key’s, or the author’s over another scenario; nothing is kept', async () => {
    const before = await list();
    const scenario = teamCase('MS-22, forged');
    const byEve = { ...(await keepRequest(scenario, eve)), keyId: author.fingerprint };
    const otherScenario = { ...(await keepRequest(teamCase('MS-22, as signed'), author)), scenario };
    for (const forged of [byEve, otherScenario]) {
      const response = await keep(forged);
      expect(response.status).toBe(422);
      expect(await response.json()).toEqual({
        outcome: 'invalid',
        problems: [{ path: 'signature', expected: expect.stringContaining(`the signature of key ${author.fingerprint}`) }],
      });
    }
    expect(await list()).toEqual(before);
  });

  it('refuses a scenario decide would refuse, naming each field with what was expected and found', async () => {
    const scenario = teamCase('MS-22, no crew');
    const noCrew = { ...scenario, setup: { ...scenario.setup, crew: [] } } as Scenario;
    const response = await keep(await keepRequest(noCrew, author));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      outcome: 'invalid',
      problems: [
        expect.objectContaining({
          path: 'scenario.setup.crew',
          expected: expect.stringMatching(/at least 1 item.*got an empty list/),
        }),
      ],
    });
    const missing = await keep({ keyId: author.fingerprint, signature: (await keepRequest(scenario, author)).signature });
    expect(await missing.json()).toMatchObject({ outcome: 'invalid', problems: [{ path: 'scenario', expected: /^missing/ }] });
  });

  it('refuses a key that is not registered, a body that is not JSON and a case of another size than a person writes', async () => {
    const scenario = teamCase('MS-22, by an outsider');
    const unregistered = await keep(await keepRequest(scenario, eve));
    expect(unregistered.status).toBe(422);
    expect(await unregistered.json()).toEqual({
      outcome: 'invalid',
      problems: [{ path: 'keyId', expected: 'a registered key (register it at POST /api/keys first)' }],
    });
    const padded = { ...(await keepRequest(scenario, author)), padding: 'x'.repeat(2 * 1024 * 1024) };
    const oversize = await keep(padded);
    expect(oversize.status).toBe(413);
    expect(await oversize.json()).toMatchObject({ outcome: 'invalid', problems: [{ path: '(the body)' }] });
    const notJson = await send('/api/cases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"scenario":',
    });
    expect(notJson.status).toBe(422);
    expect(await notJson.json()).toMatchObject({
      outcome: 'invalid',
      problems: [{ expected: expect.stringContaining('a JSON body') }],
    });
    expect((await send('/api/cases/no-such-case')).status).toBe(404);
    expect((await send('/api/cases/..%2Fkeys')).status).toBe(404);
  });

  it('no keeper can rewrite a kept version: the app role may not, and a trigger refuses even the owner', async () => {
    expect((await list()).length).toBeGreaterThan(0);
    for (const statement of ["UPDATE kept_cases SET title = 'other'", 'DELETE FROM kept_cases', 'TRUNCATE kept_cases'])
      await expect(database.query(statement), statement).rejects.toThrow(/permission denied/);
    await database.query('RESET ROLE');
    try {
      for (const statement of ["UPDATE kept_cases SET title = 'other'", 'DELETE FROM kept_cases', 'TRUNCATE kept_cases'])
        await expect(database.query(statement), statement).rejects.toThrow(/the kept_cases table is append-only/);
    } finally {
      await database.query('SET ROLE crew_return_app');
    }
  });
});
