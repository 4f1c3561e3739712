import type { OpenedScenario } from '../../session/openedScenario';
import { FieldProblem } from '../shared/FieldProblem';
import { ProblemList } from '../shared/ProblemList';
import { ScenarioCard } from './ScenarioCard';
import type { OpenedScenarioShelf } from './useOpenedScenarioStore';

interface Props {
  openedScenarios: OpenedScenario[];
  shelf: OpenedScenarioShelf;
  openScenarioId: string | undefined;
  onOpen: (opened: OpenedScenario) => void;
  onRemove: (id: string) => void;
}

/** Scenarios opened from files, apart from the built-in ones, kept in this browser until removed. */
export function OpenedScenarios({ openedScenarios, shelf, openScenarioId, onOpen, onRemove }: Props) {
  if (openedScenarios.length === 0 && shelf.unreadable.length === 0 && !shelf.storeProblem) return null;
  return (
    <section aria-labelledby="opened-title" className="opened-scenarios">
      <h3 id="opened-title">Opened from files (kept in this browser)</h3>
      {shelf.storeProblem && (
        <FieldProblem>
          Opened scenarios cannot be kept in this browser ({shelf.storeProblem}): they stay until the page is closed.
        </FieldProblem>
      )}
      <ul className="scenario-cards">
        {openedScenarios.map((o) => (
          <ScenarioCard
            key={o.scenario.id}
            scenario={o.scenario}
            openNow={o.scenario.id === openScenarioId}
            onOpen={() => onOpen(o)}
            imported={{ opened: o, onRemove: () => onRemove(o.scenario.id) }}
          />
        ))}
      </ul>
      {shelf.unreadable.map((u) => (
        <div key={u.id} className="unreadable-scenario">
          <ProblemList problems={u.problems} title={`The stored scenario ${u.id} no longer validates and is not offered.`} />
          <button type="button" onClick={() => shelf.discardUnreadable(u.id)} aria-label={`Remove unreadable ${u.fileName}`}>
            Remove
          </button>
        </div>
      ))}
    </section>
  );
}
