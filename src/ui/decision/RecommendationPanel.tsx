import { memo, useLayoutEffect, useMemo } from 'react';
import type { FlipPoint, InputFlipPoint } from '../../../machines/policy/flipPoints';
import type { PolicyRowResult, Recommendation } from '../../../machines/policy/policy';
import type { ThresholdValues } from '../../../machines/policy/thresholds';
import type { Decision } from '../../../machines/statechart/context';
import type { MissionSetup } from '../../../machines/types';
import { uncrewedDepartureSentence } from '../../reports/describe';
import { InView } from '../shared/InView';
import { outcomeLabels } from '../shared/outcomeLabels';
import type { TemperatureUnit } from '../shared/units';
import { FlipTable } from './FlipTable';
import { PolicyTable } from './PolicyTable';
import { RuleTable } from './RuleTable';

interface Props {
  recommendation: Recommendation | null;
  policyRows: PolicyRowResult[];
  decision: Decision | null;
  flipPoints: FlipPoint[];
  inputFlipPoints: InputFlipPoint[];
  thresholds: ThresholdValues;
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

export function RecommendationPanel(props: Props) {
  const { recommendation, policyRows, decision, flipPoints, inputFlipPoints, thresholds, setup, temperatureUnit } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per new recommendation on screen, by design
  useLayoutEffect(() => reportThresholdLatency(), [recommendation]);
  const flipInputs = useMemo(
    () => ({ policyRows, flipPoints, inputFlipPoints, thresholds }),
    [policyRows, flipPoints, inputFlipPoints, thresholds],
  );

  return (
    <section aria-labelledby="recommendation-title" className="recommendation">
      <h3 id="recommendation-title">Recommendation</h3>
      {!recommendation ? (
        <p className="muted">No anomaly yet: the vehicle serves as the crew's lifeboat and ride home.</p>
      ) : (
        <>
          <p className={`outcome outcome-${recommendation.outcome}`} data-testid="outcome" data-outcome={recommendation.outcome}>
            {outcomeLabels[recommendation.outcome]} <code>{recommendation.outcome}</code>
          </p>
          {decision && (
            <p className={`decision decision-${decision.kind}`} data-testid="decision">
              Decided: <strong>{outcomeLabels[decision.outcome]}</strong> —{' '}
              {decision.kind === 'overridden' ? 'OVERRIDDEN' : decision.kind} by {decision.by.name} ({decision.by.role}) at{' '}
              {decision.atUtc.slice(0, 16).replace('T', ' ')} UTC
              {decision.rationale && <>: “{decision.rationale}”</>}
              {decision.recommendation.outcome !== recommendation.outcome && (
                <> (recommended then: {outcomeLabels[decision.recommendation.outcome]})</>
              )}
            </p>
          )}
          {decision && (
            <p className="muted">The table below is the decision's situation, re-evaluated under the thresholds in force now.</p>
          )}
          <PolicyTable policyRows={policyRows} recommendation={recommendation} />
          {/* Below the fold at 1280×800: each part follows an edit a frame later while out of view. */}
          <InView value={flipInputs}>{(shown) => <FlipTable {...shown} temperatureUnit={temperatureUnit} />}</InView>
          <RuleTable policyRows={policyRows} setup={setup} temperatureUnit={temperatureUnit} />
          <InView value={recommendation}>{(shown) => <SeatPlan recommendation={shown} setup={setup} />}</InView>
        </>
      )}
    </section>
  );
}

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

/** Edit-to-screen latency, for `npm run bench`: to the DOM update, and to the frame that shows it. */
function reportThresholdLatency(): void {
  if (performance.getEntriesByName('threshold-commit', 'mark').length === 0) return;
  performance.measure('threshold-to-dom', 'threshold-commit');
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      performance.measure('threshold-to-screen', 'threshold-commit');
      performance.clearMarks('threshold-commit');
    };
    channel.port2.postMessage(null);
  });
}
