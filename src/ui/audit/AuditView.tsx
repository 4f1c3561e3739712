import { useMemo, useState } from 'react';
import { parsePacket } from '../../files/packetFile';
import { type AuditEntry, type DecisionPacket, makePacket } from '../../record/ledger';
import { replayPacket, type Verification, verifyPacket } from '../../record/verify';
import { type PacketReport, reportCsv, reportMarkdown } from '../../reports/packetReport';
import { decisionRecord } from '../../session/decisionRecord';
import type { SessionFold } from '../../session/fold';
import { foldWalkthrough, type Walkthrough } from '../../session/walkthrough';
import { download, downloadJson } from '../shared/download';
import { JsonFileButton } from '../shared/JsonFileButton';
import { AuditTable } from './AuditTable';
import { EntryDetails } from './EntryDetails';
import { PrintRecord } from './PrintRecord';

export interface ImportedPacket {
  fileName: string;
  packet: DecisionPacket;
  /** Its events replayed through the machine (the replay verification made). */
  fold: SessionFold;
  verification: Verification;
}

interface Props {
  walkthrough: Walkthrough | null;
  /** The open session's entries as stored. */
  ledger: AuditEntry[];
  imported: ImportedPacket | null;
  refusal: string | null;
  onNote: (text: string) => void;
  onImported: (imported: ImportedPacket) => void;
}

const all = '';

export function AuditView({ walkthrough, ledger, imported, refusal, onNote, onImported }: Props) {
  const [source, setSource] = useState<'session' | 'imported'>(imported ? 'imported' : 'session');
  const showImported = source === 'imported' && imported !== null;
  // The record the exports and the printed record say: the one answer, from the fold of these entries.
  const report = useMemo((): PacketReport | null => {
    const packet = showImported
      ? imported.packet
      : walkthrough
        ? makePacket(walkthrough.scenario, walkthrough.profile, ledger)
        : null;
    if (!packet) return null;
    const fold = showImported ? imported.fold : foldWalkthrough(walkthrough as Walkthrough);
    return { packet, fold, record: decisionRecord(packet.scenario, packet.profile, fold, packet.entries.length) };
  }, [showImported, imported, walkthrough, ledger]);
  const packet = report?.packet ?? null;
  const [verdict, setVerdict] = useState<Verification | null>(null);
  const [filters, setFilters] = useState({ eventType: all, actor: all, rule: all });
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [importProblems, setImportProblems] = useState<string[]>([]);

  const entries = packet?.entries ?? [];
  const options = (pick: (e: AuditEntry) => string[]) => [...new Set(entries.flatMap(pick))].sort();
  const visible = entries.filter(
    (e) =>
      (filters.eventType === all || e.event.type === filters.eventType) &&
      (filters.actor === all || `${e.event.by.name} (${e.event.by.role})` === filters.actor) &&
      (filters.rule === all || e.derived.evaluations.some((ev) => ev.rule === filters.rule)),
  );
  const selected = entries.find((e) => e.seq === selectedSeq) ?? null;

  const importFile = async (file: File) => {
    const parsed = parsePacket(file.name, await file.text());
    if (!parsed.ok) return setImportProblems(parsed.problems.map((p) => `${p.file}: ${p.path}: expected ${p.expected}`));
    // One replay serves the verification and the record shown.
    const fold = replayPacket(parsed.value);
    const verification = await verifyPacket(parsed.value, fold);
    if (!verification.ok)
      return setImportProblems([`${file.name}: entry ${verification.seq}: ${verification.reason}. Not opened.`]);
    setImportProblems([]);
    setSource('imported');
    setSelectedSeq(1);
    setVerdict(verification);
    onImported({ fileName: file.name, packet: parsed.value, fold, verification });
  };

  return (
    <main className="audit" aria-labelledby="audit-title">
      <div className="audit-bar">
        <h2 id="audit-title">Audit trail{packet ? `: ${packet.scenario.title}` : ''}</h2>
        {imported && (
          <fieldset className="audit-source">
            <legend className="visually-hidden">Which record</legend>
            <label>
              <input type="radio" checked={!showImported} disabled={!walkthrough} onChange={() => setSource('session')} /> This
              session
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
          onClick={() => report && download(`${report.packet.scenario.id}.decision.md`, reportMarkdown(report), 'text/markdown')}
        >
          Summary (Markdown)
        </button>
        <button
          type="button"
          disabled={!packet}
          onClick={() => report && download(`${report.packet.scenario.id}.entries.csv`, reportCsv(report), 'text/csv')}
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
      {!showImported && walkthrough && (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!note.trim()) return;
            onNote(note.trim());
            setNote('');
          }}
        >
          <label>
            Add a note to the record <input value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </label>
          <button type="submit">Add note</button>
          {refusal && <span className="field-error">Not recorded: {refusal}</span>}
        </form>
      )}
      <div className="audit-filters">
        {(
          [
            ['eventType', 'Event type', options((e) => [e.event.type])],
            ['actor', 'Actor', options((e) => [`${e.event.by.name} (${e.event.by.role})`])],
            ['rule', 'Rule', options((e) => e.derived.evaluations.map((ev) => ev.rule))],
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
      {report && <PrintRecord report={report} />}
    </main>
  );
}
