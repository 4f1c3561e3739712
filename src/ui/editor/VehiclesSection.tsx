import { memo, useId } from 'react';
import { catalogueClasses, classChoices, type DraftChoices, ownClassEdit } from '../../session/draft/draftChoices';
import type { DraftFile, DraftPath } from '../../session/draft/scenarioDraft';
import type { InputProblem } from '../../session/inputProblem';
import {
  AddItem,
  ChoiceList,
  type Dispatcher,
  FieldProblems,
  ItemActions,
  JsonField,
  NumberField,
  problemsAt,
  problemsExactlyAt,
  type SectionProps,
  SelectField,
  sectionShows,
  TextField,
} from './fields';

type Json = Record<string, unknown>;

const otherVehiclesPath = ['setup', 'otherVehicles'] as const;

/** The station at the start: when the case starts, the damaged vehicle and the others docked beside it. */
export const VehiclesSection = memo(
  function VehiclesSection({ file, problems, dispatch, choices }: SectionProps) {
    const setup = (file.setup ?? {}) as Json;
    const others = Array.isArray(setup.otherVehicles) ? (setup.otherVehicles as Json[]) : [];
    const field = { problems, dispatch };
    return (
      <section aria-labelledby="draft-vehicles-title" className="draft-section">
        <h3 id="draft-vehicles-title">Vehicles</h3>
        <TextField
          label="The case starts at"
          hint="UTC, e.g. 2022-12-15T00:45:00Z: no vehicle launches after it, no event comes before it"
          path={['setup', 'startUtc']}
          value={setup.startUtc}
          {...field}
        />
        <fieldset className="draft-group" aria-label="the damaged vehicle">
          <legend>The damaged vehicle</legend>
          <VehicleFields
            file={file}
            path={['setup', 'damagedVehicle']}
            vehicle={(setup.damagedVehicle ?? {}) as Json}
            choices={choices}
            {...field}
          />
        </fieldset>
        <h4>Other vehicles docked ({others.length})</h4>
        <ol className="draft-list">
          {others.map((vehicle, i) => {
            const name = `vehicle ${i + 1} (${String(vehicle.name || vehicle.id || 'unnamed')})`;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the index is the vehicle's place in the list
              <li key={i} aria-label={name}>
                <VehicleFields
                  file={file}
                  path={[...otherVehiclesPath, i]}
                  vehicle={vehicle}
                  choices={choices}
                  other
                  {...field}
                />
                <ItemActions list={otherVehiclesPath} index={i} count={others.length} name={name} dispatch={dispatch} />
              </li>
            );
          })}
        </ol>
        <AddItem
          list={otherVehiclesPath}
          count={others.length}
          item={() => ({ id: `vehicle-${others.length + 2}`, name: '', class: catalogueClasses[0]?.id ?? '' })}
          dispatch={dispatch}
        >
          Add a docked vehicle
        </AddItem>
        <FieldProblems id="other-vehicles-problems" problems={problemsExactlyAt(problems, otherVehiclesPath)} />
      </section>
    );
  },
  sectionShows(['setup']),
);

interface VehicleProps {
  file: DraftFile;
  path: DraftPath;
  vehicle: Json;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
  choices: DraftChoices;
  /** A docked vehicle other than the damaged one: its launch is optional, its own crew may hold seats. */
  other?: boolean;
}

