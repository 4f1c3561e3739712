/** The policy rows where fewer than the full crew ride the damaged vehicle home: nominally, or under the emergency tier. */
import type { RuleEvaluation } from '../rules/evaluate';
import { failedOptions, failing, flyability, noPlan, type RowContext, type RowVerdict, seating } from './rowContext';

/** At least one crew member rides the damaged vehicle home: zero aboard is never a reduced crew. */
export function reducedCrewRow(context: RowContext): RowVerdict {
  const { crewCount, relocatable } = context;
  const tried: RuleEvaluation[] = [];
  const failed: [aboard: number, option: RuleEvaluation[]][] = [];
  let chosen: RowVerdict | null = null;
  for (let aboard = crewCount - 1; aboard >= 1; aboard--) {
    const seats = seating(context, aboard);
    const fly = seats.plan ? flyability(context, 'nominal', aboard) : null;
    const option = [...seats.evaluations, ...(fly?.evaluations ?? [])];
    tried.push(...option);
    const passed = seats.plan !== null && fly?.passed === true;
    if (!passed) failed.push([aboard, option]);
    if (!passed || chosen) continue;
    chosen = {
      matched: true,
      reason: `${aboard} crew pass every nominal rule; ${crewCount - aboard} move to other vehicles`,
      evaluations: tried,
      plan: seats.plan,
      descentModeId: fly?.descentModeId ?? null,
      departure: null,
      contingency: null,
    };
  }
  return (
    chosen ?? {
      matched: false,
      reason:
        relocatable === 0
          ? 'no crew member has a seat on another vehicle'
          : `no smaller crew of at least one passes every nominal rule: ${failedOptions(failed) || 'no such crew'}`,
      evaluations: tried,
      ...noPlan,
    }
  );
}

export function emergencyTierRow(context: RowContext): RowVerdict {
  const { crewCount, relocatable } = context;
  const stranded = crewCount - relocatable;
  if (stranded <= 0) {
    return { matched: false, reason: 'no crew left without another seat', evaluations: [], ...noPlan };
  }
  const seats = seating(context, stranded);
  const fly = flyability(context, 'emergency', stranded);
  const evaluations = [...seats.evaluations, ...fly.evaluations];
  const matched = seats.plan !== null && fly.passed;
  const mode = context.situation.setup.damagedVehicle.descentModes.find((m) => m.id === fly.descentModeId);
  return {
    matched,
    reason: matched
      ? `the ${stranded} crew without another seat pass the emergency tier (${mode?.label ?? 'no descent mode'})`
      : `${stranded} crew without another seat: ${failing(evaluations)}`,
    evaluations,
    ...(matched ? { plan: seats.plan, descentModeId: fly.descentModeId, departure: null, contingency: null } : noPlan),
  };
}
