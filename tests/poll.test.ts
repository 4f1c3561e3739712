import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePartialProfile } from '../src/files/profileFile';
import { extendLedger, makePacket, sealPacket } from '../src/record/ledger';
import { createKeyPair, type PublicKeyRecord, publicHalf, publicKeyRecord, type Signer } from '../src/record/signing';
import { replayPacket, verifyPacket } from '../src/record/verify';
import { signatureMeaning } from '../src/reports/eventWords';
import { reportMarkdown } from '../src/reports/packetReport';
import { pollSentence } from '../src/reports/pollWords';
import { decisionSentence } from '../src/reports/recordWords';
import { formatRun } from '../src/reports/text';
import { type Actor, crewReturnEventSchema, type DissentLevel, defaultPollPositions, type PollVote } from '../src/session/model';
import { defaultProfile, positionsToPoll } from '../src/session/profile';
import { runScenario } from '../src/session/runScenario';
import {
  foldWalkthrough,
  moveTo,
  openWalkthrough,
  type Recorded,
  recordEvent,
  type Walkthrough,
} from '../src/session/walkthrough';
import { viewWalkthrough } from '../src/session/walkthroughView';
import { loadBuiltInScenario } from './support';

const wall = '2026-11-26T12:00:00Z';
const director: Actor = { name: 'Ana Flight', role: 'flight director' };
const operatorOf = (position: string): Actor => ({ name: `Operator of ${position}`, role: position });

function must(recorded: Recorded): Walkthrough {
  if (!recorded.ok) throw new Error(recorded.reason);
  return recorded.walkthrough;
}
const refusal = (recorded: Recorded) => (recorded.ok ? 'recorded' : recorded.reason);

/** MS-22 (its scripted decision left to the operator) at its decision step. */
async function atDecision(): Promise<Walkthrough> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  return moveTo(openWalkthrough(scenario, await defaultProfile(), wall), 17, wall);
}

const vote = (w: Walkthrough, position: string, call: PollVote, dissent: DissentLevel = 'none', rationale?: string) =>
  recordEvent(
    w,
    { type: 'poll.vote', position, vote: call, dissent, ...(rationale ? { rationale } : {}) },
    operatorOf(position),
    wall,
  );

const open = (w: Walkthrough, positions: string[]) =>
  recordEvent(w, { type: 'poll.open', outcome: 'launch-replacement', positions }, director, wall);