function VehicleFields({ file, path, vehicle, problems, dispatch, choices, other = false }: VehicleProps) {
  const field = { problems, dispatch };
  const ownCrew = Array.isArray(vehicle.ownCrew) ? (vehicle.ownCrew as unknown[]).join(', ') : '';
  return (
    <>
      <TextField label="Id" hint="lower-case letters, digits and dashes" path={[...path, 'id']} value={vehicle.id} {...field} />
      <TextField label="Name" path={[...path, 'name']} value={vehicle.name} {...field} />
      <ClassField file={file} path={path} vehicle={vehicle} {...field} />
      <TextField
        label="Launched"
        hint="UTC"
        path={[...path, 'launchedUtc']}
        value={vehicle.launchedUtc}
        optional={other}
        {...field}
      />
      <TextField
        label="Docked"
        hint="UTC; needed for a class whose life counts from docking"
        path={[...path, 'dockedUtc']}
        value={vehicle.dockedUtc}
        optional
        {...field}
      />
      {other && (
        <>
          <NumberField
            label="Seats taken by its own crew"
            hint="whole number, 0 to 7; defaults to the number of its own crew"
            path={[...path, 'seatsTaken']}
            value={vehicle.seatsTaken}
            optional
            {...field}
          />
          <div className="draft-field">
            <OwnCrewField key={ownCrew} path={path} ownCrew={ownCrew} dispatch={dispatch} problems={problems} />
          </div>
        </>
      )}
      <ChoiceList
        label="Sources for its launch and seats"
        path={[...path, 'sources']}
        value={vehicle.sources}
        choices={choices.sourceKeys}
        {...field}
      />
      <OverridesList file={file} path={path} vehicle={vehicle} choices={choices} {...field} />
      {typeof vehicle.class === 'object' && vehicle.class !== null && (
        <OwnClassFields path={[...path, 'class']} vehicleClass={vehicle.class as Json} {...field} />
      )}
    </>
  );
}

