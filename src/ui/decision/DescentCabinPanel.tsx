import { memo } from 'react';
import { numberText } from '../../reports/format';
import { decimalsOf } from '../../reports/resolution';
import { quantityLabel, quantityUnit } from '../../reports/ruleWords';
import {
  type AssessedValue,
  type AssessedValues,
  descentCabinByCrewCount,
  descentCabinModelOf,
  type EstimateInputUsed,
  type Vehicle,
} from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { SourceRef } from '../shared/SourceRef';
import { displayUnit, displayValue, type TemperatureUnit } from '../shared/units';

interface Props {
  vehicle: Vehicle;
  /** The assessed values the policy judges (tried ones in place of reports while exploring). */
  values: AssessedValues;
  temperatureUnit: TemperatureUnit;
}

const readingWords = { reported: 'the report', estimated: 'the estimate', unknown: 'nothing yet (unknown)' } as const;

/**
 * Peak descent cabin temperature for every crew count the vehicle seats: the reports, and the
 * model's estimate with its inputs, so an estimate is always explained and never taken for a report.
 */
export const DescentCabinPanel = memo(function DescentCabinPanel({ vehicle, values, temperatureUnit }: Props) {
  const model = descentCabinModelOf(vehicle.classId);
  const rows = descentCabinByCrewCount(vehicle, values);
  const show = (c: number) => displayValue(c, '°C', temperatureUnit);
  const range = (v: AssessedValue) =>
    `${show(v.high ?? v.nominal)}${v.high !== undefined && v.high !== v.nominal ? ` (nominal ${show(v.nominal)})` : ''}`;
  const inputs = rows.find((r) => r.estimate)?.estimate?.inputs ?? [];
  const threeCrew = rows.find((r) => r.crewAboard === model?.calibration.crewAboard)?.estimate;
  return (
    <section className="descent-cabin" aria-labelledby="descent-cabin-title" data-testid="descent-cabin">
      <h4 id="descent-cabin-title">Peak descent cabin temperature by crew count</h4>
      {!model ? (
        <p className="muted">
          No estimate for {vehicle.name}: no reported peak to calibrate a cabin model of its class to. Only reports count.
        </p>
      ) : (
        <p className="muted">
          Where no report exists the rules read an estimate (source “estimated”, judged at its high end) of a cabin whose external
          heat rejection is lost, calibrated to {show(model.calibration.peakCabinTempC.nominal)} for{' '}
          {model.calibration.crewAboard} crew <SourceRef sourceKey={model.calibration.peakCabinTempC.source} />. A report always
          wins.
        </p>
      )}
      <table>
        <ColumnHeads
          columns={['Crew aboard', 'Rules read', 'Reported (high)', 'Estimated low', 'Estimated nominal', 'Estimated high']}
        />
        <tbody>
          {rows.map((r) => (
            <tr key={r.crewAboard} data-crew={r.crewAboard} data-reading={r.reading}>
              <th scope="row">{r.crewAboard}</th>
              <td>{readingWords[r.reading]}</td>
              <td>{r.temperatureReport ? range(r.temperatureReport) : 'not reported'}</td>
              <td>{r.estimate ? show(r.estimate.lowC) : '—'}</td>
              <td>{r.estimate ? show(r.estimate.nominalC) : '—'}</td>
              <td>{r.estimate ? show(r.estimate.highC) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {inputs.length > 0 && <EstimateInputs inputs={inputs} temperatureUnit={temperatureUnit} />}
      {threeCrew && (
        <p className="muted" data-testid="humidity-note">
          Humidity is not estimated: with no moisture removal the crew’s exhaled and sweated water would saturate the free air
          about {numberText(threeCrew.airSaturatedAfterMin, decimalsOf('min'))} minutes after hatch close ({threeCrew.crewAboard}{' '}
          crew), so the humidity on the way down is set by a moisture removal no source gives. Only reports count.
        </p>
      )}
    </section>
  );
});

function EstimateInputs({ inputs, temperatureUnit }: { inputs: readonly EstimateInputUsed[]; temperatureUnit: TemperatureUnit }) {
  return (
    <table className="estimate-inputs">
      <caption>The estimate’s inputs (low / nominal / high; editable in Explore)</caption>
      <ColumnHeads columns={['Input', 'Value', 'From']} />
      <tbody>
        {inputs.map(({ key, value, basis, isDefault }) => {
          const unit = quantityUnit(key);
          const ends = [value.low, value.nominal, value.high].map((v) =>
            v === undefined ? '—' : displayValue(v, unit, temperatureUnit),
          );
          return (
            <tr key={key} data-input={key}>
              <th scope="row">
                {quantityLabel(key)} ({displayUnit(unit, temperatureUnit)})
              </th>
              <td>{ends.join(' / ')}</td>
              <td>
                {isDefault ? 'model default' : value.source === 'explored' ? 'tried in Explore' : 'reported'}{' '}
                {value.source !== 'explored' && <SourceRef sourceKey={value.source} />}
                {basis && <span className="muted"> {basis}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
