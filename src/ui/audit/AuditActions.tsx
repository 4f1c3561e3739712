import { type PacketReport, reportCsv, reportMarkdown } from '../../reports/packetReport';
import { download } from '../shared/download';
import { JsonFileButton } from '../shared/JsonFileButton';

interface Props {
  report: PacketReport | null;
  /** Replays the imported packet shown in the walkthrough; null when none is shown or the app offers no replay. */
  replay: (() => void) | null;
  onVerify: () => void;
  /** Exports the packet, sealed by the operator when one is identified. */
  onExportPacket: () => void;
  onImport: (file: File) => void;
}

export function AuditActions({ report, replay, onVerify, onExportPacket, onImport }: Props) {
  const id = report?.packet.scenario.id;
  return (
    <div className="audit-actions">
      <button type="button" disabled={!report} onClick={onVerify}>
        Verify
      </button>
      <button type="button" disabled={!report} onClick={onExportPacket}>
        Export packet (JSON)
      </button>
      <button
        type="button"
        disabled={!report}
        onClick={() => report && download(`${id}.decision.md`, reportMarkdown(report), 'text/markdown')}
      >
        Summary (Markdown)
      </button>
      <button
        type="button"
        disabled={!report}
        onClick={() => report && download(`${id}.entries.csv`, reportCsv(report), 'text/csv')}
      >
        Entries (CSV)
      </button>
      <button type="button" disabled={!report} onClick={() => window.print()}>
        Print decision record
      </button>
      <JsonFileButton label="Import packet…" onFile={onImport} />
      {replay && (
        <button type="button" onClick={replay}>
          Replay in walkthrough
        </button>
      )}
    </div>
  );
}
