import { useActorRef, useSelector } from '@xstate/react';
import { memo, useId, useState } from 'react';
import { countText } from '../../reports/format';
import { monteCarloMethod, runSentence } from '../../reports/monteCarloWords';
import { outcomeLabels } from '../../reports/outcomeWords';
import {
  defaultSamples,
  defaultSeed,
  type MonteCarloResult,
  type OperatorRequest,
  type OutcomeId,
  parseSamples,
  parseSeed,
  planMonteCarlo,
  type Situation,
} from '../../session/model';
import { OutcomeOddsChart, TornadoChart } from '../charts';
import { type ComputedFor, monteCarloRunMachine, type RunState, runStateOf } from './monteCarloRunMachine';
import { OddsTable, TornadoTable } from './OddsTables';
import './odds.css';
import { FieldProblem } from '../shared/FieldProblem';

interface Props {
  /** What the recommendation judged now (null: nothing to sample). */
  situation: Situation | null;
  /** The situation in words: scenario, step, time, thresholds, explored values. */
  situationLabel: string;
  /** The conservative-end recommendation: the authority the odds qualify. */
  recommended: OutcomeId | null;
  /** Records a result in the session, so a decision taken on it carries it; null where nothing can be recorded. */
  onAttach: ((request: OddsAttachRequest) => void) | null;
}

type OddsAttachRequest = Extract<OperatorRequest, { type: 'odds.attach' }>;

/** What the record keeps of a run: enough to draw the same samples again, and the shares it found. */
function attachRequest(result: MonteCarloResult, situation: Situation): OddsAttachRequest {
  const inputs = planMonteCarlo(situation, result.samples, result.seed).inputs.map(({ key, low, nominal, high }) => ({
    key,
    low,
    nominal,
    high,
  }));
  return { type: 'odds.attach', samples: result.samples, seed: result.seed, inputs, outcomes: result.outcomes };
}

/**
 * "How often the answer holds across the reported ranges": a Monte Carlo over the policy, on demand, in workers. Beside the
 * recommendation, never instead of it; results name the situation they were computed for and are
 * marked out of date once it changes.
 */
export const OddsPanel = memo(function OddsPanel({ situation, situationLabel, recommended, onAttach }: Props) {
  // Its own actor: leaving the view stops it, and with it the workers.
  const runRef = useActorRef(monteCarloRunMachine);
  const state = useSelector(runRef, runStateOf);
  const start = (computedFor: ComputedFor, samples: number, seed: number) =>
    runRef.send({ type: 'run.start', computedFor, samples, seed });
  const cancel = () => runRef.send({ type: 'run.cancel' });
  const [samplesText, setSamplesText] = useState(String(defaultSamples));
  const [seedText, setSeedText] = useState(String(defaultSeed));
  const [problems, setProblems] = useState<{ samples?: string; seed?: string }>({});
  const id = useId();
  if (!situation || !recommended) return null;
  const running = state.status === 'running';

  const run = (event: React.FormEvent) => {
    event.preventDefault();
    const samples = parseSamples(samplesText);
    const seed = parseSeed(seedText);
    setProblems({
      ...(samples.ok ? {} : { samples: samples.expected }),
      ...(seed.ok ? {} : { seed: seed.expected }),
    });
    if (samples.ok && seed.ok) start({ situation, label: situationLabel, recommended }, samples.value, seed.value);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="odds">
      <h3 id={`${id}-title`}>How often the answer holds across the reported ranges</h3>
      <p className="muted">
        The recommendation stays “{outcomeLabels[recommended]}”, judged at the conservative end of every range. These shares (
        {monteCarloMethod}, each sample through the same policy) say how often the policy would pick each outcome if the values
        fell elsewhere in their ranges: how fragile the answer is, not a probability that the crew is safe.
      </p>
      <form className="odds-form" onSubmit={run} aria-describedby={`${id}-title`}>
        <WholeNumberField
          label="Samples"
          value={samplesText}
          onChange={setSamplesText}
          disabled={running}
          problemId={problems.samples ? `${id}-samples-problem` : null}
        />
        <WholeNumberField
          label="Seed"
          value={seedText}
          onChange={setSeedText}
          disabled={running}
          problemId={problems.seed ? `${id}-seed-problem` : null}
        />
        {/* One button that turns into Cancel: the keyboard's focus stays on it through the run. Cancelling
            turns it back into Run before the click's default action, which must not then submit the form. */}
        <button
          type={running ? 'button' : 'submit'}
          onClick={
            running
              ? (event) => {
                  event.preventDefault();
                  cancel();
                }
              : undefined
          }
        >
          {running ? 'Cancel' : 'Run'}
        </button>
      </form>
      {problems.samples && <FieldProblem id={`${id}-samples-problem`}>Samples: {problems.samples}</FieldProblem>}
      {problems.seed && <FieldProblem id={`${id}-seed-problem`}>Seed: {problems.seed}</FieldProblem>}
      <RunView state={state} situation={situation} onAttach={onAttach} />
    </section>
  );
});

