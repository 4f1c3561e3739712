import { memo, useMemo } from 'react';
import { uncrewedDepartureSentence } from '../../reports/outcomeWords';
import { descentCabinSeries } from '../../session/charts/descentCabin';
import { flipLines } from '../../session/charts/flipLines';
import { marginBars } from '../../session/charts/marginBars';
import { type MissionSetup, type Recommendation, recommendationEvaluations } from '../../session/model';
import type { WalkthroughView } from '../../session/walkthroughView';
import { CabinChart, FlipChart, MarginChart } from '../charts';
import type { TemperatureUnit } from '../shared/units';
import { FlipTable } from './FlipTable';
import { PolicyTable } from './PolicyTable';
import { RuleTable } from './RuleTable';

interface Props {
  /** The view as of the last painted frame: the detail follows the answer by one frame. */
  view: WalkthroughView;
  /** Whether the answer above has moved on since (the detail is about to follow). */
  pending: boolean;
  temperatureUnit: TemperatureUnit;
}

/**
 * The panel says whether its detail is about to follow the answer; the detail itself is drawn again only
 * when the view it shows changes (not when it merely becomes pending, which is the edit's own frame).
 */
export function RecommendationPanel({ view, pending, temperatureUnit }: Props) {
  if (!view.recommendation) return null;
  return (
    <section aria-labelledby="recommendation-title" className="recommendation" aria-busy={pending}>
      <RecommendationDetail view={view} temperatureUnit={temperatureUnit} />
    </section>
  );
}

const RecommendationDetail = memo(function RecommendationDetail({ view, temperatureUnit }: Omit<Props, 'pending'>) {
  const { recommendation } = view;
  const { setup, thresholds } = view.snapshot.context;
  const lines = useMemo(
    () =>
      recommendation
        ? flipLines(
            view.flipPoints,
            view.inputFlipPoints,
            view.nearestFlip,
            thresholds,
            recommendationEvaluations(recommendation),
          )
        : [],
    [view, recommendation, thresholds],
  );
  if (!recommendation) return null;
  return (
    <>
      <h3 id="recommendation-title">Why: the policy, the rules and what would change it</h3>
      {view.record.decision && (
        <p className="muted">The tables are the decision's situation, re-evaluated under the thresholds in force now.</p>
      )}
      <MarginChart bars={marginBars(recommendation)} setup={setup} temperatureUnit={temperatureUnit} />
      <PolicyTable policyRows={view.policyRows} recommendation={recommendation} />
      <RuleTable policyRows={view.policyRows} recommendation={recommendation} setup={setup} temperatureUnit={temperatureUnit} />
      <CabinChart series={descentCabinSeries(view.situation)} temperatureUnit={temperatureUnit} />
      <SeatPlan recommendation={recommendation} setup={setup} />
      <FlipChart lines={lines} temperatureUnit={temperatureUnit} />
      <FlipTable
        policyRows={view.policyRows}
        flipPoints={view.flipPoints}
        inputFlipPoints={view.inputFlipPoints}
        thresholds={thresholds}
        temperatureUnit={temperatureUnit}
      />
    </>
  );
});

/** Who rides where: the interim emergency plan or the return plan. */
const SeatPlan = memo(function SeatPlan({ recommendation, setup }: { recommendation: Recommendation; setup: MissionSetup }) {
  if (!recommendation.seatPlan) return null;
  const mode = setup.damagedVehicle.descentModes.find((m) => m.id === recommendation.descentModeId);
  const vehicleName = (id: string) => [setup.damagedVehicle, ...setup.otherVehicles].find((v) => v.id === id)?.name ?? id;
  const crewName = (id: string) => setup.crew.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="seat-plan">
      <h4>Seats ({recommendation.outcome === 'launch-replacement' ? 'interim emergency plan' : 'return plan'})</h4>
      <ul>
        {recommendation.seatPlan.map((seat) => (
          <li key={seat.crewId}>
            {crewName(seat.crewId)} → {vehicleName(seat.vehicleId)} ({seat.seat} seat)
          </li>
        ))}
      </ul>
      {recommendation.damagedVehicleLeavesUncrewed && (
        <p data-testid="uncrewed-departure">
          {uncrewedDepartureSentence(setup.damagedVehicle.name, recommendation.damagedVehicleLeavesUncrewed)}.
        </p>
      )}
      {mode && (
        <p>
          Descent mode: {mode.label}
          {mode.kind === 'degraded' && ' (degraded: accepted in the emergency tier only)'}.
        </p>
      )}
    </div>
  );
});
