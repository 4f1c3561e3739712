import { memo } from 'react';
import { utcDate } from '../../reports/format';
import {
  descentFactKey,
  descentFactLabels,
  factDefinition,
  type MissionSetup,
  minThrustersKey,
  thrusterCountKey,
  type Vehicle,
  type VehicleFact,
  vehicleFactLabels,
} from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { SourceRef } from '../shared/SourceRef';

/** Each vehicle of the open scenario: its class, the class's facts, what the scenario overrides, and sources. */
export const VehicleCards = memo(function VehicleCards({ setup }: { setup: MissionSetup }) {
  return (
    <section className="vehicles" aria-labelledby="vehicles-title">
      <h3 id="vehicles-title">Vehicles</h3>
      <div className="vehicle-cards">
        <VehicleCard vehicle={setup.damagedVehicle} part="damaged: the crew's ride home" />
        {setup.otherVehicles.map((v) => (
          <VehicleCard key={v.id} vehicle={v} part="docked" />
        ))}
      </div>
    </section>
  );
});

function VehicleCard({ vehicle, part }: { vehicle: Vehicle; part: string }) {
  const { vehicleClass } = vehicle;
  const titleId = `vehicle-${vehicle.id}`;
  return (
    <article className="vehicle-card" aria-labelledby={titleId} data-vehicle={vehicle.id}>
      <h4 id={titleId}>{vehicle.name}</h4>
      <p className="muted">
        {vehicleClass.name} ({vehicleClass.carries}), {part}
        {vehicle.launchedUtc ? `; launched ${utcDate(vehicle.launchedUtc)}` : '; launch date not stated'}
        {vehicle.dockedUtc && `; docked ${utcDate(vehicle.dockedUtc)}`}
        {vehicle.seatsTaken > 0 && `; ${vehicle.seatsTaken} seats taken by its own crew`}
      </p>
      <p className="muted" data-life-basis>
        Life counts from {vehicleClass.life.countsFrom}, bound by {vehicleClass.life.boundBy} (
        <SourceRef sourceKey={vehicleClass.life.source} />
        ). Modules:{' '}
        {vehicleClass.modules
          .map((m) => `${m.label}${m.atEntry === 'jettisoned' ? ' (jettisoned before entry)' : ' (carries the crew home)'}`)
          .join('; ')}
        .
      </p>
      <table>
        <caption className="visually-hidden">Facts of {vehicle.name}</caption>
        <ColumnHeads columns={['Fact', 'Value', 'Source']} />
        <tbody>
          {(Object.keys(vehicleFactLabels) as (keyof typeof vehicleFactLabels)[]).map((key) => (
            <FactRow
              key={key}
              label={vehicleFactLabels[key].label}
              unit={vehicleFactLabels[key].unit}
              fact={vehicle.facts[key]}
              overridden={vehicle.overridden.includes(key)}
            />
          ))}
          {vehicleClass.thrusterGroups.map((group) => {
            const key = thrusterCountKey(group.id);
            return (
              <FactRow
                key={key}
                label={`Thrusters: ${group.label} (${group.role})`}
                unit="thrusters"
                fact={vehicle.facts[key]}
                overridden={vehicle.overridden.includes(key)}
              />
            );
          })}
        </tbody>
        {vehicle.descentModes.map((mode) => (
          <tbody key={mode.id}>
            <tr>
              <th scope="rowgroup" colSpan={3} className="descent-mode">
                {mode.kind === 'degraded' ? 'Degraded descent mode (emergency tier only)' : 'Nominal descent mode'}: {mode.label}
              </th>
            </tr>
            {[
              ...(Object.keys(descentFactLabels) as (keyof typeof descentFactLabels)[]).map((key) =>
                descentFactKey(mode.id, key),
              ),
              ...mode.needsThrusterGroups.map((group) => minThrustersKey(mode.id, group)),
            ].map((factKey) => (
              <FactRow
                key={factKey}
                label={factDefinition(factKey)?.label ?? factKey}
                unit={factDefinition(factKey)?.unit ?? ''}
                fact={vehicle.facts[factKey]}
                overridden={vehicle.overridden.includes(factKey)}
              />
            ))}
          </tbody>
        ))}
      </table>
    </article>
  );
}

function FactRow({ label, unit, fact, overridden }: { label: string; unit: string; fact?: VehicleFact; overridden: boolean }) {
  return (
    <tr className={overridden ? 'overridden' : undefined}>
      <th scope="row">{label}</th>
      <td>
        {fact?.value === null || fact === undefined
          ? 'unknown (never passes a rule that reads it)'
          : `${fact.value} ${unit}${fact.low !== undefined || fact.high !== undefined ? ` (${fact.low ?? fact.value}–${fact.high ?? fact.value})` : ''}`}
        {overridden && <strong> (overridden for this vehicle)</strong>}
      </td>
      <td>
        {fact ? <SourceRef sourceKey={fact.source} /> : '—'}
        {fact?.basis && <span className="muted">: {fact.basis}</span>}
      </td>
    </tr>
  );
}
