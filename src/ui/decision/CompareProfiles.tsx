import { useId, useMemo, useState } from 'react';
import { comparatorSymbol, thresholdFlipWords, thresholdName } from '../../reports/describe';
import { type ComparedSide, compareThresholds } from '../../session/compare';
import { evaluationSubject } from '../../session/decisionRecord';
import {
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
  situation: Situation;
  /** The thresholds in force now: side A. */
  inForce: ThresholdValues;
  /** The profile the session was opened with. */
  profile: ThresholdProfile;
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

/** The profiles side B can be: the session's, the default, and those saved in this browser (over the default). */
function sides(profile: ThresholdProfile): (ComparedSide & { id: string })[] {
  return [
    { id: 'session', label: `profile ${profile.id} v${profile.version}, as opened`, thresholds: profile.values },
    { id: 'default', label: 'the default profile', thresholds: defaultThresholdValues },
    ...Object.entries(loadSavedProfiles()).map(([name, saved]) => ({
      id: `saved:${name}`,
      label: `saved profile ${name}`,
      thresholds: { ...defaultThresholdValues, ...saved.thresholds } as ThresholdValues,
    })),
  ];
}

const differsMark = (differs: boolean) => (differs ? '≠ differs' : 'same');

/**
 * The same situation judged under the thresholds in force and under another profile, side by side:
 * the recommendation, the deciding row, each rule evaluation and flip point, with the differences
 * marked in words. Nothing is recorded.
 */
export function CompareProfiles({ situation, inForce, profile, setup, temperatureUnit }: Props) {
  const id = useId();
  const [choice, setChoice] = useState('');
  // Read at each render: a profile saved meanwhile in the thresholds panel is offered at once.
  const options = sides(profile);
  const chosen = options.find((o) => o.id === choice);
  const problem = chosen ? validateThresholdValues(chosen.thresholds)[0] : undefined;
  const comparison = useMemo(
    () => (chosen && !problem ? compareThresholds(situation, { label: 'in force now', thresholds: inForce }, chosen) : null),
    [chosen, problem, situation, inForce],
  );
  const shown = (value: number | null, unit: string) => (value === null ? 'unknown' : displayValue(value, unit, temperatureUnit));
  const result = (e: RuleEvaluation | null) =>
    e ? `${comparatorSymbol(e.comparator)} ${shown(e.threshold, e.unit)}: ${statusWords[e.status].text}` : 'not reached';
  const flip = (f: FlipPoint | null) => (f ? thresholdFlipWords(f, shown) : 'none');
  return (
    <section className="compare" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Side by side: the thresholds in force and another profile</h3>
      <label>
        Compare with{' '}
        <select value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="">choose a profile…</option>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <span className="muted"> Nothing is recorded.</span>
      {problem && (
        <p className="field-error" role="alert">
          {chosen?.label}: {problem.key}: expected {problem.expected}
        </p>
      )}
      {comparison && (
        <table className="compare-table" data-testid="comparison">
          <caption>
            In force now vs {comparison.b.label}:{' '}
            {comparison.outcomeDiffers ? 'the recommendation differs' : 'the same recommendation'}
          </caption>
          <ColumnHeads columns={['What', 'For', 'Tier', 'Value', 'In force now', comparison.b.label, 'Same?']} />
          <tbody>
            <tr className={comparison.outcomeDiffers ? 'differs' : undefined} data-row="outcome">
              <th scope="row" colSpan={4}>
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
              <th scope="row" colSpan={4}>
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
                  <th scope="row" colSpan={4}>
                    Limit: {thresholdName(key)}
                  </th>
                  <td>{shown(a, unit)}</td>
                  <td>{shown(b, unit)}</td>
                  <td>{differsMark(true)}</td>
                </tr>
              );
            })}
            {comparison.evaluations.map(({ key, a, b, differs }) => {
              const e = (a ?? b) as RuleEvaluation;
              return (
                <tr key={key} className={differs ? 'differs' : undefined} data-row="rule" data-rule={e.ruleId}>
                  <th scope="row">{e.ruleId}</th>
                  <td>{evaluationSubject(e, setup)}</td>
                  <td>{e.tier}</td>
                  <td>{shown(e.value, e.unit)}</td>
                  <td>{result(a)}</td>
                  <td>{result(b)}</td>
                  <td>{differsMark(differs)}</td>
                </tr>
              );
            })}
            {comparison.flips.map(({ key, a, b, differs }) => (
              <tr key={`flip:${key}`} className={differs ? 'differs' : undefined} data-row="flip">
                <th scope="row" colSpan={4}>
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
}