interface FieldProps {
  label: string;
  value: string;
  onChange: (text: string) => void;
  disabled: boolean;
  /** The id of the problem shown for it, or null while it has none. */
  problemId: string | null;
}

const WholeNumberField = memo(function WholeNumberField({ label, value, onChange, disabled, problemId }: FieldProps) {
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        aria-invalid={problemId ? true : undefined}
        aria-describedby={problemId ?? undefined}
      />
    </label>
  );
});

function RunView({ state, situation, onAttach }: { state: RunState; situation: Situation; onAttach: Props['onAttach'] }) {
  if (state.status === 'idle') return null;
  if (state.status === 'cancelled' || state.status === 'failed')
    return (
      <p role="status" data-testid="odds-status">
        {state.status === 'failed' ? `The run failed: ${state.message}` : state.message}
      </p>
    );
  if (state.status === 'running') {
    const percent = (state.progress.fraction * 100).toFixed(1);
    const phase =
      state.progress.phase === 'odds'
        ? `drawing samples (${countText(state.progress.oddsSamplesDone)} done)`
        : 'holding each uncertain value at its ends (tornado)';
    return (
      <div className="odds-run">
        <div className="odds-progress">
          <progress max={1} value={state.progress.fraction} aria-label="Monte Carlo run" data-testid="odds-progress" />
          <span className="muted">
            {percent} % · {phase}
          </span>
        </div>
        <Computed computedFor={state.computedFor} situation={situation} />
        {state.odds && <OddsTable odds={{ ...state.odds, recommended: state.computedFor.recommended }} />}
      </div>
    );
  }
  const stale = state.computedFor.situation !== situation;
  // Nothing the policy reads has a range: every sample is the conservative case, said in one line.
  if (state.result.tornado.length === 0)
    return (
      <div className={`odds-run${stale ? ' odds-result-stale' : ''}`} data-testid="odds-result">
        <Computed computedFor={state.computedFor} situation={situation} run={runSentence(state.result)} />
        <p role="status" data-testid="odds-certain">
          Nothing the policy reads is reported with a range: “{outcomeLabels[state.result.recommended]}” in every sample.
        </p>
      </div>
    );
  return (
    <div className={`odds-run${stale ? ' odds-result-stale' : ''}`} data-testid="odds-result">
      <p role="status" className="visually-hidden">
        Computed: {runSentence(state.result)}.
      </p>
      <Computed computedFor={state.computedFor} situation={situation} run={runSentence(state.result)} />
      {onAttach && !stale && (
        <button type="button" onClick={() => onAttach(attachRequest(state.result, situation))}>
          Attach these odds to the record
        </button>
      )}
      <OutcomeOddsChart result={state.result} tableBeside />
      <OddsTable odds={state.result} />
      <TornadoChart result={state.result} tableBeside />
      <TornadoTable result={state.result} />
    </div>
  );
}

function Computed({ computedFor, situation, run }: { computedFor: ComputedFor; situation: Situation; run?: string }) {
  const stale = computedFor.situation !== situation;
  return (
    <p className={stale ? 'odds-stale' : 'muted'} data-testid="odds-computed-for" data-stale={stale}>
      {stale && <strong>Out of date: the situation has changed since. </strong>}
      Computed for {computedFor.label}
      {run ? ` (${run})` : ''}.{stale && ' Run again for the situation shown now.'}
    </p>
  );
}
