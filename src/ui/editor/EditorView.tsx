import { type KeyboardEvent, memo, useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { validateScenario } from '../../files/scenarioFile';
import { draftAnswer, foldsAlike } from '../../session/draft/draftAnswer';
import { draftChoices } from '../../session/draft/draftChoices';
import { canRedo, canUndo, type DraftFile, draftFileText, type ScenarioDraft } from '../../session/draft/scenarioDraft';
import type { ThresholdProfile } from '../../session/profile';
import type { WalkthroughView } from '../../session/walkthroughView';
import type { KeepOutcome } from '../../team/console/teamCases';
import { download } from '../shared/download';
import { ProblemList } from '../shared/ProblemList';
import type { TemperatureUnit } from '../shared/units';
import { CaseSection } from './CaseSection';
import { CrewSection } from './CrewSection';
import { DraftAnswer } from './DraftAnswer';
import type { EditorRequest } from './editorRequest';
import { KeepOnServer } from './KeepOnServer';
import { TimelineSection } from './TimelineSection';
import { type KeptDraft, type TypedDraft, useDraft, useKept } from './useDraft';
import { usePhoneWidth } from './usePhoneWidth';
import { VehiclesSection } from './VehiclesSection';
import './editor.css';

interface Props {
  request: EditorRequest;
  profile: ThresholdProfile;
  /** The unit the app shows temperatures in (the header's switch). */
  temperatureUnit: TemperatureUnit;
  /** Keeps the case on the team server; absent when the page was not served by one. */
  onKeepOnServer: ((scenario: Scenario) => Promise<KeepOutcome>) | null;
  /** Opens the case in the walkthrough at a step (and keeps it on the library's shelf of opened scenarios). */
  onWalkThrough: (scenario: Scenario, fileName: string, step: number) => void;
}

const keptWords = {
  keeping: 'Keeping…',
  kept: 'Kept in this browser as you type.',
  refused: "Not kept: this browser's storage refused the draft (full, or turned off). Export the file to keep it.",
} as const;

const fileNameOf = (draft: ScenarioDraft) => draft.fileName ?? `${String(draft.file.id || 'new-case')}.json`;

/** The draft's answer, worked out again only when what the fold reads has changed (or the profile). */
function useDraftView(file: DraftFile, checked: ReturnType<typeof validateScenario>, profile: ThresholdProfile) {
  const last = useRef<{ file: DraftFile; profile: ThresholdProfile; view: WalkthroughView } | null>(null);
  return useMemo(() => {
    if (!checked.ok) return null;
    const alike = last.current && last.current.profile === profile && foldsAlike(last.current.file, file);
    last.current = {
      file,
      profile,
      view: alike && last.current ? last.current.view : draftAnswer(checked.value, profile, checked.value.setup.startUtc),
    };
    return last.current.view;
  }, [checked, file, profile]);
}

/**
 * Writing a case: its sections edited field by field, every problem the scenario schema and checks
 * find shown at once beside its field, and the answer worked out live by the walkthrough's own fold.
 */
export function EditorView({ request, profile, temperatureUnit, onKeepOnServer, onWalkThrough }: Props) {
  const { draft, dispatch, typed, kept } = useDraft(request);
  const phone = usePhoneWidth();
  const fileName = fileNameOf(draft);
  // The field answers each key press first; the checks and the answer follow a frame behind.
  const file = useDeferredValue(draft.file);
  const checked = useMemo(() => validateScenario(fileName, file), [fileName, file]);
  const problems = checked.ok ? [] : checked.problems;
  const view = useDraftView(file, checked, profile);
  const { sources, setup } = draft.file;
  const choices = useMemo(() => draftChoices({ sources, setup }), [sources, setup]);
  const sectionProps = { file: draft.file, problems, dispatch, choices };
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
      {draft.fileName && (
        <p className="muted">Opened from the file {draft.fileName} as it is: export writes it back with your changes.</p>
      )}
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
        <WalkThrough
          eventCount={Array.isArray(draft.file.events) ? draft.file.events.length : 0}
          scenario={checked.ok ? checked.value : null}
          fileName={`${fileName} (written in the editor)`}
          onWalkThrough={onWalkThrough}
        />
        {onKeepOnServer && <KeepOnServer scenario={checked.ok ? checked.value : null} keep={onKeepOnServer} />}
        <KeptStatus typed={typed} kept={kept} />
      </div>
      <DraftAnswer
        view={view}
        problemCount={problems.length}
        expected={(draft.file.expected ?? {}) as object}
        temperatureUnit={temperatureUnit}
      />
      <ProblemList problems={problems} title="The case is not valid yet." />
      {phone && (
        <p role="note" className="muted">
          On a phone the case is shown read-only: write it on a wider screen.
        </p>
      )}
      <fieldset className="draft-sections" disabled={phone}>
        <legend className="visually-hidden">The case's sections</legend>
        <CaseSection {...sectionProps} />
        <VehiclesSection {...sectionProps} />
        <CrewSection {...sectionProps} />
        <TimelineSection {...sectionProps} />
      </fieldset>
    </main>
  );
}

/** Whether what was typed is kept in this browser: redrawn alone at each edit. */
function KeptStatus({ typed, kept }: { typed: TypedDraft; kept: KeptDraft }) {
  const word = useKept(typed, kept);
  return (
    <span className="muted" role="status" data-testid="draft-kept" data-kept={word}>
      {keptWords[word]}
    </span>
  );
}

/** Walking the case through, from its start or at any step of its timeline. */
const WalkThrough = memo(function WalkThrough({
  eventCount,
  scenario,
  fileName,
  onWalkThrough,
}: {
  eventCount: number;
  /** The case, once it is valid. */
  scenario: Scenario | null;
  fileName: string;
  onWalkThrough: Props['onWalkThrough'];
}) {
  const [step, setStep] = useState(0);
  const id = useId();
  const at = Math.min(step, eventCount);
  return (
    <span className="draft-walk-through">
      <button type="button" disabled={!scenario} onClick={() => scenario && onWalkThrough(scenario, fileName, at)}>
        Walk through this case
      </button>{' '}
      <label htmlFor={id}>at step</label>{' '}
      <select id={id} value={at} onChange={(e) => setStep(Number(e.currentTarget.value))}>
        {steps(eventCount).map((step) => (
          <option key={step} value={step}>
            {step === 0 ? '0 (the start)' : step}
          </option>
        ))}
      </select>
    </span>
  );
});

const steps = (eventCount: number) => Array.from({ length: eventCount + 1 }, (_, step) => step);
