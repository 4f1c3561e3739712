import { type DragEvent, useEffect, useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { parseScenario } from '../../files/scenarioFile';
import type { SessionStore, SessionSummary, StoredSession } from '../../files/sessionStore';
import type { InputProblem } from '../../session/inputProblem';
import { JsonFileButton } from '../shared/JsonFileButton';
import { ProblemList } from '../shared/ProblemList';

interface Props {
  store: SessionStore | null;
  onRestore: (session: StoredSession) => void;
  scenarios: Scenario[];
  problems: InputProblem[];
  openScenarioId: string | undefined;
  onOpen: (scenario: Scenario) => void;
  onOpenedFile: (scenario: Scenario) => void;
  onRejectedFile: (problems: InputProblem[]) => void;
}

export function LibraryView({
  store,
  onRestore,
  scenarios,
  problems,
  openScenarioId,
  onOpen,
  onOpenedFile,
  onRejectedFile,
}: Props) {
  const [dragging, setDragging] = useState(false);
  const [past, setPast] = useState<SessionSummary[]>([]);
  useEffect(() => {
    store?.list().then(setPast, () => setPast([]));
  }, [store]);
  const readFile = async (file: File) => {
    const parsed = parseScenario(file.name, await file.text());
    if (parsed.ok) onOpenedFile(parsed.value);
    else onRejectedFile(parsed.problems);
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void readFile(file);
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <h2 id="library-title">Scenario library</h2>
      <ul className="scenario-cards">
        {scenarios.map((s) => (
          <li key={s.id} className="scenario-card">
            <h3>{s.title}</h3>
            <p className="scenario-meta">
              <span className={`tag tag-${s.kind}`}>{s.kind}</span> · {Object.keys(s.sources).length} sources · {s.events.length}{' '}
              events · expected <code>{s.expected.outcome}</code>
              {s.id === openScenarioId && <strong> · open now</strong>}
            </p>
            <p>{s.summary}</p>
            <button type="button" onClick={() => onOpen(s)} aria-label={`Walk through ${s.title}`}>
              Walk through
            </button>
          </li>
        ))}
      </ul>
      <section
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        aria-labelledby="open-file-title"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <h3 id="open-file-title">Open a scenario file</h3>
        <p className="muted">Drop a scenario JSON file here, or choose one. It is checked against the scenario schema first.</p>
        <JsonFileButton label="Choose scenario file…" onFile={(file) => void readFile(file)} />
        <ProblemList problems={problems} title="The file was not opened; the open session is unchanged." />
      </section>
      {past.length > 0 && (
        <section aria-labelledby="past-title" className="past-sessions">
          <h3 id="past-title">Past sessions (stored in this browser)</h3>
          <table>
            <thead>
              <tr>
                <th scope="col">Scenario</th>
                <th scope="col">Opened (UTC)</th>
                <th scope="col">Last change (UTC)</th>
                <th scope="col">Entries</th>
                <th scope="col">Head hash</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {past.map((p) => (
                <tr key={p.id}>
                  <td>{p.title}</td>
                  <td>{p.openedUtc.slice(0, 19).replace('T', ' ')}</td>
                  <td>{p.updatedUtc.slice(0, 19).replace('T', ' ')}</td>
                  <td>{p.entryCount}</td>
                  <td>
                    <code>{p.headHash.slice(0, 16)}</code>
                  </td>
                  <td>
                    {p.restorable ? (
                      <button
                        type="button"
                        onClick={() => store?.load(p.id).then((session) => session && onRestore(session))}
                        aria-label={`Reopen ${p.title} opened ${p.openedUtc}`}
                      >
                        Reopen
                      </button>
                    ) : (
                      <span className="muted">written by an earlier version: kept, cannot be reopened here</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
