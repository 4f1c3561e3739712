import { assessedInputs } from '../../machines/policy/answer';
import type { Recommendation } from '../../machines/policy/policy';
import type { PartialThresholdValues, ThresholdValues } from '../../machines/policy/thresholds';
import type { AssessedValues } from '../../machines/rules/evaluate';
import { crewQuantityKey } from '../../machines/rules/quantities';
import { descentCabinByCrewCount, seatedCrewCounts } from '../../machines/thermal/byCrewCount';
import { descentThermalInputKeys } from '../../machines/thermal/descentCabinInputs';
import { descentCabinModelOf, estimatedSource } from '../../machines/thermal/estimate';
import type { AssessedValue } from '../../machines/types';
import type { Vehicle } from '../../machines/vehicles/vehicles';
import { snapshotAfter } from './fold';
import { changedFrom } from './profile';
import { type Change, eventsInView, foldWalkthrough, frontier, recordChange, type Walkthrough } from './walkthrough';

/**
 * Explore mode: the session as it stands at the cursor, changed freely and never recorded. Threshold
 * changes and steps go through the same fold as recorded ones (so every panel answers the same way);
 * assessed values are tried in place of the reported ones. Leaving discards it, or adopts its
 * thresholds as one recorded change.
 */
export interface Exploration {
  /** The recorded session it started from: what adopting changes, and what "changed" compares with. */
  from: Walkthrough;
  /** A copy cut at the cursor, grown by unrecorded events. */
  walkthrough: Walkthrough;
  /** Assessed values tried instead of the reported ones, by quantity key. */
  tried: Readonly<Record<string, AssessedValue>>;
}

/** Who the unrecorded events are by: never an operator, so nothing explored can pass for a record. */
export const explorer = { name: 'Explore mode', role: 'not recorded' } as const;

export function startExploration(from: Walkthrough): Exploration {
  const events = from.events.slice(0, eventsInView(from));
  return { from, walkthrough: { ...from, events }, tried: {} };
}

export type Explored = { ok: true; exploration: Exploration } | { ok: false; reason: string };

/** Applies a change to the exploration only; refused as the recorded session would refuse it. */
export function exploreChange(exploration: Exploration, change: Change, wallClockUtc: string): Explored {
  const result = recordChange(exploration.walkthrough, change, explorer, wallClockUtc);
  return result.ok ? { ok: true, exploration: { ...exploration, walkthrough: result.walkthrough } } : result;
}

/** Tries an assessed value (null puts the reported one back). */
export function tryValue(exploration: Exploration, key: string, value: AssessedValue | null): Exploration {
  const { [key]: _, ...rest } = exploration.tried;
  return { ...exploration, tried: value ? { ...rest, [key]: value } : rest };
}

/** The thresholds the exploration has changed against those in force in the recorded session now. */
export function changedThresholds(exploration: Exploration): PartialThresholdValues {
  const explored = thresholdsAtCursor(exploration.walkthrough);
  const recorded = thresholdsAtCursor({ ...exploration.from, cursor: frontier(exploration.from) });
  return Object.fromEntries(changedFrom(recorded, explored));
}

/** Every threshold in force in the exploration: what adopting records (only those that differ become entries). */
export function exploredThresholds(exploration: Exploration): ThresholdValues {
  return thresholdsAtCursor(exploration.walkthrough);
}

function thresholdsAtCursor(walkthrough: Walkthrough): ThresholdValues {
  return snapshotAfter(foldWalkthrough(walkthrough), eventsInView(walkthrough)).context.thresholds;
}

/** What stands in for a quantity nobody reported: the descent-thermal model's default input, or its estimate. */
export interface StandIn {
  kind: 'model default' | 'estimated';
  value: AssessedValue;
}

/**
 * What Explore lets one try: every assessed quantity the recommendation reads, and, where the vehicle
 * has a cabin model, the estimate's inputs and the report for each crew count nobody reported.
 */
export function explorableQuantities(recommendation: Recommendation, vehicle: Vehicle, recorded: AssessedValues): string[] {
  const estimate = descentCabinModelOf(vehicle.classId)
    ? [
        ...descentThermalInputKeys,
        ...seatedCrewCounts(vehicle)
          .map((n) => crewQuantityKey('peakCabinTempC', n))
          .filter((key) => !recorded[key]),
      ]
    : [];
  return [...new Set([...assessedInputs(recommendation), ...estimate])];
}

/** For each unreported quantity the descent-thermal estimate fills, what stands in for it: Explore shows it beside "not reported". */
export function standIns(vehicle: Vehicle, values: AssessedValues): Record<string, StandIn> {
  const model = descentCabinModelOf(vehicle.classId);
  if (!model) return {};
  const inputs = Object.entries(model.inputs).flatMap(([key, { basis: _, ...value }]) =>
    values[key] ? [] : [[key, { kind: 'model default' as const, value }]],
  );
  const estimates = descentCabinByCrewCount(vehicle, values).flatMap(({ crewAboard, reading, estimate }) =>
    reading === 'estimated' && estimate
      ? [
          [
            crewQuantityKey('peakCabinTempC', crewAboard),
            {
              kind: 'estimated' as const,
              value: { nominal: estimate.nominalC, low: estimate.lowC, high: estimate.highC, source: estimatedSource },
            },
          ],
        ]
      : [],
  );
  return Object.fromEntries([...inputs, ...estimates]);
}
