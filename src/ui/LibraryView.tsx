import { type DragEvent, useState } from 'react';
import type { Scenario } from '../../scenarios/schema';
import type { InputProblem } from '../session/inputProblem';
import { parseScenario } from '../session/loadScenario';
import { ProblemList } from './ProblemList';

interface Props {
  scenarios: Scenario[];
  problems: InputProblem[];
  openScenarioId: string | undefined;
  onOpen: (scenario: Scenario) => void;
  onOpenedFile: (scenario: Scenario) => void;
  onRejectedFile: (problems: InputProblem[]) => void;
}

export function LibraryView({ scenarios, problems, openScenarioId, onOpen, onOpenedFile, onRejectedFile }: Props) {
  const [dragging, setDragging] = useState(false);
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
        <label className="file-button">
          Choose scenario file…
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              if (file) void readFile(file);
              e.currentTarget.value = '';
            }}
          />
        </label>
        <ProblemList problems={problems} title="The file was not opened; the open session is unchanged." />
      </section>
    </main>
  );
}
