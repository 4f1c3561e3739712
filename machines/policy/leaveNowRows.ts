/** The policy rows where the crew leaves now on the damaged vehicle: the station is unsafe, or the full crew passes. */
import { reportedCriticalSystems } from '../rules/systemFindings';
import { statusKey, statusOfSeverity } from '../rules/systemStatus';
import { ridePhases } from '../vehicles/vehicleClass';
import { failing, flyability, lifeboatPhases, noPlan, type RowContext, type RowVerdict, seating } from './rowContext';

export function stationRow(context: RowContext): RowVerdict {
  const { situation, crewCount, relocatable } = context;
  if (!situation.stationUnsafe) return { matched: false, reason: 'the station is safe', evaluations: [], ...noPlan };
  const aboard = crewCount - Math.max(relocatable, context.fixed.relocatableToLifeboats);
  const seats = seating(context, aboard, 'lifeboat');
  // Shown, not gated on: leaving an unsafe station accepts whatever the emergency tier says.
  const risk = aboard > 0 ? flyability(context, 'emergency', aboard) : null;
  const name = situation.setup.damagedVehicle.name;
  const reason = seats.plan
    ? `the station was declared unsafe; ${aboard} crew leave on ${name} (emergency tier: ${risk ? failing(risk.evaluations) : 'nobody aboard'})`
    : `the station was declared unsafe; ${failing(seats.evaluations)}: not every crew member has a seat`;
  return {
    matched: true,
    reason,
    evaluations: [...seats.evaluations, ...(risk?.evaluations ?? [])],
    plan: seats.plan,
    descentModeId: risk?.descentModeId ?? null,
    departure: null,
    contingency: null,
  };
}

export function fullCrewRow(context: RowContext): RowVerdict {
  const { crewCount } = context;
  const seats = seating(context, crewCount);
  const fly = flyability(context, 'nominal', crewCount);
  const evaluations = [...seats.evaluations, ...fly.evaluations];
  const matched = seats.plan !== null && fly.passed;
  return {
    matched,
    reason: matched ? `all ${crewCount} crew pass every nominal rule${notNeededForReturn(context)}` : failing(evaluations),
    evaluations,
    ...(matched ? { plan: seats.plan, descentModeId: fly.descentModeId, departure: null, contingency: null } : noPlan),
  };
}

/** Findings against systems the return does not need (a module jettisoned before entry, what only a docked lifeboat needs). */
function notNeededForReturn(context: RowContext): string {
  const { setup, values } = context.situation;
  const vehicle = setup.damagedVehicle;
  const needed = new Set(reportedCriticalSystems(vehicle, values, ridePhases).map((s) => s.id));
  const other = reportedCriticalSystems(vehicle, values, lifeboatPhases).filter(
    (s) => !needed.has(s.id) && (values[statusKey(s.module, s.id)]?.nominal ?? 0) > 0,
  );
  return other.length
    ? `; the return does not need ${other.map((s) => `the ${s.label.toLowerCase()} (${s.module}, found ${statusOfSeverity(values[statusKey(s.module, s.id)]?.nominal ?? 0)})`).join(', ')}`
    : '';
}
