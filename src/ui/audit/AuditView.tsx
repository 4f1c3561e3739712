import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyStore } from '../../files/keyStore';
import { type AuditEntry, type DecisionPacket, makePacket, needsSignature, sealPacket } from '../../record/ledger';
import type { TeamLogRecord } from '../../record/packetSchema';
import { verifyPacket } from '../../record/verify';
import { entrySignature } from '../../reports/eventWords';
import type { PacketReport } from '../../reports/packetReport';
import { decisionRecord } from '../../session/decisionRecord';
import type { SessionFold } from '../../session/fold';
import type { Actor } from '../../session/model';
import { foldWalkthrough, type Walkthrough } from '../../session/walkthrough';
import { PollTable } from '../decision';
import { downloadJson } from '../shared/download';
import { AuditActions } from './AuditActions';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { EntryDetails } from './EntryDetails';
import { type EntryFilters, matchesFilters, noFilters } from './entryFilter';
import { createProgressChannel, ImportProgressBar } from './ImportProgressBar';
import { type ImportedPacket, importPacket } from './importPacket';
import { NoteForm } from './NoteForm';
import { PrintRecord } from './PrintRecord';
import { identityOf, type Verdict, verdictFor } from './recordIdentity';
import { SealDialog } from './SealDialog';
import { TrustedKeys } from './TrustedKeys';
import { VerdictLine } from './VerdictLine';
import './audit.css';

interface Props {
  walkthrough: Walkthrough | null;
  /** The open session's entries as stored. */
  ledger: AuditEntry[];
  imported: ImportedPacket | null;
  refusal: string | null;
  onNote: (text: string) => void;
  onImported: (imported: ImportedPacket) => void;
  /** Opens an imported packet in the walkthrough, to step through it as it was recorded. */
  onReplay?: (imported: ImportedPacket) => void;
  /** The operators' signing keys and the keys trusted for verifying. */
  keys: KeyStore;
  /** Who exports, and so seals, the session's packet. */
  operator: Actor | null;
  /** Where a team session's entries were appended, carried by its packet (null: a session of this browser only). */
  teamLog?: TeamLogRecord | null;
}

