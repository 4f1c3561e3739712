import { memo, useId, useMemo, useReducer, useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { thresholdFlipWords } from '../../reports/flipWords';
import { type RuleReading, ruleReadings } from '../../reports/ruleReading';
import { comparatorSymbol, quantityLabel, quantityUnit, thresholdName } from '../../reports/ruleWords';
import { type ComparedSide, compareSides, scenarioAtStep, underThresholds } from '../../session/compare';
import { evaluationSubject } from '../../session/decisionRecord';
import {
  type AssessedValue,
  defaultThresholdValues,
  type FlipPoint,
  type MissionSetup,
  type RuleEvaluation,
  type Situation,
  type ThresholdValues,
  thresholdDefinitionByKey,
  validateThresholdValues,
} from '../../session/model';
import type { ThresholdProfile } from '../../session/profile';
import { ColumnHeads } from '../shared/ColumnHeads';
import { OutcomeBadge } from '../shared/OutcomeBadge';
import { loadSavedProfiles } from '../shared/savedProfiles';
import { statusWords } from '../shared/statusWords';
import { displayValue, type TemperatureUnit } from '../shared/units';

interface Props {
  /** What the answer in force is worked out from: side A. */
  situation: Situation;
  /** The walkthrough's scenario, step and profile: another scenario is taken at this step, under these. */
  scenario: Scenario;
  step: number;
  profile: ThresholdProfile;
  /** The scenarios in the library (built in and opened): each can be side B at this step. */
  library: readonly Scenario[];
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

interface SideOption {
  id: string;
  label: string;
  /** Side B against the situation in force, or why there is none; worked out only when chosen. */
  side: (situation: Situation) => ComparedSide | { problem: string };
}

/** What side B can be: the session's profile, the default, those saved in this browser; each library scenario at this step. */
function options({ scenario, step, profile, library }: Omit<Props, 'situation' | 'setup' | 'temperatureUnit'>): {
  profiles: SideOption[];
  scenarios: SideOption[];
} {
  const profileSide = (label: string, thresholds: ThresholdValues) => (situation: Situation) => {
    const problem = validateThresholdValues(thresholds)[0];
    return problem
      ? { problem: `${label}: ${problem.key}: expected ${problem.expected}` }
      : underThresholds(situation, label, thresholds);
  };
  const profiles: SideOption[] = [
    { id: 'session', label: `profile ${profile.id} v${profile.version}, as opened`, thresholds: profile.values },
    { id: 'default', label: 'the default profile', thresholds: defaultThresholdValues },
    ...Object.entries(loadSavedProfiles()).map(([name, saved]) => ({
      id: `saved:${name}`,
      label: `saved profile ${name}`,
      thresholds: { ...defaultThresholdValues, ...saved.thresholds } as ThresholdValues,
    })),
  ].map(({ id, label, thresholds }) => ({ id, label, side: profileSide(label, thresholds) }));
  const scenarios = library.map((other) => ({
    id: `scenario:${other.id}`,
    label: other.id === scenario.id ? `${other.title} as scripted` : other.title,
    side: (situation: Situation) =>
      scenarioAtStep(other, step, profile, situation.thresholds, situation.nowUtc) ?? {
        problem: `${other.title} has no recommendation yet at step ${Math.min(step, other.events.length)}: nothing to compare.`,
      },
  }));
  return { profiles, scenarios };
}

const differsMark = (differs: boolean) => (differs ? '≠ differs' : 'same');

/**
 * The answer in force beside another: the same situation under another profile, or another scenario at
 * this step under the thresholds in force (so only its facts differ). The recommendation, the deciding
 * row, the limits and reported values that differ, each rule evaluation and flip point, with the
 * differences marked in words. Nothing is recorded; "Print" prints this comparison alone.
 */
export const SideBySide = memo(function SideBySide(props: Props) {
  const { situation, setup, temperatureUnit, scenario, step, profile, library } = props;
  const id = useId();
  const [choice, setChoice] = useState('');
  // The options are read again when the list is opened: a profile saved meanwhile is offered at once.
  const [readCount, reread] = useReducer((n: number) => n + 1, 0);
  // An edit changes the situation, not the options: the list is not drawn again for it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: readCount reads the saved profiles again
  const { profiles, scenarios } = useMemo(
    () => options({ scenario, step, profile, library }),
    [scenario, step, profile, library, readCount],
  );
  const chosen = [...profiles, ...scenarios].find((o) => o.id === choice);
  const sideB = useMemo(() => chosen?.side(situation) ?? null, [chosen, situation]);
  const comparison = useMemo(
    () => (sideB && !('problem' in sideB) ? compareSides({ label: 'in force now', situation }, sideB) : null),
    [sideB, situation],
  );
  const shown = (value: number | null, unit: string) => (value === null ? 'unknown' : displayValue(value, unit, temperatureUnit));
  // Both sides of a rule read at one resolution, so each verdict can be read off the numbers beside it.
  const readPair = (a: RuleEvaluation | null, b: RuleEvaluation | null) => {
    const readings = ruleReadings(
      [a, b].filter((e): e is RuleEvaluation => e !== null),
      temperatureUnit,
    );
    return { a: a && readings[0], b: b && readings[a ? 1 : 0] };
  };
  const result = (e: RuleEvaluation | null, reading: RuleReading | null | undefined) =>
    e && reading
      ? `${reading.value ?? 'unknown'} ${comparatorSymbol(e.comparator)} ${reading.limit}: ${statusWords[e.status].text}`
      : 'not reached';
  const flip = (f: FlipPoint | null) => (f ? thresholdFlipWords(f, shown) : 'none');
  const reported = (v: AssessedValue | null, unit: string) =>
    v
      ? `${shown(v.nominal, unit)}${v.low !== undefined || v.high !== undefined ? ` (${shown(v.low ?? v.nominal, unit)} to ${shown(v.high ?? v.nominal, unit)})` : ''} · ${v.source}`
      : 'not reported';
  return (
    <section className="compare" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Side by side: the answer in force and another profile or scenario</h3>
      <CompareBar
        profiles={profiles}
        scenarios={scenarios}
        step={step}
        choice={choice}
        onChoose={setChoice}
        onOpen={reread}
        printable={comparison !== null}
      />
      {sideB && 'problem' in sideB && (
        <p className="field-error" role="alert">
          {sideB.problem}
        </p>
      )}
      {comparison && sideB && !('problem' in sideB) && (
        <table className="compare-table" data-testid="comparison">
          <caption>
            In force now vs {comparison.b.label}:{' '}
            {comparison.outcomeDiffers ? 'the recommendation differs' : 'the same recommendation'}
          </caption>
          <ColumnHeads columns={['What', 'For', 'Tier', 'In force now', comparison.b.label, 'Same?']} />
          <tbody>
            <tr className={comparison.outcomeDiffers ? 'differs' : undefined} data-row="outcome">
              <th scope="row" colSpan={3}>
                Recommendation
              </th>
              <td>
                <OutcomeBadge outcome={comparison.a.recommendation.outcome} />
              </td>
              <td>
                <OutcomeBadge outcome={comparison.b.recommendation.outcome} />
              </td>
              <td>{differsMark(comparison.outcomeDiffers)}</td>
            </tr>
            <tr className={comparison.decidingRowDiffers ? 'differs' : undefined} data-row="deciding-row">
              <th scope="row" colSpan={3}>
                Deciding row
              </th>
              <td>{comparison.a.decidingRow}</td>
              <td>{comparison.b.decidingRow}</td>
              <td>{differsMark(comparison.decidingRowDiffers)}</td>
            </tr>
            {comparison.thresholds.map(([key, a, b]) => {
              const unit = thresholdDefinitionByKey.get(key)?.unit ?? '';
              return (
                <tr key={key} className="differs" data-row="threshold">
                  <th scope="row" colSpan={3}>
                    Limit: {thresholdName(key)}
                  </th>
                  <td>{shown(a, unit)}</td>
                  <td>{shown(b, unit)}</td>
                  <td>{differsMark(true)}</td>
                </tr>
              );
            })}
            {comparison.values.map(({ key, a, b }) => (
              <tr key={key} className="differs" data-row="value" data-key={key}>
                <th scope="row" colSpan={3}>
                  Reported: {quantityLabel(key)}
                </th>
                <td>{reported(a, quantityUnit(key))}</td>
                <td>{reported(b, quantityUnit(key))}</td>
                <td>{differsMark(true)}</td>
              </tr>
            ))}
            {comparison.evaluations.map(({ key, a, b, differs }) => {
              const e = (a ?? b) as RuleEvaluation;
              const readings = readPair(a, b);
              return (
                <tr key={key} className={differs ? 'differs' : undefined} data-row="rule" data-rule={e.ruleId}>
                  <th scope="row">{e.ruleId}</th>
                  <td>{evaluationSubject(e, a ? setup : sideB.situation.setup)}</td>
                  <td>{e.tier}</td>
                  <td>{result(a, readings.a)}</td>
                  <td>{result(b, readings.b)}</td>
                  <td>{differsMark(differs)}</td>
                </tr>
              );
            })}
            {comparison.flips.map(({ key, a, b, differs }) => (
              <tr key={`flip:${key}`} className={differs ? 'differs' : undefined} data-row="flip">
                <th scope="row" colSpan={3}>
                  What would change it: {thresholdName((a ?? b)?.thresholdKey ?? '')}
                </th>
                <td>{flip(a)}</td>
                <td>{flip(b)}</td>
                <td>{differsMark(differs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});

/** The choice of side B: drawn again when the options or the choice change, not on every edit. */
const CompareBar = memo(function CompareBar({
  profiles,
  scenarios,
  step,
  choice,
  onChoose,
  onOpen,
  printable,
}: {
  profiles: SideOption[];
  scenarios: SideOption[];
  step: number;
  choice: string;
  onChoose: (id: string) => void;
  onOpen: () => void;
  printable: boolean;
}) {
  return (
    <div className="compare-bar">
      <label>
        Compare with{' '}
        <select value={choice} onFocus={onOpen} onChange={(e) => onChoose(e.currentTarget.value)}>
          <option value="">choose a profile or a scenario…</option>
          <optgroup label="The same situation under another profile">
            {profiles.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={`Another scenario at step ${step}, under the thresholds in force`}>
            {scenarios.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      <span className="muted">Nothing is recorded.</span>
      {printable && (
        <button type="button" onClick={() => window.print()}>
          Print this comparison
        </button>
      )}
    </div>
  );
});
