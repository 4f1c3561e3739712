interface Props {
  cursor: number;
  /** The furthest step reached: the record is written there. */
  frontier: number;
  total: number;
  onStep: (cursor: number) => void;
}

export function StepControls({ cursor, frontier, total, onStep }: Props) {
  return (
    <div className="step-controls" role="toolbar" aria-label="Step through the scenario">
      <button type="button" onClick={() => onStep(0)} disabled={cursor === 0} aria-keyshortcuts="Home">
        Restart
      </button>
      <button type="button" onClick={() => onStep(cursor - 1)} disabled={cursor === 0} aria-keyshortcuts="ArrowLeft">
        ← Previous
      </button>
      <span className="step-count" aria-live="polite">
        Step {cursor} of {total}
      </span>
      <button type="button" onClick={() => onStep(cursor + 1)} disabled={cursor === total} aria-keyshortcuts="ArrowRight">
        Next →
      </button>
      <button type="button" onClick={() => onStep(total)} disabled={cursor === total} aria-keyshortcuts="End">
        End
      </button>
      <span className="muted keys">Keys: ← → Home End</span>
      {cursor < frontier && (
        <span className="review-notice" role="status">
          Reviewing step {cursor}: read-only. Changes are recorded at step {frontier}.{' '}
          <button type="button" onClick={() => onStep(frontier)}>
            Back to step {frontier}
          </button>
        </span>
      )}
    </div>
  );
}
