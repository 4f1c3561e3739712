import { type KeyboardEvent, memo, useState } from 'react';
import { quantityLabel, quantityUnit } from '../../reports/ruleWords';
import type { StandIn } from '../../session/exploration';
import { type AssessedValue, conservativeEnd } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { displayUnit, displayValue, fromDisplayNumber, type TemperatureUnit, toDisplayNumber } from '../shared/units';

interface Props {
  /** Assessed quantities the recommendation reads, with what is reported (or nothing yet). */
  reported: Readonly<Record<string, AssessedValue | undefined>>;
  unreported: Readonly<Record<string, StandIn>>;
  tried: Readonly<Record<string, AssessedValue>>;
  temperatureUnit: TemperatureUnit;
  onTry: (key: string, value: AssessedValue | null) => void;
}

/** Explore mode only: try another value for an assessed quantity; the policy judges it in place of the report. */
export const TriedValues = memo(function TriedValues({ reported, unreported, tried, temperatureUnit, onTry }: Props) {
  return (
    <section className="tried-values" aria-labelledby="tried-title">
      <h3 id="tried-title">Assessed values to try (not recorded)</h3>
      <table>
        <ColumnHeads columns={['Quantity', 'Reported', 'Try']} />
        <tbody>
          {Object.entries(reported).map(([key, value]) => (
            <TriedRow
              key={key}
              quantityKey={key}
              reported={value}
              unreported={unreported[key]}
              tried={tried[key]}
              temperatureUnit={temperatureUnit}
              onTry={onTry}
            />
          ))}
        </tbody>
      </table>
    </section>
  );
});

function TriedRow({
  quantityKey,
  reported,
  unreported,
  tried,
  temperatureUnit,
  onTry,
}: {
  quantityKey: string;
  reported: AssessedValue | undefined;
  unreported: StandIn | undefined;
  tried: AssessedValue | undefined;
  temperatureUnit: TemperatureUnit;
  onTry: Props['onTry'];
}) {
  const unit = quantityUnit(quantityKey);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = `try-${quantityKey}`;
  const apply = () => {
    const number = Number(text.trim().replace(',', '.'));
    if (text.trim() === '' || !Number.isFinite(number)) return setError('Enter a number.');
    setError(null);
    onTry(quantityKey, { nominal: fromDisplayNumber(number, unit, temperatureUnit), source: 'explored' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') apply();
  };
  return (
    <tr className={tried ? 'tried' : undefined}>
      <th scope="row">
        <label htmlFor={id}>
          {quantityLabel(quantityKey)} <span className="muted">({displayUnit(unit, temperatureUnit)})</span>
        </label>
      </th>
      <td>
        {reported
          ? displayValue(conservativeEnd(quantityKey, reported), unit, temperatureUnit)
          : unreported
            ? `not reported; ${unreported.kind} ${withNominal(quantityKey, unreported.value, unit, temperatureUnit)}`
            : 'not reported'}
      </td>
      <td>
        <input
          id={id}
          inputMode="decimal"
          value={text}
          placeholder={tried ? String(toDisplayNumber(tried.nominal, unit, temperatureUnit)) : ''}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          aria-invalid={error !== null}
        />
        {tried && (
          <button
            type="button"
            className="link"
            onClick={() => {
              setText('');
              onTry(quantityKey, null);
            }}
          >
            reported
          </button>
        )}
        {error && <span className="field-error">{error}</span>}
      </td>
    </tr>
  );
}

/** The conservative end, which the rules judge, and the nominal value beside it where they differ. */
function withNominal(key: string, value: AssessedValue, unit: string, temperatureUnit: TemperatureUnit): string {
  const judged = conservativeEnd(key, value);
  const shown = displayValue(judged, unit, temperatureUnit);
  return judged === value.nominal ? shown : `${shown} (nominal ${displayValue(value.nominal, unit, temperatureUnit)})`;
}