describe('GO/NO-GO poll', () => {
  it('asks each position once, by its own operator, and holds the decision until every position has answered', async () => {
    let w = must(open(await atDecision(), ['thermal', 'crew surgeon', 'partner agency']));
    expect(refusal(recordEvent(w, { type: 'decision.confirm' }, director, wall))).toBe(
      'poll 1 is open and thermal, crew surgeon, partner agency have not answered (or open a new poll)',
    );
    expect(refusal(vote(w, 'propulsion', 'go'))).toBe('propulsion is not polled in poll 1');
    expect(refusal(recordEvent(w, { type: 'poll.vote', position: 'thermal', vote: 'go', dissent: 'none' }, director, wall))).toBe(
      'a vote for thermal is cast by its operator (role thermal), not by a flight director',
    );
    w = must(vote(w, 'thermal', 'go', 'disagree-but-support'));
    expect(refusal(vote(w, 'thermal', 'no-go'))).toBe('thermal has already answered poll 1');
    w = must(vote(w, 'crew surgeon', 'no-go', 'formal', 'humidity in the cabin is not assessed'));
    expect(
      refusal(
        recordEvent(w, { type: 'decision.override', outcome: 'return-on-damaged-vehicle', rationale: 'r' }, director, wall),
      ),
    ).toBe('poll 1 is open and partner agency has not answered (or open a new poll)');
    w = must(vote(w, 'partner agency', 'abstain'));
    // Every position answered: the poll takes no more calls, and the formal dissent holds the decision.
    expect(refusal(vote(w, 'thermal', 'go'))).toBe('thermal has already answered poll 1');
    const held =
      'poll 1 has a formal dissent (crew surgeon): Ana Flight (flight director) records its disposition first, escalated to whom or risk accepted, with a rationale (or open a new poll)';
    expect(refusal(recordEvent(w, { type: 'decision.confirm' }, director, wall))).toBe(held);
    expect(
      refusal(recordEvent(w, { type: 'decision.override', outcome: 'emergency-return', rationale: 'r' }, director, wall)),
    ).toBe(held);
    expect(pollSentence(viewWalkthrough(w).record.polls[0] as never)).toContain(
      'awaiting its disposition; every position answered; closed to answers',
    );
    // Only who opened the poll disposes of its dissent; an escalation names whom it goes to.
    const dispose = (by: Actor, kind: 'escalated' | 'risk-accepted', to?: string) =>
      recordEvent(
        w,
        { type: 'poll.disposition', kind, ...(to ? { to } : {}), rationale: 'humidity assessed by the partner' },
        by,
        wall,
      );
    expect(refusal(dispose(operatorOf('thermal'), 'risk-accepted'))).toBe(
      "the disposition is Ana Flight's (flight director), who opened poll 1",
    );
    expect(refusal(dispose(director, 'escalated'))).toBe('an escalation names whom it goes to');
    w = must(dispose(director, 'escalated', 'the program manager'));
    expect(refusal(dispose(director, 'risk-accepted'))).toBe('poll 1 already has a disposition');
    w = must(recordEvent(w, { type: 'decision.confirm' }, director, wall));

    const { record } = viewWalkthrough(w);
    expect(record.decision?.poll).toBe(1);
    expect(decisionSentence(record.decision)).toContain(
      ', after poll 1 (its formal dissent escalated to the program manager by Ana Flight (flight director), entry 22: “humidity assessed by the partner”)',
    );
    const [poll] = record.polls;
    expect(poll?.closed?.kind).toBe('decided');
    expect(poll?.answers.map((a) => [a.position, a.vote, a.dissent, a.by.name, a.seq])).toEqual([
      ['thermal', 'go', 'disagree-but-support', 'Operator of thermal', 19],
      ['crew surgeon', 'no-go', 'formal', 'Operator of crew surgeon', 20],
      ['partner agency', 'abstain', 'none', 'Operator of partner agency', 21],
    ]);
    expect(poll?.seq).toBe(18);
    expect(poll?.tally).toMatchObject({ go: 1, noGo: 1, abstain: 1, disagreeButSupport: 1, unanswered: [] });
    expect(poll?.tally.formalDissents.map((d) => d.rationale)).toEqual(['humidity in the cabin is not assessed']);
    expect(poll && pollSentence(poll)).toContain('1 formal dissent (crew surgeon), escalated to the program manager');
    expect(poll?.disposition).toMatchObject({ kind: 'escalated', to: 'the program manager', seq: 22 });
    // Closed with the decision: a late vote is not taken.
    expect(refusal(vote(w, 'thermal', 'go'))).toBe('poll.vote does not apply in state replacementCampaign.interimPlan');
  });

  it('says what a dissent needs: disagreeing but supporting is a GO, a formal dissent a NO-GO with its rationale', () => {
    const base = { type: 'poll.vote', at: wall, by: operatorOf('thermal'), position: 'thermal' };
    const problem = (event: object) => {
      const parsed = crewReturnEventSchema.safeParse({ ...base, ...event });
      return parsed.success ? 'valid' : parsed.error.issues.map((i) => i.message).join('; ');
    };
    expect(problem({ vote: 'no-go', dissent: 'formal' })).toBe('a formal dissent needs a rationale (it is escalated)');
    expect(problem({ vote: 'go', dissent: 'formal', rationale: 'x' })).toBe('a formal dissent goes with a NO-GO');
    expect(problem({ vote: 'no-go', dissent: 'disagree-but-support' })).toBe('disagree but support goes with a GO');
    expect(problem({ vote: 'no-go', dissent: 'formal', rationale: 'x' })).toBe('valid');
    expect(problem({ vote: 'maybe', dissent: 'none' })).not.toBe('valid');
  });

  it('a new poll supersedes an unfinished one; a new finding withdraws an open poll', async () => {
    let w = must(open(await atDecision(), ['thermal', 'propulsion']));
    w = must(vote(w, 'thermal', 'no-go'));
    w = must(open(w, ['thermal']));
    let { record } = viewWalkthrough(w);
    expect(record.polls.map((p) => [p.number, p.closed?.kind ?? 'open'])).toEqual([
      [1, 'superseded'],
      [2, 'open'],
    ]);
    w = must(
      recordEvent(
        w,
        { type: 'inspection.finding', quantity: 'holeDiameterMm', value: { nominal: 0.8, source: 'assumed' } },
        director,
        wall,
      ),
    );
    ({ record } = viewWalkthrough(w));
    expect(record.polls.at(-1)?.closed?.kind).toBe('withdrawn');
  });

  it('counts every answer the machine took, and only those (any order of votes, repeats and strangers)', async () => {
    const start = must(open(await atDecision(), ['thermal', 'propulsion', 'crew surgeon']));
    const calls = fc.record({
      position: fc.constantFrom('thermal', 'propulsion', 'crew surgeon', 'program manager'),
      vote: fc.constantFrom<PollVote>('go', 'no-go', 'abstain'),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(calls, { maxLength: 8 }), async (sequence) => {
        let w = start;
        let taken = 0;
        for (const call of sequence) {
          const recorded = vote(w, call.position, call.vote);
          if (recorded.ok) {
            w = recorded.walkthrough;
            taken++;
          }
        }
        const [poll] = viewWalkthrough(w).record.polls;
        if (!poll) throw new Error('no poll');
        const { go, noGo, abstain, unanswered } = poll.tally;
        expect(go + noGo + abstain).toBe(taken);
        expect(go + noGo + abstain + unanswered.length).toBe(3);
        expect(new Set(poll.answers.map((a) => a.position)).size).toBe(taken);
      }),
      { numRuns: 60 },
    );
  });
});

