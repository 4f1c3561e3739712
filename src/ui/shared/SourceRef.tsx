import { Fragment, useEffect, useId, useRef, useState } from 'react';
import { Citation } from './Citation';
import { isSourceKey, lookUpCitation } from './citation';
import { useScenarioSources } from './ScenarioSources';
import './sources.css';

/** A source key as a button that reveals its citation in place; Escape closes it again. */
export function SourceRef({ sourceKey }: { sourceKey: string }) {
  const sources = useScenarioSources();
  const [open, setOpen] = useState(false);
  const citationId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const element = wrapper.current;
    if (!open || !element) return;
    // In a scrolled list (the timeline) the citation would otherwise open below the visible end.
    element.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [open]);

  if (!isSourceKey(sourceKey)) return <span className="source-label">{sourceKey}</span>;
  const found = lookUpCitation(sourceKey, sources);
  return (
    <span className="source-ref" ref={wrapper}>
      <button
        ref={button}
        type="button"
        className="source-key"
        aria-expanded={open}
        aria-controls={open ? citationId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {sourceKey}
      </button>
      {open && (
        <span id={citationId} className="source-citation">
          {found.kind === 'scenario' ? (
            <Citation text={found.citation} />
          ) : found.kind === 'facts' ? (
            `${sourceKey}: cited in FACTS.md (not in this scenario's sources)`
          ) : (
            `no citation recorded for ${sourceKey}`
          )}
        </span>
      )}
    </span>
  );
}

/** Several source keys, comma-separated, each opening its own citation. */
export function SourceRefList({ keys }: { keys: readonly string[] }) {
  return keys.map((key, index) => (
    <Fragment key={key}>
      {index > 0 && ', '}
      <SourceRef sourceKey={key} />
    </Fragment>
  ));
}
