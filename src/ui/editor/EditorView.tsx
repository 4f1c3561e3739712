import { type KeyboardEvent, useDeferredValue, useMemo } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { validateScenario } from '../../files/scenarioFile';
import { outcomeLabels } from '../../reports/outcomeWords';
import { draftAnswer } from '../../session/draft/draftAnswer';
import { canRedo, canUndo, draftFileText, type ScenarioDraft } from '../../session/draft/scenarioDraft';
import type { ThresholdProfile } from '../../session/profile';
import { download } from '../shared/download';
import { ProblemList } from '../shared/ProblemList';
import { CaseSection, SetupSection, TimelineSection } from './DraftSections';
import type { EditorRequest } from './editorRequest';
import { useDraft } from './useDraft';
import { usePhoneWidth } from './usePhoneWidth';
import './editor.css';

interface Props {
  request: EditorRequest;
  profile: ThresholdProfile;
  /** Opens the case in the walkthrough (and keeps it on the library's shelf of opened scenarios). */
  onWalkThrough: (scenario: Scenario, fileName: string) => void;
}

const fileNameOf = (draft: ScenarioDraft) => `${String(draft.file.id || 'new-case')}.json`;

/**
 * Writing a case: its sections edited field by field, every problem the scenario schema and checks
 * find shown at once beside its field, and the answer worked out live by the walkthrough's own fold.
 */
export function EditorView({ request, profile, onWalkThrough }: Props) {
  const { draft, dispatch, kept } = useDraft(request);
  const phone = usePhoneWidth();
  const fileName = fileNameOf(draft);
  const checked = useMemo(() => validateScenario(fileName, draft.file), [fileName, draft.file]);
  const problems = checked.ok ? [] : checked.problems;
  // The answer follows the typing a frame behind: the field answers each key press first.
  const deferred = useDeferredValue(checked);
  const answer = useMemo(
    () => (deferred.ok ? draftAnswer(deferred.value, profile, deferred.value.setup.startUtc).answer : null),
    [deferred, profile],
  );
  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) dispatch({ kind: 'undo' });
    else if (key === 'y' || (key === 'z' && event.shiftKey)) dispatch({ kind: 'redo' });
    else return;
    event.preventDefault();
  };

  return (
    <main className="editor" aria-labelledby="editor-title" onKeyDown={onKeyDown}>
      <h2 id="editor-title">Scenario editor: {String(draft.file.title || 'a new case')}</h2>
      {draft.copiedFrom && (
        <p className="muted">
          Copied from {draft.copiedFrom.title} ({draft.copiedFrom.id}): a hypothetical case of its own, never that one.
        </p>
      )}
      <div className="editor-toolbar" role="toolbar" aria-label="Draft">
        <button type="button" disabled={!canUndo(draft)} onClick={() => dispatch({ kind: 'undo' })} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" disabled={!canRedo(draft)} onClick={() => dispatch({ kind: 'redo' })} aria-keyshortcuts="Control+Y">
          Redo
        </button>
        <button type="button" onClick={() => download(fileName, draftFileText(draft), 'application/json')}>
          Export scenario file
        </button>
        <button
          type="button"
          disabled={!checked.ok}
          onClick={() => checked.ok && onWalkThrough(checked.value, `${fileName} (written in the editor)`)}
        >
          Walk through this case
        </button>
        <span className="muted" role="status" data-testid="draft-kept" data-kept={kept}>
          {kept ? 'Kept in this browser as you type.' : 'Keeping…'}
        </span>
      </div>
      <section aria-labelledby="draft-answer-title" className="draft-answer">
        <h3 id="draft-answer-title">Answer</h3>
        <p role="status" data-testid="draft-answer" data-outcome={answer?.recommendation?.outcome ?? ''}>
          {!checked.ok
            ? `No answer while the case has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`
            : answer?.recommendation
              ? `${outcomeLabels[answer.recommendation.outcome]}, by row ${answer.decidingRow?.index ?? '—'}: ${answer.decidingRow?.statement ?? ''}`
              : 'No recommendation: the case reaches no anomaly.'}
        </p>
      </section>
      <ProblemList problems={problems} title="The case is not valid yet." />
      {phone && (
        <p role="note" className="muted">
          On a phone the case is shown read-only: write it on a wider screen.
        </p>
      )}
      <fieldset className="draft-sections" disabled={phone}>
        <legend className="visually-hidden">The case's sections</legend>
        <CaseSection file={draft.file} problems={problems} dispatch={dispatch} />
        <TimelineSection file={draft.file} problems={problems} dispatch={dispatch} />
        <SetupSection file={draft.file} problems={problems} dispatch={dispatch} />
      </fieldset>
    </main>
  );
}