export function AuditView({
  walkthrough,
  ledger,
  imported,
  refusal,
  onNote,
  onImported,
  onReplay,
  keys,
  operator,
  teamLog = null,
}: Props) {
  const [source, setSource] = useState<'session' | 'imported'>(imported ? 'imported' : 'session');
  const showImported = source === 'imported' && imported !== null;
  // The record the exports and the printed record say: the one answer, from the fold of these entries.
  const report = useMemo((): PacketReport | null => {
    const reportOf = (packet: DecisionPacket, fold: SessionFold) => ({
      packet,
      fold,
      record: decisionRecord(packet.scenario, packet.profile, fold, packet.entries.length),
    });
    if (showImported) return reportOf(imported.packet, imported.fold);
    if (!walkthrough) return null;
    const packet = makePacket(walkthrough.scenario, walkthrough.profile, ledger);
    return reportOf(teamLog ? { ...packet, teamLog } : packet, foldWalkthrough(walkthrough));
  }, [showImported, imported, walkthrough, ledger, teamLog]);
  const packet = report?.packet ?? null;
  // Which record is shown: a verdict or a selection made on one says nothing about another.
  const recordName = showImported
    ? `imported ${imported.fileName}`
    : walkthrough
      ? `session ${walkthrough.scenario.id} ${walkthrough.openedUtc}`
      : '';
  const shown = packet && identityOf(recordName, packet);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [filters, setFilters] = useState<EntryFilters>(noFilters);
  const [selection, setSelection] = useState<{ record: string; seq: number } | null>(null);
  const [importProblems, setImportProblems] = useState<string[]>([]);
  const [copyNotice, setCopyNotice] = useState('');
  const [progress] = useState(createProgressChannel);

  const entries = packet?.entries ?? [];
  const visible = useMemo(() => entries.filter((e) => matchesFilters(e, filters)), [entries, filters]);
  const chosen = selection?.record === recordName ? entries.find((e) => e.seq === selection.seq) : undefined;
  const selected = chosen ?? entries.at(-1) ?? null;
  const select = (seq: number) => setSelection({ record: recordName, seq });
  // A row picked by pointer brings its details into view: at phone width they are below the entries.
  const picked = useRef(false);
  const pick = (seq: number) => {
    picked.current = true;
    select(seq);
  };
  useEffect(() => {
    if (!picked.current) return;
    picked.current = false;
    document.getElementById('entry-title')?.scrollIntoView({ block: 'start' });
  });
  const step = selected ? report?.fold.steps[selected.seq - 1] : undefined;

  // The session's own record is live, so it has no seal yet; an imported one must be sealed.
  const verify = async () => {
    if (!packet || !shown) return;
    setVerdict({ checked: shown, result: await verifyPacket(packet, undefined, await keys.trustedKeys(), showImported) });
  };
  // An exported packet is sealed by the operator who exports it: nothing can be dropped or added after.
  const [sealing, setSealing] = useState(false);
  const exportPacket = () => {
    if (!packet) return;
    if (operator && !showImported) return setSealing(true);
    downloadJson(`${packet.scenario.id}.packet.json`, packet);
  };
  const sealAndExport = async (passphrase: string) => {
    if (!packet || !operator) return 'nothing to seal';
    const unlocked = await keys.unlock(operator, passphrase);
    if (!unlocked.ok) return unlocked.reason;
    setSealing(false);
    downloadJson(`${packet.scenario.id}.packet.json`, await sealPacket(packet, unlocked.signer, new Date().toISOString()));
    return null;
  };

  const importFile = async (file: File) => {
    // Whatever comes of it, a verdict on the record shown before is not a verdict on this file.
    setVerdict(null);
    setImportProblems([]);
    const result = await importPacket(file, await keys.trustedKeys(), progress.set);
    progress.set(null);
    if (!result.ok) return setImportProblems(result.problems);
    const { imported } = result;
    onImported(imported);
    // A long record's first render is long too: as a transition React renders it in slices.
    startTransition(() => {
      setSource('imported');
      setSelection(null);
      setVerdict({ checked: identityOf(`imported ${file.name}`, imported.packet), result: imported.verification });
    });
  };

  return (
    <main className="audit" aria-labelledby="audit-title">
      <div className="audit-bar">
        <h2 id="audit-title">Audit trail{packet ? `: ${packet.scenario.title}` : ''}</h2>
        {packet && (
          <p className="audit-summary">
            {packet.entryCount} entries · head <code>{packet.headHash || '—'}</code> · profile {packet.profile.id} v
            {packet.profile.version}
            {showImported && ' · imported, verified before opening, read-only'}
          </p>
        )}
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
      <div className="audit-bar">
        <AuditActions
          report={report}
          replay={showImported && onReplay ? () => onReplay(imported) : null}
          onVerify={() => void verify()}
          onExportPacket={exportPacket}
          onImport={(file) => void importFile(file)}
        />
        <VerdictLine verdict={verdictFor(verdict, shown)} />
        {!operator && !showImported && packet && (
          <p className="muted">
            An export is sealed by whoever exports it: identify yourself (Identify, top right) first, or the packet goes out
            unsealed and opens nowhere a seal is required.
          </p>
        )}
        <TrustedKeys keys={keys} operator={operator} onChanged={() => setVerdict(null)} />
        <ImportProgressBar channel={progress} />
      </div>
      {importProblems.length > 0 && (
        <div role="alert" className="problems">
          <ul>
            {importProblems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="audit-bar">
        <AuditFilters entries={entries} filters={filters} shown={visible.length} onChange={setFilters} />
        {!showImported && walkthrough && <NoteForm refusal={refusal} onNote={onNote} />}
      </div>
      <div className="audit-grid">
        <div className="audit-scroll">
          <AuditTable
            entries={visible}
            selectedSeq={selected?.seq ?? null}
            onSelect={select}
            onPick={pick}
            onCopied={setCopyNotice}
          />
        </div>
        <EntryDetails
          entry={selected}
          total={entries.length}
          setup={report?.fold.input.setup ?? null}
          thresholds={step && packet ? { inForce: step.record.thresholds, base: packet.profile.values } : null}
          needsSignature={!!selected && !!packet && needsSignature(packet.scenario, selected)}
          onStep={select}
          onCopied={setCopyNotice}
        />
      </div>
      {report && report.record.polls.length > 0 && (
        <section className="audit-polls" aria-labelledby="audit-polls-title">
          <h3 id="audit-polls-title">GO/NO-GO polls</h3>
          {report.record.polls.map((poll) => (
            <PollTable key={poll.number} poll={poll} signatureOf={(seq) => entrySignature(entries[seq - 1])} />
          ))}
        </section>
      )}
      <p role="status" className="visually-hidden">
        {copyNotice}
      </p>
      {report && <PrintRecord report={report} />}
      <SealDialog sealer={sealing ? operator : null} onSeal={sealAndExport} onCancel={() => setSealing(false)} />
    </main>
  );
}
