// @vitest-environment happy-dom
import { cleanup, render, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { descentCabinModels } from '../../machines/thermal/descentCabinInputs';
import { descentThermalEstimate } from '../../machines/thermal/estimate';
import { resolveVehicle } from '../../machines/vehicles/vehicles';
import { DescentCabinPanel } from '../../src/ui/decision/DescentCabinPanel';
import { ms22LikeValues, threeCrewSetup } from '../support';

afterEach(cleanup);

describe('DescentCabinPanel', () => {
  it('shows each crew count’s report and estimate, what the rules read, and the estimate’s inputs with units and sources', () => {
    const { 'peakCabinTempC.crew1': _, ...values } = ms22LikeValues;
    const panel = render(
      <DescentCabinPanel vehicle={threeCrewSetup.damagedVehicle} values={values} temperatureUnit="°C" />,
    ).container;
    const row = (n: number) => panel.querySelector(`tr[data-crew="${n}"]`) as HTMLElement;
    expect(row(1).dataset.reading).toBe('estimated');
    expect(row(1).textContent).toContain('the estimate');
    expect(row(3).dataset.reading).toBe('reported');
    expect(within(row(3)).getByText('43 °C (nominal 40 °C)')).toBeTruthy();
    const model = descentCabinModels['soyuz-ms'];
    if (!model) throw new Error('no model');
    const high = descentThermalEstimate(model, values, 1).highC;
    expect(row(1).textContent).toContain(`${Math.round(high * 10) / 10} °C`);
    const metabolic = panel.querySelector('tr[data-input="crewMetabolicHeatW"]');
    expect(metabolic?.textContent).toMatch(/\(W\).*88 W \/ 137 W \/ 190 W.*model default.*BVAD04/);
    expect(panel.querySelector('[data-testid="humidity-note"]')?.textContent).toMatch(/saturate the free air about \d+ minutes/);
  });

  it('says there is no estimate for a class with no calibrated model', () => {
    const dragon = resolveVehicle({ id: 'd', name: 'Endurance', class: 'crew-dragon' });
    const panel = render(<DescentCabinPanel vehicle={dragon} values={{}} temperatureUnit="°F" />).container;
    expect(panel.textContent).toContain('No estimate for Endurance');
    expect([...panel.querySelectorAll('tr[data-reading]')].map((r) => (r as HTMLElement).dataset.reading)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});
