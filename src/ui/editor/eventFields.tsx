/**
 * The fields an event has beyond its stamp, by type: a finding's quantity, value and system status, a
 * decision's outcome and rationale, a relocation's person and vehicle. Anything else an event carries
 * is edited as JSON beside them (`formKeys` says which fields the form shows).
 */
import { outcomeLabels } from '../../reports/outcomeWords';
import { type DraftChoices, quantityChoices } from '../../session/draft/draftChoices';
import type { DraftPath } from '../../session/draft/scenarioDraft';
import type { InputProblem } from '../../session/inputProblem';
import {
  decidableOutcomes,
  dispositionKinds,
  dissentLevels,
  perThrusterGroup,
  pollVotes,
  systemStatuses,
} from '../../session/model';
import { type Choice, type Dispatcher, NumberField, SelectField, TextField } from './fields';

type Json = Record<string, unknown>;
interface Props {
  path: DraftPath;
  event: Json;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
  choices: DraftChoices;
}

const plainChoices = (values: readonly string[]): Choice[] => values.map((v) => ({ value: v, label: v }));
const outcomeChoices = decidableOutcomes.map((o) => ({ value: o, label: outcomeLabels[o] }));
const quantityOptions = quantityChoices.map((q) => ({ value: q.name, label: `${q.label} (${q.name}, ${q.unit})` }));

/** The fields the form shows for each type, beyond the stamp every event has. */
export const formKeysByType: Readonly<Record<string, readonly string[]>> = {
  'inspection.finding': ['quantity', 'crewCount', 'thrusterGroup', 'value', 'module', 'system', 'status'],
  'assessment.report': ['quantity', 'crewCount', 'thrusterGroup', 'value', 'module', 'system', 'status'],
  'decision.confirm': ['rationale'],
  'decision.override': ['outcome', 'rationale'],
  'thresholds.change': ['key', 'value'],
  'seats.relocate': ['crewId', 'vehicleId'],
  'commonCause.raise': ['holdDays'],
  'poll.open': ['outcome'],
  'poll.vote': ['position', 'vote', 'dissent', 'rationale'],
  'poll.disposition': ['kind', 'to', 'rationale'],
  'session.note': ['text'],
};
export const stampKeys = ['type', 'at', 'by', 'description', 'sources'] as const;

export function EventTypeFields(props: Props) {
  const { path, event, problems, dispatch, choices } = props;
  const field = { problems, dispatch };
  switch (event.type) {
    case 'inspection.finding':
    case 'assessment.report':
      return <ReportFields {...props} />;
    case 'decision.confirm':
      return <TextField label="Rationale" path={[...path, 'rationale']} value={event.rationale} optional multiline {...field} />;
    case 'decision.override':
      return (
        <>
          <SelectField
            label="Outcome chosen"
            path={[...path, 'outcome']}
            value={event.outcome}
            choices={outcomeChoices}
            {...field}
          />
          <TextField label="Rationale" path={[...path, 'rationale']} value={event.rationale} multiline {...field} />
        </>
      );
    case 'thresholds.change':
      return (
        <>
          <TextField label="Threshold key" path={[...path, 'key']} value={event.key} {...field} />
          <NumberField label="New value" path={[...path, 'value']} value={event.value} {...field} />
        </>
      );
    case 'seats.relocate':
      return (
        <>
          <SelectField
            label="Crew member"
            path={[...path, 'crewId']}
            value={event.crewId}
            choices={plainChoices(choices.crewIds)}
            none="(choose)"
            {...field}
          />
          <SelectField
            label="Moves to"
            path={[...path, 'vehicleId']}
            value={event.vehicleId}
            choices={plainChoices(choices.otherVehicleIds)}
            none="(choose)"
            {...field}
          />
        </>
      );
    case 'commonCause.raise':
      return (
        <AssessedValueFields
          label="Launch hold"
          unit="days"
          path={[...path, 'holdDays']}
          value={event.holdDays}
          sourceKeys={choices.sourceKeys}
          {...field}
        />
      );
    case 'poll.open':
      return (
        <SelectField
          label="Outcome polled"
          path={[...path, 'outcome']}
          value={event.outcome}
          choices={outcomeChoices}
          {...field}
        />
      );
    case 'poll.vote':
      return (
        <>
          <TextField label="Position" path={[...path, 'position']} value={event.position} {...field} />
          <SelectField label="Vote" path={[...path, 'vote']} value={event.vote} choices={plainChoices(pollVotes)} {...field} />
          <SelectField
            label="Dissent"
            path={[...path, 'dissent']}
            value={event.dissent}
            choices={plainChoices(dissentLevels)}
            {...field}
          />
          <TextField label="Rationale" path={[...path, 'rationale']} value={event.rationale} optional multiline {...field} />
        </>
      );
    case 'poll.disposition':
      return (
        <>
          <SelectField
            label="Disposition"
            path={[...path, 'kind']}
            value={event.kind}
            choices={plainChoices(dispositionKinds)}
            {...field}
          />
          <TextField label="Escalated to" path={[...path, 'to']} value={event.to} optional {...field} />
          <TextField label="Rationale" path={[...path, 'rationale']} value={event.rationale} multiline {...field} />
        </>
      );
    case 'session.note':
      return <TextField label="Note" path={[...path, 'text']} value={event.text} multiline {...field} />;
    default:
      return null;
  }
}

