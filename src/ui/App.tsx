import { useState } from 'react';
import { builtInProblems, builtInScenarios } from './builtInScenarios';
import { RunReport } from './RunReport';
import { ScenarioList } from './ScenarioList';
import { useScenarioRun } from './useScenarioRun';

export function App() {
  const [selectedId, setSelectedId] = useState(builtInScenarios[0]?.id);
  const scenario = builtInScenarios.find((s) => s.id === selectedId);
  const run = useScenarioRun(scenario);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Crew-return decision support</h1>
        <p>Damaged return vehicle: inspect, assess flyability, decide how the crew gets home.</p>
      </header>
      {builtInProblems.length > 0 && (
        <div role="alert" className="problems">
          {builtInProblems.map((p) => (
            <div key={`${p.file}:${p.path}`}>{`${p.file}: ${p.path}: ${p.expected}`}</div>
          ))}
        </div>
      )}
      <main className="app-main">
        <ScenarioList scenarios={builtInScenarios} selectedId={selectedId} onSelect={setSelectedId} />
        {run ? <RunReport run={run} /> : <p aria-busy="true">Running scenario…</p>}
      </main>
    </div>
  );
}
