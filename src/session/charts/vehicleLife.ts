import { thresholdKeyFor } from '../../../machines/policy/thresholds';
import { evaluateRule, type RuleStatus } from '../../../machines/rules/evaluate';
import { lifeThroughWaitRule } from '../../../machines/rules/flightRules';
import { lifeUsedAtReplacementArrival, vehicleAgeDays } from '../../../machines/rules/readings';
import type { Tier } from '../../../machines/types';
import { fact } from '../../../machines/vehicles/vehicles';
import type { WalkthroughView } from '../walkthroughView';

/** A moment of the mission placed on the damaged vehicle's life: its age then, in days since launch. */
export interface LifeMark {
  kind: 'anomaly' | 'decision' | 'now';
  atUtc: string;
  ageDays: number;
}

export interface VehicleLifeTimeline {
  vehicleName: string;
  launchedUtc: string;
  /** The class's certified docked life; null when no source gives it. */
  certifiedLifeDays: number | null;
  /**
   * The life limits, as the profile's share of the certified life in days of age: `nominal` for crew
   * riding the vehicle home, `emergency` the allowance for a vehicle kept only as a lifeboat.
   */
  limits: { tier: Tier; sharePct: number; ageDays: number | null }[];
  marks: LifeMark[];
  /**
   * When the replacement arrives (lead time plus any hold), as the life rule reads it: counted from
   * the moment the recommendation is worked out for (the decision's, once decided), nominal and worst end.
   */
  replacementArrival: {
    fromUtc: string;
    fromAgeDays: number;
    nominalAgeDays: number;
    worstAgeDays: number;
    /** The life rule's verdict on the worst end in each tier. */
    status: Record<Tier, RuleStatus>;
  } | null;
}

/** The damaged vehicle's life at the view's step: launch, anomaly, decision, now, the replacement's arrival and the limits. */
export function vehicleLifeTimeline(
  view: Pick<WalkthroughView, 'fold' | 'snapshot' | 'situation' | 'record'>,
): VehicleLifeTimeline {
  const { setup, nowUtc, anomalyDetected } = view.snapshot.context;
  const { thresholds } = view.situation;
  const vehicle = setup.damagedVehicle;
  const ageAt = (utc: string) => vehicleAgeDays(vehicle, utc);
  const lifeDays = fact(vehicle, 'certifiedLifeDays');
  const certifiedLifeDays = Number.isFinite(lifeDays) ? lifeDays : null;
  const mark = (kind: LifeMark['kind'], atUtc: string): LifeMark => ({ kind, atUtc, ageDays: ageAt(atUtc) });
  // The anomaly flag is set once and never cleared: the first anomaly event applied is the one in view.
  const anomaly = anomalyDetected
    ? view.fold.steps.find((step) => step.event.type === 'anomaly.detect' && step.record.applied)
    : undefined;
  const decision = view.record.decision;
  const marks = [
    ...(anomaly ? [mark('anomaly', anomaly.event.at)] : []),
    ...(decision ? [mark('decision', decision.atUtc)] : []),
    mark('now', nowUtc),
  ];
  const arrival = anomalyDetected ? lifeUsedAtReplacementArrival(vehicle, view.situation.nowUtc, view.situation.values) : null;
  const toAge = (pct: number | null) => (pct === null || certifiedLifeDays === null ? null : (pct / 100) * certifiedLifeDays);
  const worstAgeDays = toAge(arrival?.value ?? null);
  const nominalAgeDays = toAge(arrival?.nominalValue ?? null);
  return {
    vehicleName: vehicle.name,
    launchedUtc: vehicle.launchedUtc,
    certifiedLifeDays,
    limits: (['nominal', 'emergency'] as const).map((tier) => {
      const sharePct = lifeLimitPct(thresholds, tier);
      return { tier, sharePct, ageDays: toAge(Number.isFinite(sharePct) ? sharePct : null) };
    }),
    marks,
    replacementArrival:
      arrival === null || worstAgeDays === null || nominalAgeDays === null
        ? null
        : {
            fromUtc: view.situation.nowUtc,
            fromAgeDays: ageAt(view.situation.nowUtc),
            nominalAgeDays,
            worstAgeDays,
            status: {
              nominal: lifeStatus(arrival, thresholds, 'nominal', vehicle.id),
              emergency: lifeStatus(arrival, thresholds, 'emergency', vehicle.id),
            },
          },
  };
}

type Thresholds = VehicleLifeTimelineInput['situation']['thresholds'];
type VehicleLifeTimelineInput = Pick<WalkthroughView, 'situation'>;

/** Riding home is held to the certified life (nominal tier); keeping a lifeboat, to the lifeboat allowance. */
function lifeLimitPct(thresholds: Thresholds, tier: Tier): number {
  return (
    (tier === 'nominal'
      ? thresholds['maxCertifiedLifeUsedPct.nominal']
      : thresholds[thresholdKeyFor(lifeThroughWaitRule.threshold, tier)]) ?? Number.NaN
  );
}

function lifeStatus(
  arrival: ReturnType<typeof lifeUsedAtReplacementArrival>,
  thresholds: Thresholds,
  tier: Tier,
  vehicleId: string,
): RuleStatus {
  return evaluateRule(lifeThroughWaitRule, arrival, thresholds, tier, { vehicleId }, lifeLimitPct(thresholds, tier)).status;
}
