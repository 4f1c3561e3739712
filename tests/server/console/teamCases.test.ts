/**
 * A console keeping cases on a real team server on loopback and reading them back: kept signed by the
 * operator's key, offered only once verified, and a case the server altered, or names the wrong keeper
 * of, is not offered and says why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Scenario } from '../../../scenarios/schema';
import { publicHalf, type Signer } from '../../../src/record/signing';
import type { Database } from '../../../src/server/database';
import { listen, prepareTeamServer, type RunningServer } from '../../../src/server/teamServer';
import { canonicalJson } from '../../../src/session/canonicalJson';
import { teamApi } from '../../../src/team/console/teamApi';
import { keepCase, offeredCases } from '../../../src/team/console/teamCases';
import { loadBuiltInScenario } from '../../support';
import { flightDirector, makeSigner, openTestDatabase, thermalLead } from '../teamHarness';

const copyOf = (file: string, id: string, title: string): Scenario => ({
  ...loadBuiltInScenario(file),
  id,
  kind: 'hypothetical',
  title,
});

describe('the console’s kept cases', () => {
  let database: Database;
  let running: RunningServer;
  let author: Signer;
  let thermal: Signer;

  beforeAll(async () => {
    database = await openTestDatabase('postgresql');
    running = await listen(await prepareTeamServer(database), 0);
    author = await makeSigner(flightDirector);
    thermal = await makeSigner(thermalLead);
  });
  afterAll(() => running?.close());

  it('keeps a case under the operator’s key (registering it first) and offers each case’s latest version, verified', async () => {
    const api = teamApi(running.url);
    const first = copyOf('soyuz-ms-22.json', 'ms-22-warm', 'MS-22, a warmer cabin');
    const kept = await keepCase(api, author, first);
    expect(kept).toMatchObject({ ok: true, kept: { versions: 1, scenario: first }, words: expect.stringContaining('version 1') });
    const revised = { ...first, summary: 'A warmer cabin, revised by the thermal lead.' };
    expect(await keepCase(teamApi(running.url), thermal, revised)).toMatchObject({ ok: true, kept: { versions: 2 } });

    const offered = await offeredCases(api);
    expect(offered).toEqual({
      ok: true,
      offers: [{ ok: true, kept: expect.objectContaining({ versions: 2, keptBy: publicHalf(thermal), scenario: revised }) }],
    });
  });

  it('answers a scenario decide would refuse with the server’s problems, field by field', async () => {
    const scenario = copyOf('soyuz-ms-22.json', 'ms-22-nobody', 'MS-22, nobody aboard');
    const refused = await keepCase(teamApi(running.url), author, { ...scenario, setup: { ...scenario.setup, crew: [] } });
    expect(refused).toMatchObject({
      ok: false,
      problems: [{ path: 'scenario.setup.crew' }],
      words: expect.stringContaining('scenario.setup.crew: expected'),
    });
  });

  it('does not offer a version the server altered, or one whose keeper it names wrongly, and says why; the others stay offered', async () => {
    const api = teamApi(running.url);
    const scenario = copyOf('small-leak-nominal.json', 'small-leak-team', 'Small leak, team copy');
    const kept = await keepCase(api, author, scenario);
    if (!kept.ok) throw new Error(kept.words);
    const { signature } = kept.kept;
    // Past the server's checks, straight into its table: what a compromised server could store.
    const insert = (version: number, stored: Scenario, keptBy: string) =>
      database.query(
        `INSERT INTO kept_cases (case_id, version, title, kind, scenario, kept_by, signature, kept_utc)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          stored.id,
          version,
          stored.title,
          stored.kind,
          canonicalJson(stored),
          keptBy,
          JSON.stringify(signature),
          kept.kept.keptUtc,
        ],
      );
    await insert(2, { ...scenario, summary: 'Quietly changed on the server.' }, author.fingerprint);
    const altered = await offeredCases(api);
    expect(altered.ok && altered.offers.find((o) => !o.ok)).toEqual({
      ok: false,
      id: scenario.id,
      words: expect.stringMatching(
        /^Case small-leak-team is not offered: its signature by Ana Flight.*does not hold over the scenario/,
      ),
    });
    expect(altered.ok && altered.offers.filter((o) => o.ok)).toHaveLength(1);

    await insert(3, scenario, thermal.fingerprint);
    const misnamed = await offeredCases(api);
    expect(misnamed.ok && misnamed.offers.find((o) => !o.ok)).toMatchObject({
      words: expect.stringContaining('the server says Tom Heat, thermal'),
    });
  });
});
