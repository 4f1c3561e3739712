import type { Scenario } from '../../scenarios/schema';

interface Props {
  scenarios: Scenario[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

export function ScenarioList({ scenarios, selectedId, onSelect }: Props) {
  return (
    <nav aria-labelledby="scenario-list-title" className="scenario-list">
      <h2 id="scenario-list-title">Scenarios</h2>
      <ul>
        {scenarios.map((s) => (
          <li key={s.id}>
            <button type="button" aria-pressed={s.id === selectedId} onClick={() => onSelect(s.id)}>
              <span className="scenario-title">{s.title}</span>
              <span className="scenario-meta">
                {s.kind} · {Object.keys(s.sources).length} sources · expected {s.expected.outcome}
              </span>
              <span className="scenario-summary">{s.summary}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
