import { type Dispatch, useMemo, useState } from 'react';
import { type AuditEntry, makePacket } from '../../record/ledger';
import { parsePacket, type Verification, verifyPacket } from '../../record/verify';
import { packetCsv, packetMarkdown } from '../../reports/packetFormats';
import type { AppAction, AppState } from '../app/appState';
import { download, downloadJson } from '../shared/download';
import { JsonFileButton } from '../shared/JsonFileButton';
import { AuditTable } from './AuditTable';
import { EntryDetails } from './EntryDetails';
import { PrintRecord } from './PrintRecord';

interface Props {
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

const all = '';

export function AuditView({ state, dispatch }: Props) {
  const imported = state.imported;
  const [source, setSource] = useState<'session' | 'imported'>(imported ? 'imported' : 'session');
  const showImported = source === 'imported' && imported !== null;
  const packet = useMemo(() => {
    if (showImported) return imported.packet;
    const w = state.walkthrough;
    return w ? makePacket(w.scenario, w.profile, state.ledger) : null;
  }, [showImported, imported, state.walkthrough, state.ledger]);
  const [verdict, setVerdict] = useState<Verification | null>(null);
  const [filters, setFilters] = useState({ eventType: all, actor: all, rule: all });
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [importProblems, setImportProblems] = useState<string[]>([]);

  const entries = packet?.entries ?? [];
  const options = (pick: (e: AuditEntry) => string[]) => [...new Set(entries.flatMap(pick))].sort();
  const visible = entries.filter(
    (e) =>
      (filters.eventType === all || e.eventType === filters.eventType) &&
      (filters.actor === all || `${e.actor.name} (${e.actor.role})` === filters.actor) &&
      (filters.rule === all || e.evaluations.some((ev) => ev.rule === filters.rule)),
  );
  const selected = entries.find((e) => e.seq === selectedSeq) ?? null;

  const importFile = async (file: File) => {
    const parsed = parsePacket(file.name, await file.text());
    if (!parsed.ok) return setImportProblems(parsed.problems.map((p) => `${p.file}: ${p.path}: expected ${p.expected}`));
    const verification = await verifyPacket(parsed.value);
    if (!verification.ok)
      return setImportProblems([`${file.name}: entry ${verification.seq}: ${verification.reason}. Not opened.`]);
    setImportProblems([]);
    setSource('imported');
    setSelectedSeq(1);
    setVerdict(verification);
    dispatch({ type: 'packet.imported', imported: { fileName: file.name, packet: parsed.value, verification } });
  };

  return (
    <main className="audit" aria-labelledby="audit-title">
      <div className="audit-bar">
        <h2 id="audit-title">Audit trail{packet ? `: ${packet.scenario.title}` : ''}</h2>
        {imported && (
          <fieldset className="audit-source">
            <legend className="visually-hidden">Which record</legend>
            <label>
              <input type="radio" checked={!showImported} disabled={!state.walkthrough} onChange={() => setSource('session')} />{' '}
              This session
            </label>
            <label>
              <input type="radio" checked={showImported} onChange={() => setSource('imported')} /> Imported {imported.fileName}{' '}
              (read-only)
            </label>
          </fieldset>
        )}
      </div>
      {packet && (
        <p className="audit-summary">
          {packet.entryCount} entries · head <code>{packet.headHash || '—'}</code> · profile {packet.profile.id} v
          {packet.profile.version}
          {showImported && ' · imported, verified before opening, read-only'}
        </p>
      )}
      <div className="audit-actions">
        <button type="button" disabled={!packet} onClick={() => packet && verifyPacket(packet).then(setVerdict)}>
          Verify
        </button>
        <button
          type="button"
          disabled={!packet}
          onClick={() => packet && downloadJson(`${packet.scenario.id}.packet.json`, packet)}
        >
          Export packet (JSON)
        </button>
        <button
          type="button"
          disabled={!packet}
          onClick={() => packet && download(`${packet.scenario.id}.decision.md`, packetMarkdown(packet), 'text/markdown')}
        >
          Summary (Markdown)
        </button>
        <button
          type="button"
          disabled={!packet}
          onClick={() => packet && download(`${packet.scenario.id}.entries.csv`, packetCsv(packet), 'text/csv')}
        >
          Entries (CSV)
        </button>
        <button type="button" disabled={!packet} onClick={() => window.print()}>
          Print decision record
        </button>
        <JsonFileButton label="Import packet…" onFile={(file) => void importFile(file)} />
      </div>
      {verdict && (
        <p role="status" className={verdict.ok ? 'verified' : 'field-error'}>
          {verdict.ok
            ? `Verified ${verdict.entryCount} entries: chain intact and every state reproduced by replay. Head ${verdict.headHash}`
            : `Verification failed at entry ${verdict.seq}: ${verdict.reason}`}
        </p>
      )}
      {importProblems.length > 0 && (
        <ul role="alert" className="problems">
          {importProblems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      {!showImported && state.walkthrough && (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) return;
            dispatch({
              type: 'change.request',
              change: { kind: 'action', action: { type: 'session.note', text: note } },
              wallClockUtc: new Date().toISOString(),
            });
            setNote('');
          }}
        >
          <label>
            Add a note to the record <input value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit">Add note</button>
          {state.refusal && <span className="field-error">Not recorded: {state.refusal}</span>}
        </form>
      )}
      <div className="audit-filters">
        {(
          [
            ['eventType', 'Event type', options((e) => [e.eventType])],
            ['actor', 'Actor', options((e) => [`${e.actor.name} (${e.actor.role})`])],
            ['rule', 'Rule', options((e) => e.evaluations.map((ev) => ev.rule))],
          ] as const
        ).map(([key, label, values]) => (
          <label key={key}>
            {label}{' '}
            <select value={filters[key]} onChange={(e) => setFilters({ ...filters, [key]: e.currentTarget.value })}>
              <option value={all}>all</option>
              {values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        ))}
        <span className="muted">
          {visible.length} of {entries.length} shown
        </span>
      </div>
      <div className="audit-grid">
        <div className="audit-scroll">
          <AuditTable entries={visible} selectedSeq={selectedSeq} onSelect={setSelectedSeq} />
        </div>
        <EntryDetails entry={selected} total={entries.length} onStep={(seq) => setSelectedSeq(seq)} />
      </div>
      {packet && <PrintRecord packet={packet} />}
    </main>
  );
}