describe('the poll in the record', () => {
  async function keyFor(actor: Actor): Promise<Signer> {
    const pair = await createKeyPair(false);
    return { ...(await publicKeyRecord(actor, pair.publicKey)), privateKey: pair.privateKey };
  }

  it('each vote is an entry signed by its position’s operator, verified against their keys; the print names its meaning', async () => {
    let w = must(open(await atDecision(), ['thermal', 'crew surgeon']));
    w = must(vote(w, 'thermal', 'go'));
    w = must(vote(w, 'crew surgeon', 'no-go', 'formal', 'humidity not assessed'));
    w = must(recordEvent(w, { type: 'poll.disposition', kind: 'risk-accepted', rationale: 'margin is 3 °C' }, director, wall));
    w = must(recordEvent(w, { type: 'decision.confirm' }, director, wall));
    const keys = await Promise.all([director, operatorOf('thermal'), operatorOf('crew surgeon')].map(keyFor));
    const signerFor = async (actor: Actor) => keys.find((k) => k.name === actor.name && k.role === actor.role) ?? null;
    const entries = await extendLedger(w.scenario, w.profile, [], foldWalkthrough(w), signerFor);
    const packet = await sealPacket(makePacket(w.scenario, w.profile, entries), keys[0] as Signer, wall);
    // The decision entry itself names the poll it was taken with: the chain and the replay hold it.
    expect(packet.entries.find((e) => e.event.type === 'decision.confirm')?.derived.decision).toEqual({
      outcome: 'launch-replacement',
      kind: 'confirmed',
      poll: 1,
    });
    const votes = packet.entries.filter((e) => e.event.type === 'poll.vote');
    expect(votes.map((e) => [e.event.by.role, e.signature?.fingerprint])).toEqual([
      ['thermal', keys[1]?.fingerprint],
      ['crew surgeon', keys[2]?.fingerprint],
    ]);
    expect(votes.map((e) => signatureMeaning(e.event))).toEqual([
      'voted GO for thermal',
      'voted NO-GO for crew surgeon, dissented formally (escalate)',
    ]);
    const trusted: PublicKeyRecord[] = keys.map(publicHalf);
    expect((await verifyPacket(packet, replayPacket(packet), trusted)).ok).toBe(true);
    // Without the surgeon's key, their vote is not trusted: the record names the entry.
    const withoutSurgeon = await verifyPacket(packet, replayPacket(packet), trusted.slice(0, 2));
    expect(withoutSurgeon).toMatchObject({ ok: false, kind: 'untrusted', seq: votes[1]?.seq });

    const fold = replayPacket(packet);
    const markdown = reportMarkdown({ packet, fold, record: viewWalkthrough(w).record });
    expect(markdown).toContain('## Poll 1');
    expect(markdown).toContain(
      '| crew surgeon | Operator of crew surgeon (crew surgeon) | NO-GO | FORMAL DISSENT: escalate | humidity not assessed |',
    );
  });

  it('a profile names whom a poll asks by default; the CLI report shows a scenario’s poll table', async () => {
    expect(positionsToPoll(await defaultProfile())).toEqual(defaultPollPositions);
    const parsed = parsePartialProfile('p.json', '{"thresholds":{},"pollPositions":["flight director","flight director"]}');
    expect(parsed).toMatchObject({ ok: false, problems: [{ path: 'pollPositions', expected: 'each position named once' }] });
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const scripted = scenario.events.slice(0, 17);
    const withPoll = {
      ...scenario,
      events: [
        ...scripted,
        { type: 'poll.open', outcome: 'launch-replacement', positions: ['thermal'], at: scripted.at(-1)?.at, by: director },
        {
          type: 'poll.vote',
          position: 'thermal',
          vote: 'go',
          dissent: 'none',
          at: scripted.at(-1)?.at,
          by: operatorOf('thermal'),
        },
        ...scenario.events.slice(17),
      ],
    } as typeof scenario;
    const text = formatRun(runScenario(withPoll, await defaultProfile(), wall));
    expect(text).toMatch(
      /Poll 1 on launch-replacement, opened by Ana Flight \(flight director\).*1 GO, 0 NO-GO, 0 abstain; every position answered; the decision was taken with it/,
    );
    expect(text).toMatch(/thermal\s+\|?\s*Operator of thermal \(thermal\)\s+\|?\s*GO/);
  });
});

describe('odds in the record', () => {
  it('a Monte Carlo result attached before a decision is an entry the decision names; it carries what draws it again', async () => {
    let w = await atDecision();
    const odds = {
      type: 'odds.attach' as const,
      samples: 20_000,
      seed: 77,
      inputs: [{ key: 'peakCabinTempC.crew2', low: 37, nominal: 37, high: 39 }],
      outcomes: { 'launch-replacement': 0.75, undecided: 0.25 },
    };
    w = must(recordEvent(w, odds, director, wall));
    w = must(recordEvent(w, { type: 'decision.confirm' }, director, wall));
    const { record } = viewWalkthrough(w);
    expect(record.odds).toEqual([{ ...odds, at: expect.any(String), by: director, seq: 18 }]);
    expect(record.decision?.takenOnOdds).toBe(18);
    expect(decisionSentence(record.decision)).toContain(', taken on the odds attached in entry 18');
    // Out-of-range shares are not an entry.
    expect(refusal(recordEvent(w, { ...odds, outcomes: { undecided: 1.5 } }, director, wall))).not.toBe('recorded');
  });
});
