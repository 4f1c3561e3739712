import { useId, useState } from 'react';
import { Citation } from '../shared/Citation';

/** "27 sources" as a button that lists the scenario's sources, key and citation, in place. */
export function ScenarioSourcesButton({ count, open, listId, onToggle }: SourcesToggle) {
  return (
    <button type="button" className="link sources-toggle" aria-expanded={open} aria-controls={listId} onClick={onToggle}>
      {count} sources
    </button>
  );
}

interface SourcesToggle {
  count: number;
  open: boolean;
  listId: string;
  onToggle: () => void;
}

export function ScenarioSourceList({ sources, id, title }: { sources: Record<string, string>; id: string; title: string }) {
  return (
    <ul id={id} className="scenario-sources" aria-label={`Sources of ${title}`}>
      {Object.entries(sources).map(([key, citation]) => (
        <li key={key}>
          <code>{key}</code>
          <span>
            <Citation text={citation} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The disclosure's state: whether the list is open, and the id that ties the button to it. */
export function useSourcesDisclosure() {
  const [open, setOpen] = useState(false);
  return { open, listId: useId(), onToggle: () => setOpen((was) => !was) };
}
