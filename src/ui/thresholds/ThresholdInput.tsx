import { type KeyboardEvent, useState } from 'react';
import type { ThresholdDefinition, ThresholdKey } from '../../session/model';
import { displayUnit, fromDisplayNumber, type TemperatureUnit, toDisplayNumber } from '../shared/units';

interface Props {
  definition: ThresholdDefinition;
  value: number;
  temperatureUnit: TemperatureUnit;
  /** Applies the value if the other thresholds allow it; returns why not otherwise. */
  onCommit: (key: ThresholdKey, valueInModelUnit: number) => string | null;
}

/** One threshold: typed as text, checked on Enter or leaving the field, applied only when valid. */
export function ThresholdInput({ definition, value: current, temperatureUnit, onCommit }: Props) {
  const shown = String(toDisplayNumber(current, definition.unit, temperatureUnit));
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // Follow outside changes (a step, a reset, a unit switch) without remounting: a focused input
  // that is removed makes the browser lay out the whole page again.
  const [lastShown, setLastShown] = useState(shown);
  if (shown !== lastShown) {
    setLastShown(shown);
    setText(shown);
    setError(null);
  }
  const unit = displayUnit(definition.unit, temperatureUnit);
  const errorId = `${definition.key}-error`;

  const commit = () => {
    const trimmed = text.trim();
    if (trimmed === shown) return setError(null);
    const number = trimmed === '' ? Number.NaN : Number(trimmed.replace(',', '.'));
    if (trimmed === '') return setError('Enter a value.');
    if (!Number.isFinite(number)) return setError(`“${trimmed}” is not a number.`);
    // The field shows what is in force: the new value once it is recorded, the old one if it is
    // refused or the recording is cancelled; a refusal is said here, beside the field.
    setText(shown);
    setError(onCommit(definition.key, fromDisplayNumber(number, definition.unit, temperatureUnit)));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setText(shown);
      setError(null);
    }
  };

  return (
    <>
      <input
        id={`threshold-${definition.key}`}
        className="threshold-input"
        inputMode="decimal"
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      <span className="unit">{unit === 'count' ? '' : unit}</span>
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
