import { useState } from 'react';
import { thresholdName } from '../../reports/ruleWords';
import { type PartialThresholdValues, thresholdDefinitionByKey } from '../../session/model';
import { displayValue, type TemperatureUnit } from '../shared/units';

export interface ExploreControls {
  /** Thresholds changed against those in force in the recorded session. */
  changedThresholds: PartialThresholdValues;
  triedCount: number;
  onDiscard: () => void;
  onAdopt: (reason: string) => void;
}

interface Props {
  exploring: ExploreControls | null;
  temperatureUnit: TemperatureUnit;
  onStart: () => void;
}

/** Enter Explore mode, or, inside it, say plainly that nothing is recorded and how to leave. */
export function ExploreBar({ exploring, temperatureUnit, onStart }: Props) {
  const [reason, setReason] = useState('');
  if (!exploring) {
    return (
      <button type="button" className="explore-start" onClick={onStart}>
        Explore (not recorded)
      </button>
    );
  }
  const changed = Object.entries(exploring.changedThresholds);
  const adopt = () => {
    exploring.onAdopt(reason.trim());
    setReason('');
  };
  return (
    <section className="explore-bar" aria-labelledby="explore-title" data-testid="explore-bar">
      <h3 id="explore-title">Exploring: nothing here is recorded</h3>
      <p>
        {changed.length === 0
          ? 'No threshold changed'
          : `Thresholds changed: ${changed
              .map(
                ([key, value]) =>
                  `${thresholdName(key)} → ${displayValue(value, thresholdDefinitionByKey.get(key)?.unit ?? '', temperatureUnit)}`,
              )
              .join('; ')}`}
        {exploring.triedCount > 0 && `; ${exploring.triedCount} assessed value${exploring.triedCount > 1 ? 's' : ''} tried`}.
      </p>
      <div className="explore-actions">
        <label>
          Reason for adopting the thresholds
          <input value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        </label>
        <button type="button" disabled={changed.length === 0 || reason.trim() === ''} onClick={adopt}>
          Adopt thresholds as one recorded change
        </button>
        <button type="button" onClick={exploring.onDiscard}>
          Discard and leave Explore
        </button>
      </div>
      {changed.length > 0 && reason.trim() === '' && (
        <p className="muted">
          Adopting needs a reason; tried assessed values are never adopted (they are engineering’s to report).
        </p>
      )}
    </section>
  );
}
