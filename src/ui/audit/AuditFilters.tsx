import { useMemo } from 'react';
import type { AuditEntry } from '../../record/ledger';
import { actorLabel, all, type EntryFilters, noFilters } from './entryFilter';

interface Props {
  entries: AuditEntry[];
  filters: EntryFilters;
  shown: number;
  onChange: (filters: EntryFilters) => void;
}

const choices = (entries: AuditEntry[], pick: (e: AuditEntry) => string[]) => [...new Set(entries.flatMap(pick))].sort();

export function AuditFilters({ entries, filters, shown, onChange }: Props) {
  // Once per record: a long one has hundreds of thousands of rule evaluations.
  const selects = useMemo(
    () =>
      [
        ['eventType', 'Event type', choices(entries, (e) => [e.event.type])],
        ['actor', 'Actor', choices(entries, (e) => [actorLabel(e)])],
        ['rule', 'Rule', choices(entries, (e) => e.derived.evaluations.map((ev) => ev.rule))],
      ] as const,
    [entries],
  );
  const narrowed = filters.text !== '' || selects.some(([key]) => filters[key] !== all);
  return (
    <fieldset className="audit-filters">
      <legend className="visually-hidden">Filter entries</legend>
      <label className="audit-search">
        Search{' '}
        <input
          type="search"
          value={filters.text}
          placeholder="any text of an entry"
          onChange={(e) => onChange({ ...filters, text: e.currentTarget.value })}
        />
      </label>
      {selects.map(([key, label, values]) => (
        <label key={key}>
          {label}{' '}
          <select value={filters[key]} onChange={(e) => onChange({ ...filters, [key]: e.currentTarget.value })}>
            <option value={all}>all</option>
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="button" disabled={!narrowed} onClick={() => onChange(noFilters)}>
        Show all
      </button>
      <output className="audit-count" aria-live="polite">
        {shown} of {entries.length} entries
      </output>
    </fieldset>
  );
}