/** A finding or report: a quantity with its value and range, a system's status, or both. */
function ReportFields({ path, event, problems, dispatch, choices }: Props) {
  const field = { problems, dispatch };
  const quantity = quantityChoices.find((q) => q.name === event.quantity);
  const vehicleClass = choices.damagedClass;
  const systems = (vehicleClass?.systems ?? []).filter((s) => !event.module || s.module === event.module);
  return (
    <>
      <fieldset className="draft-group">
        <legend>A quantity</legend>
        <SelectField
          label="Quantity"
          path={[...path, 'quantity']}
          value={event.quantity}
          choices={quantityOptions}
          none="(none: a status only)"
          {...field}
        />
        {(quantity?.perCrewCount || event.crewCount !== undefined) && (
          <NumberField
            label="Crew count"
            hint="the crew aboard the figure is for, 1 to 7"
            path={[...path, 'crewCount']}
            value={event.crewCount}
            optional
            {...field}
          />
        )}
        {(perThrusterGroup.has(String(event.quantity)) || event.thrusterGroup !== undefined) && (
          <SelectField
            label="Thruster group"
            path={[...path, 'thrusterGroup']}
            value={event.thrusterGroup}
            choices={plainChoices(vehicleClass?.thrusterGroups ?? [])}
            none="(choose)"
            {...field}
          />
        )}
        {(quantity || event.value !== undefined) && (
          <AssessedValueFields
            label="Value"
            unit={quantity ? `${quantity.unit}; possible values ${quantity.possible}` : ''}
            path={[...path, 'value']}
            value={event.value}
            sourceKeys={choices.sourceKeys}
            {...field}
          />
        )}
      </fieldset>
      <fieldset className="draft-group">
        <legend>A system's status (of the damaged vehicle's class)</legend>
        <SelectField
          label="Module"
          path={[...path, 'module']}
          value={event.module}
          choices={plainChoices(vehicleClass?.modules ?? [])}
          none="(none)"
          {...field}
        />
        <SelectField
          label="System"
          path={[...path, 'system']}
          value={event.system}
          choices={systems.map((s) => ({ value: s.id, label: `${s.label} (${s.id})` }))}
          none="(none)"
          {...field}
        />
        <SelectField
          label="Status"
          path={[...path, 'status']}
          value={event.status}
          choices={plainChoices(systemStatuses)}
          none="(none: a quantity only)"
          {...field}
        />
      </fieldset>
    </>
  );
}

/** A value as assessed: its nominal figure, the range the sources give, and the source of it. */
function AssessedValueFields({
  label,
  unit,
  path,
  value,
  problems,
  dispatch,
  sourceKeys,
}: {
  label: string;
  unit: string;
  path: DraftPath;
  value: unknown;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
  sourceKeys: readonly string[];
}) {
  const v = (value ?? {}) as Json;
  const field = { problems, dispatch };
  return (
    <fieldset className="draft-group" aria-label={label}>
      <legend>
        {label}
        {unit ? ` (${unit})` : ''}
      </legend>
      <NumberField label={`${label}: nominal`} path={[...path, 'nominal']} value={v.nominal} {...field} />
      <NumberField label={`${label}: low`} path={[...path, 'low']} value={v.low} optional {...field} />
      <NumberField label={`${label}: high`} path={[...path, 'high']} value={v.high} optional {...field} />
      <SelectField
        label={`${label}: source`}
        path={[...path, 'source']}
        value={v.source}
        choices={plainChoices(sourceKeys)}
        none="(choose a source)"
        {...field}
      />
    </fieldset>
  );
}