const ownClass = '(own)';
const classOptions = [
  ...catalogueClasses.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` })),
  { value: ownClass, label: 'a class of its own, described here' },
];

/** The vehicle's class: one of the catalogue's, or one of its own (started from the class it had). */
function ClassField({ file, path, vehicle, problems, dispatch }: Omit<VehicleProps, 'choices'>) {
  const id = useId();
  const described = typeof vehicle.class === 'object' && vehicle.class !== null;
  const current = described ? ownClass : String(vehicle.class ?? '');
  const here = problemsExactlyAt(problems, [...path, 'class']);
  return (
    <div className="draft-field">
      <label htmlFor={id}>Class</label>{' '}
      <select
        id={id}
        value={current}
        aria-invalid={here.length > 0}
        aria-describedby={here.length ? `${id}-problems` : undefined}
        onChange={(e) => {
          const chosen = e.currentTarget.value;
          dispatch({
            kind: 'edit',
            edit:
              chosen === ownClass
                ? ownClassEdit(file, path, vehicle.class, String(vehicle.id ?? ''))
                : { kind: 'set', path: [...path, 'class'], value: chosen },
          });
        }}
      >
        {current === '' && <option value="">(choose a class)</option>}
        {!classOptions.some((o) => o.value === current) && current !== '' && (
          <option value={current}>{current} (not in the catalogue)</option>
        )}
        {classOptions.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={here} />
    </div>
  );
}

/** The names of the vehicle's own crew, comma-separated as typed; kept as a list. */
function OwnCrewField({
  path,
  ownCrew,
  problems,
  dispatch,
}: {
  path: DraftPath;
  ownCrew: string;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
}) {
  const id = useId();
  const here = problemsAt(problems, [...path, 'ownCrew']);
  return (
    <>
      <label htmlFor={id}>Its own crew</label>{' '}
      <input
        id={id}
        defaultValue={ownCrew}
        aria-describedby={`${id}-hint${here.length ? ` ${id}-problems` : ''}`}
        onBlur={(e) => {
          const names = e.currentTarget.value
            .split(',')
            .map((n) => n.trim())
            .filter(Boolean);
          if (names.join(', ') !== ownCrew)
            dispatch({
              kind: 'edit',
              edit: { kind: 'set', path: [...path, 'ownCrew'], value: names.length ? names : undefined },
            });
        }}
      />
      <span id={`${id}-hint`} className="muted draft-hint">
        names, separated by commas
      </span>
      <FieldProblems id={`${id}-problems`} problems={here} />
    </>
  );
}

/** Class facts this vehicle differs in, each with its value, range and source. */
function OverridesList({ path, vehicle, problems, dispatch, choices }: VehicleProps) {
  const overrides = (vehicle.overrides ?? {}) as Record<string, Json>;
  const facts = classChoices(vehicle.class)?.facts ?? {};
  const factKeys = Object.keys(facts);
  const entries = Object.entries(overrides);
  const setOverrides = (next: [string, Json][]) =>
    dispatch({
      kind: 'edit',
      edit: { kind: 'set', path: [...path, 'overrides'], value: next.length ? (Object.fromEntries(next) as never) : undefined },
    });
  const free = factKeys.find((k) => !(k in overrides));
  const field = { problems, dispatch };
  const fieldId = useId();
  return (
    <fieldset className="draft-group">
      <legend>Facts this vehicle differs in from its class ({entries.length})</legend>
      <ol className="draft-list">
        {entries.map(([key, fact]) => {
          const at = [...path, 'overrides', key];
          return (
            <li key={key} aria-label={`override of ${key}`}>
              <div className="draft-field">
                <label htmlFor={`${fieldId}-${key}`}>Fact</label>{' '}
                <select
                  id={`${fieldId}-${key}`}
                  value={key}
                  aria-describedby={`${fieldId}-${key}-hint`}
                  onChange={(e) => {
                    const to = e.currentTarget.value;
                    setOverrides(entries.map(([k, f]) => (k === key ? [to, f] : [k, f])));
                  }}
                >
                  {[key, ...factKeys.filter((k) => k !== key && !(k in overrides))].map((k) => (
                    <option key={k} value={k}>
                      {k}
                    </option>
                  ))}
                </select>
                <span id={`${fieldId}-${key}-hint`} className="muted draft-hint">
                  the class says {factWords(facts[key])}
                </span>
              </div>
              <NumberField label="Value" path={[...at, 'value']} value={fact.value} words={['unknown']} {...field} />
              <NumberField label="Low" path={[...at, 'low']} value={fact.low} optional {...field} />
              <NumberField label="High" path={[...at, 'high']} value={fact.high} optional {...field} />
              <SelectField
                label="Source"
                path={[...at, 'source']}
                value={fact.source}
                choices={choices.sourceKeys.map((k) => ({ value: k, label: k }))}
                none="(choose a source)"
                {...field}
              />
              <TextField
                label="Basis"
                hint="why, for an assumed value"
                path={[...at, 'basis']}
                value={fact.basis}
                optional
                {...field}
              />
              <button
                type="button"
                onClick={() => setOverrides(entries.filter(([k]) => k !== key))}
                aria-label={`Remove the override of ${key}`}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={free === undefined}
        onClick={() => {
          if (free === undefined) return;
          const { value = 'unknown', low, high } = (facts[free] ?? {}) as Json;
          setOverrides([
            ...entries,
            [free, { value, ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }), source: '' }],
          ]);
        }}
      >
        Override a fact of its class
      </button>
    </fieldset>
  );
}

const factWords = (fact: unknown) => {
  const { value, low, high, source } = (fact ?? {}) as Json;
  if (value === undefined) return 'nothing';
  const range = low !== undefined || high !== undefined ? ` (${low ?? value} to ${high ?? value})` : '';
  return `${String(value)}${range}, from ${String(source)}`;
};

/** A class described in the file: its names here, its modules, systems, thrusters, descent modes, life and facts as JSON. */
function OwnClassFields({
  path,
  vehicleClass,
  problems,
  dispatch,
}: {
  path: DraftPath;
  vehicleClass: Json;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
}) {
  const field = { problems, dispatch };
  return (
    <fieldset className="draft-group">
      <legend>Its own class</legend>
      <TextField label="Class id" path={[...path, 'id']} value={vehicleClass.id} {...field} />
      <TextField label="Class name" path={[...path, 'name']} value={vehicleClass.name} {...field} />
      <SelectField
        label="Carries"
        path={[...path, 'carries']}
        value={vehicleClass.carries}
        choices={[
          { value: 'crew', label: 'crew' },
          { value: 'cargo', label: 'cargo' },
        ]}
        {...field}
      />
      {(['modules', 'systems', 'thrusterGroups', 'descentModes', 'life', 'facts'] as const).map((part) => (
        <JsonField
          key={part}
          label={`${classPartLabels[part]} (JSON)`}
          path={[...path, part]}
          value={vehicleClass[part]}
          {...field}
        />
      ))}
    </fieldset>
  );
}

const classPartLabels = {
  modules: 'Modules: which carries the crew through entry, which are jettisoned',
  systems: 'Systems: the module each is in, the phases it is critical in',
  thrusterGroups: 'Thruster groups',
  descentModes: 'Descent modes: nominal and degraded, what each bypasses and needs',
  life: 'Life on orbit: counted from launch or docking, bound by what',
  facts: 'Facts: seats, life, rated loads, each with its source',
} as const;
