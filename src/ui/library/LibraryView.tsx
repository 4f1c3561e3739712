import { type DragEvent, useEffect, useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { parseScenario } from '../../files/scenarioFile';
import type { SessionStore, SessionSummary, StoredSession } from '../../files/sessionStore';
import { readFileText } from '../../files/utf8Text';
import { utcSecond } from '../../reports/format';
import type { InputProblem } from '../../session/inputProblem';
import type { OpenedScenario } from '../../session/openedScenario';
import { JsonFileButton } from '../shared/JsonFileButton';
import { ProblemList } from '../shared/ProblemList';
import { OpenedScenarios } from './OpenedScenarios';
import { ScenarioCard } from './ScenarioCard';
import type { OpenedScenarioShelf } from './useOpenedScenarioStore';
import './library.css';

interface Props {
  store: SessionStore | null;
  onRestore: (session: StoredSession) => void;
  scenarios: Scenario[];
  openedScenarios: OpenedScenario[];
  shelf: OpenedScenarioShelf;
  problems: InputProblem[];
  openScenarioId: string | undefined;
  onOpen: (scenario: Scenario) => void;
  onOpenedFile: (scenario: Scenario, fileName: string) => void;
  onRemove: (id: string) => void;
  onRejectedFile: (problems: InputProblem[]) => void;
}

export function LibraryView({
  store,
  onRestore,
  scenarios,
  openedScenarios,
  shelf,
  problems,
  openScenarioId,
  onOpen,
  onOpenedFile,
  onRemove,
  onRejectedFile,
}: Props) {
  const [dragging, setDragging] = useState(false);
  const [past, setPast] = useState<SessionSummary[]>([]);
  useEffect(() => {
    store?.list().then(setPast, () => setPast([]));
  }, [store]);
  const readFile = async (file: File) => {
    const text = await readFileText(file, file.name);
    const parsed = text.ok ? parseScenario(file.name, text.value) : text;
    if (parsed.ok) onOpenedFile(parsed.value, file.name);
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
          <ScenarioCard key={s.id} scenario={s} openNow={s.id === openScenarioId} onOpen={() => onOpen(s)} />
        ))}
      </ul>
      <OpenedScenarios
        openedScenarios={openedScenarios}
        shelf={shelf}
        openScenarioId={openScenarioId}
        onOpen={(o) => onOpen(o.scenario)}
        onRemove={onRemove}
      />
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
                  <td>{utcSecond(p.openedUtc)}</td>
                  <td>{utcSecond(p.updatedUtc)}</td>
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
