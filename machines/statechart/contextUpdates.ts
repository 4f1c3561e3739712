/**
 * What each event does to the statechart's context, as pure functions of the context and the event it
 * handles: the chart (crewReturnMachine.ts) says when, these say what.
 */
import { crewQuantityKey, thrusterGroupKey } from '../rules/quantities';
import { statusKey, statusSeverity } from '../rules/systemStatus';
import type { DecidableOutcome } from '../types';
import { type CrewReturnContext, currentRecommendation, currentSituation, type Decision } from './context';
import type { CrewReturnEventOf } from './events';
import { openPoll, type Poll, type PollClosing } from './poll';

type Report = CrewReturnEventOf<'inspection.finding' | 'assessment.report'>;

/** A reported quantity, under the key its crew count or thruster group gives it. */
export function withQuantity(context: CrewReturnContext, event: Report): CrewReturnContext['values'] {
  if (event.quantity === undefined || !event.value) return context.values;
  const key =
    event.crewCount !== undefined
      ? crewQuantityKey(event.quantity, event.crewCount)
      : event.thrusterGroup !== undefined
        ? thrusterGroupKey(event.quantity, event.thrusterGroup)
        : event.quantity;
  return { ...context.values, [key]: event.value };
}

/** A system's reported status, as its severity, with the odds of the other statuses it may be in. */
export function withSystemStatus(context: CrewReturnContext, event: Report): CrewReturnContext['values'] {
  if (!event.status || !event.module || !event.system) return context.values;
  const odds = Object.entries(event.odds ?? {}).map(([status, probability]) => ({
    value: statusSeverity[status as keyof typeof statusSeverity],
    probability: probability ?? 0,
  }));
  return {
    ...context.values,
    [statusKey(event.module, event.system)]: {
      nominal: statusSeverity[event.status],
      source: event.sources?.[0] ?? 'reported',
      ...(odds.length ? { odds } : {}),
    },
  };
}

export function withCommonCauseRaised(
  context: CrewReturnContext,
  event: CrewReturnEventOf<'commonCause.raise'>,
): CrewReturnContext['values'] {
  const open = (context.values.openCommonCauseQuestions?.nominal ?? 0) + 1;
  return {
    ...context.values,
    openCommonCauseQuestions: { nominal: open, source: 'derived' },
    ...(event.holdDays ? { commonCauseHoldDays: event.holdDays } : {}),
  };
}

export function withCommonCauseCleared(context: CrewReturnContext): CrewReturnContext['values'] {
  return {
    ...context.values,
    openCommonCauseQuestions: {
      nominal: Math.max(0, (context.values.openCommonCauseQuestions?.nominal ?? 0) - 1),
      source: 'derived',
    },
  };
}

/** A new poll; one still open is superseded by it. */
export function withPollOpened(context: CrewReturnContext, event: CrewReturnEventOf<'poll.open'>): readonly Poll[] {
  const { outcome, positions, by, at } = event;
  return [
    ...withOpenPollClosed(context, 'superseded', at),
    {
      number: context.polls.length + 1,
      outcome,
      positions,
      openedBy: by,
      openedUtc: at,
      answers: [],
      disposition: null,
      closed: null,
    },
  ];
}

export function withVote(context: CrewReturnContext, event: CrewReturnEventOf<'poll.vote'>): readonly Poll[] {
  const poll = openPoll(context.polls);
  if (!poll) return context.polls;
  const { position, vote, dissent, rationale, by, at } = event;
  const answer = { position, vote, dissent, rationale: rationale ?? '', by, atUtc: at };
  return [...context.polls.slice(0, -1), { ...poll, answers: [...poll.answers, answer] }];
}

export function withDisposition(context: CrewReturnContext, event: CrewReturnEventOf<'poll.disposition'>): readonly Poll[] {
  const poll = openPoll(context.polls);
  if (!poll) return context.polls;
  const { kind, to, rationale, by, at } = event;
  return [...context.polls.slice(0, -1), { ...poll, disposition: { kind, to: to ?? null, rationale, by, atUtc: at } }];
}

export function withOpenPollClosed(context: CrewReturnContext, kind: PollClosing['kind'], atUtc: string): readonly Poll[] {
  const poll = openPoll(context.polls);
  return poll ? [...context.polls.slice(0, -1), { ...poll, closed: { kind, atUtc } }] : context.polls;
}

type DecidingEvent = CrewReturnEventOf<'decision.confirm' | 'decision.override' | 'station.emergency'>;

/** What every decision records: the recommendation it was taken on, by whom, when, on what basis, after which poll. */
function decisionBase(context: CrewReturnContext, event: DecidingEvent, poll: number | null) {
  const recommendation = currentRecommendation(context);
  if (!recommendation) return null;
  const { setup: _, ...basis } = currentSituation(context);
  return { recommendation, by: event.by, atUtc: event.at, basis, poll };
}

const openPollNumber = (context: CrewReturnContext) => openPoll(context.polls)?.number ?? null;

export function confirmation(context: CrewReturnContext, event: CrewReturnEventOf<'decision.confirm'>): Decision | null {
  const base = decisionBase(context, event, openPollNumber(context));
  if (!base) return context.decision;
  const outcome = base.recommendation.outcome as DecidableOutcome;
  return { ...base, outcome, kind: 'confirmed', rationale: event.rationale ?? '' };
}

export function override(context: CrewReturnContext, event: CrewReturnEventOf<'decision.override'>): Decision | null {
  const base = decisionBase(context, event, openPollNumber(context));
  if (!base) return context.decision;
  return { ...base, outcome: event.outcome, kind: 'overridden', rationale: event.rationale };
}

/** The station unsafe decides by itself; a poll open then is not what it was taken on. */
export function emergencyDecision(context: CrewReturnContext, event: CrewReturnEventOf<'station.emergency'>): Decision | null {
  const base = decisionBase(context, event, null);
  if (!base) return context.decision;
  return { ...base, outcome: 'emergency-return', kind: 'automatic', rationale: 'station declared unsafe' };
}
