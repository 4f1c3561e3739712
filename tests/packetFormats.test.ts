import { beforeAll, describe, expect, it } from 'vitest';
import { type DecisionPacket, extendLedger, makePacket } from '../src/record/ledger';
import { packetCsv, packetMarkdown } from '../src/reports/packetFormats';
import { scenarioSessionEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { loadBuiltInScenario } from './support';

describe('packet formats', () => {
  let packet: DecisionPacket;
  beforeAll(async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const events = scenarioSessionEvents(scenario, '2026-11-25T12:00:00Z');
    packet = makePacket(scenario, profile, await extendLedger(scenario, profile, [], events));
  });

  it('CSV: one quoted-where-needed row per entry', () => {
    const lines = packetCsv(packet).trimEnd().split('\r\n');
    expect(lines).toHaveLength(30);
    expect(lines[0]).toMatch(/^seq,wallClockUtc,scenarioTimeUtc,actorName/);
    expect(lines[18]).toContain('"State commission (Roscosmos), NASA concurring"');
    expect(lines[18]).toContain('decision.confirm');
  });

  it('Markdown reads as a decision record', () => {
    const md = packetMarkdown(packet);
    expect(md).toContain('# Decision record: Soyuz MS-22 coolant leak');
    expect(md).toContain('- Outcome: **launch-replacement**');
    expect(md).toContain(`head hash \`${packet.headHash}\``);
    expect(md).toMatch(/Entry 18, .*State commission .*confirmed launch-replacement/);
    expect(md).toContain('| thermal.peak-cabin-temp | 3 | nominal | 43 | 27 | -16 | fail |');
  });
});
