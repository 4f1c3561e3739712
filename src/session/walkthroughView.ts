/**
 * A walkthrough read at its cursor: the state, the recommendation and its explanation, and what the
 * machine would refuse now. Reading only: what is recorded grows in ./walkthrough.
 */
import { type NearestFlip, nearestFlip } from '../../machines/policy/answer';
import { type FlipPoint, flipPoints, type InputFlipPoint, inputFlipPoints } from '../../machines/policy/flipPoints';
import { type PolicyRowResult, type Recommendation, recommend, type Situation } from '../../machines/policy/policy';
import type { AssessedValues } from '../../machines/rules/evaluate';
import type { OperatorRequest } from '../../machines/statechart/events';
import { refusalOf } from '../../machines/statechart/refusal';
import { stateName } from '../../machines/statechart/stateName';
import { type Actor, type DecidableOutcome, decidableOutcomes } from '../../machines/types';
import { type Answer, answerAt, type ChangeCause } from './answer';
import { type DecisionRecord, decisionRecord } from './decisionRecord';
import { type CrewReturnSnapshot, type SessionFold, snapshotAfter, standingRecommendation } from './fold';
import { type StatusLine, statusLine } from './statusLine';
import { checkRequest, eventsInView, foldWalkthrough, type Walkthrough } from './walkthrough';

export interface WalkthroughView {
  fold: SessionFold;
  /** What was decided up to the cursor: the one answer every panel and export reads. */
  record: DecisionRecord;
  /** The state at the cursor. */
  snapshot: CrewReturnSnapshot;
  /**
   * What the recommendation is worked out from (Explore's tried values included): what charts and the odds
   * read beside it; one object for as long as the situation stays the same.
   */
  situation: Situation;
  /** The recommendation under the thresholds in force at the cursor (null before any anomaly). */
  recommendation: Recommendation | null;
  /** Every policy row's verdict, those below the deciding one included. */
  policyRows: PolicyRowResult[];
  /** The assessed values the policy judges: the reported ones, with any tried in Explore in their place. */
  values: AssessedValues;
  flipPoints: FlipPoint[];
  inputFlipPoints: InputFlipPoint[];
  /** Why the machine would refuse a confirmation now (its guard decides, not the UI); null when it would take it. */
  confirmRefusal: string | null;
  /** Why the machine would not open a GO/NO-GO poll now; null when it would. */
  pollRefusal: string | null;
  /** The outcomes the machine would take an override to now (never the recommended one). */
  overrideOutcomes: DecidableOutcome[];
  /** Why no override would be taken now; null when some outcome is open to one. */
  overrideRefusal: string | null;
  /** Why the machine would not take an override to each outcome it is not open to (the recommended one: confirm it). */
  closedOverrides: Partial<Record<DecidableOutcome, string>>;
  /** Why recording `request` now would be refused (the very check recording makes); null when it would be recorded. */
  refusalOf: (request: OperatorRequest) => string | null;
  /** The headline: recommendation or what the assessment waits for, deciding row and numbers, the latest change. */
  answer: Answer;
  /** What is in force, for the line that never scrolls away. */
  status: StatusLine;
  /** The nearest threshold or assessed value that would change the recommendation (worked out when first read). */
  nearestFlip: NearestFlip | null;
  /** Scripted step index → whether the machine applied it (undefined: not reached yet). */
  appliedByStep: (boolean | undefined)[];
}

function changeCause(walkthrough: Walkthrough, fold: SessionFold, index: number): ChangeCause {
  const event = walkthrough.events[index];
  const step = event?.scriptedStep;
  if (step !== undefined) return { kind: 'step', step, description: walkthrough.scenario.events[step]?.description ?? '' };
  const folded = fold.steps[index];
  if (!folded) throw new Error(`no folded step ${index}`);
  return { kind: 'operator', event: folded.event, seq: folded.seq };
}

/**
 * The session at its cursor. `tried` replaces assessed values (Explore mode): the policy judges them
 * instead of the reported ones, nothing is recorded, and the decision record stays what was recorded.
 */
