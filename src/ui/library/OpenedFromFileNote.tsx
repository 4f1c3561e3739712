import type { OpenedScenario } from '../../session/openedScenario';
import './library.css';

/** Above a walkthrough of a scenario opened from a file: it is not a built-in case, whatever its title says. */
export function OpenedFromFileNote({ opened }: { opened: OpenedScenario | undefined }) {
  if (!opened) return null;
  return (
    <aside className="opened-from-file" aria-label="Where this scenario comes from">
      <span className="tag tag-imported">imported</span> This scenario was opened from the file <code>{opened.fileName}</code>{' '}
      (kept as <code>{opened.scenario.id}</code>); it is not one of the built-in cases.
    </aside>
  );
}
