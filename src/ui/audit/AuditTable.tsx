import { type KeyboardEvent, type MouseEvent, useLayoutEffect, useRef } from 'react';
import type { AuditEntry } from '../../record/ledger';
import { describeEvent } from '../../reports/eventWords';
import { utcMinute, utcMonthDayMinute } from '../../reports/format';
import { ColumnHeads } from '../shared/ColumnHeads';
import { actorLabel } from './entryFilter';
import { HashButton } from './HashButton';
import { useRowWindow } from './useRowWindow';

interface Props {
  entries: AuditEntry[];
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
  /** A row picked by pointer: the entry is to be shown, wherever its details are laid out. */
  onPick: (seq: number) => void;
  onCopied: (notice: string) => void;
}

const stepKeys: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (i, last) => Math.min(last, i + 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  PageDown: (i, last) => Math.min(last, i + 10),
  PageUp: (i) => Math.max(0, i - 10),
  Home: () => 0,
  End: (_, last) => last,
};

const columns = ['#', 'Recorded', 'Scenario time', 'Who', 'Event', 'Details', 'State after', 'Recommendation', 'Hash'] as const;
type Column = (typeof columns)[number];
/** A cell's column name, shown as its label where the rows are cards (phone width). */
const labelled = (column: Column) => ({ 'data-label': column });

const seqOfRow = (target: EventTarget) =>
  Number((target instanceof Element ? target.closest<HTMLElement>('tr[data-seq]')?.dataset.seq : undefined) ?? Number.NaN);

/**
 * One compact line per entry; the details pane holds the whole entry. Only the selected row is in the
 * tab order; the arrow keys (and Home, End, Page Up, Page Down) move the selection.
 */
export function AuditTable({ entries, selectedSeq, onSelect, onPick, onCopied }: Props) {
  const tableRef = useRef<HTMLTableElement>(null);
  const { start, end, rowHeight, reveal } = useRowWindow(entries.length, tableRef);
  const rendered = entries.slice(start, end);
  // A row the keys moved to but not rendered yet: focused once it is.
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const button = tableRef.current?.querySelector<HTMLButtonElement>(`tr[data-seq="${pendingFocus.current}"] button.seq`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus();
    button.scrollIntoView({ block: 'nearest' });
  });
  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>) => {
    const step = stepKeys[e.key];
    if (!step || entries.length === 0) return;
    e.preventDefault();
    const index = entries.findIndex((entry) => entry.seq === seqOfRow(e.target));
    const nextIndex = step(index === -1 ? entries.length - 1 : index, entries.length - 1);
    const next = entries[nextIndex];
    if (!next) return;
    onSelect(next.seq);
    const button = e.currentTarget.querySelector<HTMLButtonElement>(`tr[data-seq="${next.seq}"] button.seq`);
    if (!button) {
      pendingFocus.current = next.seq;
      return reveal(nextIndex);
    }
    button.focus();
    button.scrollIntoView({ block: 'nearest' });
  };
  const onClick = (e: MouseEvent<HTMLTableSectionElement>) => {
    const seq = seqOfRow(e.target);
    if (Number.isInteger(seq)) onPick(seq);
  };
  // The selected row, or the first shown when the selection is filtered out, keeps the table reachable by Tab.
  const tabStop = rendered.some((e) => e.seq === selectedSeq) ? selectedSeq : rendered[0]?.seq;
  return (
    <table className="audit-table" ref={tableRef}>
      <caption className="visually-hidden">Entries (times in UTC; the arrow keys move the selection)</caption>
      <colgroup>
        <col className="col-seq" />
        <col className="col-recorded" />
        <col className="col-scenario-time" />
        <col className="col-who" />
        <col className="col-event" />
        <col className="col-details" />
        <col className="col-state" />
        <col className="col-recommendation" />
        <col className="col-hash" />
      </colgroup>
      <ColumnHeads columns={columns} />
      <tbody onKeyDown={onKeyDown} onClick={onClick}>
        {start > 0 && <tr className="row-spacer" style={{ height: start * rowHeight }} />}
        {rendered.map((e) => {
          const tabIndex = e.seq === tabStop ? 0 : -1;
          const details = describeEvent(e.event);
          const states = `${e.derived.stateBefore} → ${e.derived.stateAfter}`;
          return (
            <tr
              key={e.seq}
              className={`${e.event.type === 'decision.override' ? 'override' : ''}${e.seq === selectedSeq ? ' selected' : ''}`}
              data-seq={e.seq}
              aria-selected={e.seq === selectedSeq}
            >
              <td {...labelled('#')}>
                <button type="button" className="link seq" tabIndex={tabIndex} aria-label={`${e.seq}: show entry ${e.seq}`}>
                  {e.seq}
                </button>
              </td>
              <td {...labelled('Recorded')} title={e.wallClockUtc}>
                {utcMonthDayMinute(e.wallClockUtc)}
              </td>
              <td {...labelled('Scenario time')}>{utcMinute(e.event.at)}</td>
              <td {...labelled('Who')} title={actorLabel(e)}>
                {e.event.by.name}
              </td>
              <td {...labelled('Event')} title={e.event.type}>
                {e.event.type === 'decision.override' && <strong>OVERRIDE </strong>}
                <code>{e.event.type}</code>
              </td>
              <td {...labelled('Details')} title={details}>
                {!e.derived.applied && <span className="not-applied">not applied · </span>}
                {details}
              </td>
              <td {...labelled('State after')} title={states}>
                {e.derived.stateAfter}
              </td>
              <td {...labelled('Recommendation')}>{e.derived.recommendation?.outcome ?? '—'}</td>
              <td {...labelled('Hash')}>
                <HashButton hash={e.hash} of={`entry ${e.seq}`} tabIndex={tabIndex} onCopied={onCopied} />
              </td>
            </tr>
          );
        })}
        {end < entries.length && <tr className="row-spacer" style={{ height: (entries.length - end) * rowHeight }} />}
      </tbody>
    </table>
  );
}