export function viewWalkthrough(walkthrough: Walkthrough, tried?: AssessedValues): WalkthroughView {
  const fold = foldWalkthrough(walkthrough);
  const inView = eventsInView(walkthrough);
  const snapshot = snapshotAfter(fold, inView);
  const standing = standingRecommendation(snapshot.context);
  const situation =
    tried && Object.keys(tried).length ? { ...standing.situation, values: { ...standing.situation.values, ...tried } } : null;
  const recommendation = situation && standing.recommendation ? recommend(situation) : standing.recommendation;
  let thresholdFlips: FlipPoint[] | undefined;
  let inputFlips: InputFlipPoint[] | undefined;
  let nearest: NearestFlip | null | undefined;
  const appliedByStep: (boolean | undefined)[] = walkthrough.scenario.events.map(() => undefined);
  walkthrough.events.forEach((e, i) => {
    if (e.scriptedStep !== undefined) appliedByStep[e.scriptedStep] = fold.steps[i]?.record.applied;
  });
  const record = decisionRecord(walkthrough.scenario, walkthrough.profile, fold, inView);
  const answer = answerAt(fold, inView, snapshot, recommendation, (i) => changeCause(walkthrough, fold, i));
  return {
    fold,
    record,
    snapshot,
    situation: situation ?? standing.situation,
    recommendation,
    policyRows: recommendation?.rows ?? [],
    values: (situation ?? standing.situation).values,
    // Worked out when first read: a panel that shows them asks; the headline of an edit does not wait for them.
    get flipPoints() {
      thresholdFlips ??= recommendation ? flipPoints(situation ?? standing.situation, recommendation) : [];
      return thresholdFlips;
    },
    get inputFlipPoints() {
      inputFlips ??= recommendation ? inputFlipPoints(situation ?? standing.situation, recommendation) : [];
      return inputFlips;
    },
    get nearestFlip() {
      if (nearest === undefined) nearest = nearestFlip(this.flipPoints, this.inputFlipPoints);
      return nearest;
    },
    answer,
    status: statusLine(record.decision, answer, stateName(snapshot.value), fold.steps[inView - 1]),
    // Asked with the acceptance a plan that leaves a crew without a lifeboat needs: the form records it.
    confirmRefusal: refusalOf(snapshot, {
      type: 'decision.confirm',
      at: snapshot.context.nowUtc,
      by: probe,
      ...(recommendation?.crewSwap?.daysWithoutLifeboat != null
        ? { acceptsPeriodWithoutLifeboat: true as const, rationale: 'probe' }
        : {}),
    }),
    pollRefusal: refusalOf(snapshot, {
      type: 'poll.open',
      outcome: 'launch-replacement',
      positions: ['probe'],
      at: snapshot.context.nowUtc,
      by: probe,
    }),
    ...overrides(snapshot),
    refusalOf: (request) => {
      const checked = checkRequest(walkthrough, fold.snapshot, request, probe);
      return checked.ok ? null : checked.reason;
    },
    appliedByStep,
  };
}

const probe: Actor = { name: 'probe', role: 'probe' };

/** Each outcome asked of the machine as an override with a rationale: those it would take, or why none. */
function overrides(
  snapshot: CrewReturnSnapshot,
): Pick<WalkthroughView, 'overrideOutcomes' | 'overrideRefusal' | 'closedOverrides'> {
  const refusals = decidableOutcomes.map((outcome) => ({
    outcome,
    refusal: refusalOf(snapshot, {
      type: 'decision.override',
      outcome,
      rationale: 'probe',
      at: snapshot.context.nowUtc,
      by: probe,
    }),
  }));
  const open = refusals.filter((r) => r.refusal === null).map((r) => r.outcome);
  return {
    overrideOutcomes: open,
    overrideRefusal: open.length ? null : (refusals[0]?.refusal ?? null),
    closedOverrides: Object.fromEntries(refusals.flatMap((r) => (r.refusal === null ? [] : [[r.outcome, r.refusal]]))),
  };
}
