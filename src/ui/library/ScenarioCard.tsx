import type { Scenario } from '../../../scenarios/schema';
import type { OpenedScenario } from '../../session/openedScenario';
import { ScenarioSourceList, ScenarioSourcesButton, useSourcesDisclosure } from './ScenarioSources';

interface Props {
  scenario: Scenario;
  openNow: boolean;
  onOpen: () => void;
  /** Set for a scenario opened from a file: the card says so, names the file and can be removed. */
  imported?: { opened: OpenedScenario; onRemove: () => void };
}

export function ScenarioCard({ scenario: s, openNow, onOpen, imported }: Props) {
  const sources = useSourcesDisclosure();
  const name = imported ? `imported ${s.title} (${imported.opened.fileName})` : s.title;
  return (
    <li className={`scenario-card${imported ? ' imported' : ''}`}>
      <h3>{s.title}</h3>
      {imported && <ImportedMark opened={imported.opened} />}
      <p className="scenario-meta">
        <span className={`tag tag-${s.kind}`}>{s.kind}</span> ·{' '}
        <ScenarioSourcesButton count={Object.keys(s.sources).length} {...sources} /> · {s.events.length} events · expected{' '}
        <code>{s.expected.outcome}</code>
        {openNow && <strong> · open now</strong>}
      </p>
      {sources.open && <ScenarioSourceList id={sources.listId} sources={s.sources} title={name} />}
      <p>{s.summary}</p>
      <div className="card-actions">
        <button type="button" onClick={onOpen} aria-label={`Walk through ${name}`}>
          Walk through
        </button>
        {imported && (
          <button type="button" onClick={imported.onRemove} aria-label={`Remove ${name}`}>
            Remove
          </button>
        )}
      </div>
    </li>
  );
}

function ImportedMark({ opened }: { opened: OpenedScenario }) {
  return (
    <p className="imported-mark">
      <span className="tag tag-imported">imported</span> from file <code>{opened.fileName}</code>
      {opened.idInFile !== opened.scenario.id && (
        <>
          {' '}
          · the file's id <code>{opened.idInFile}</code> was taken: kept as <code>{opened.scenario.id}</code>
        </>
      )}
    </p>
  );
}
