import { ruleReading } from '../../reports/ruleReading';
import type { StatusLine } from '../../session/statusLine';
import type { TemperatureUnit } from './units';

/** "Thinnest margin: <rule> +1.7 °C ⚠ thin": the one way the thinnest real margin is said, wherever it is shown. */
export function ThinnestMargin({
  thinnest,
  temperatureUnit,
}: {
  thinnest: StatusLine['thinnest'];
  temperatureUnit: TemperatureUnit;
}) {
  if (!thinnest || thinnest.evaluation.margin === null) return null;
  return (
    <>
      Thinnest margin: <code>{thinnest.evaluation.ruleId}</code> {ruleReading(thinnest.evaluation, temperatureUnit).by}
      {thinnest.thin ? ' ⚠ thin' : ''}
    </>
  );
}
