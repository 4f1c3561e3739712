import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { parsePartialProfile } from '../../files/profileFile';
import { readFileText } from '../../files/utf8Text';
import { filedProblemWords } from '../../reports/format';
import {
  defaultThresholdValues,
  type PartialThresholdValues,
  type ThresholdDefinition,
  type ThresholdKey,
  type ThresholdValues,
  thresholdDefinitions,
  thresholdValue,
} from '../../session/model';
import { changedFrom, type ThresholdProfile } from '../../session/profile';
import { ColumnHeads } from '../shared/ColumnHeads';
import { downloadJson } from '../shared/download';
import { FieldProblem } from '../shared/FieldProblem';
import { JsonFileButton } from '../shared/JsonFileButton';
import { SourceRef } from '../shared/SourceRef';
import { loadSavedProfiles, saveProfile } from '../shared/savedProfiles';
import { displayValue, type TemperatureUnit } from '../shared/units';
import { ThresholdInput } from './ThresholdInput';

interface Props {
  /** The session's profile: named always, with how many values in force differ from it. */
  profile: ThresholdProfile;
  thresholds: ThresholdValues;
  temperatureUnit: TemperatureUnit;
  refusal: string | null;
  /** Why no change can be recorded now (review, replay): the fields are disabled and this says why. */
  readOnly: string | null;
  /** The session's answer to whether this change would be recorded: why not, or null. */
  refusalOf: (key: ThresholdKey, value: number) => string | null;
  onChange: (key: ThresholdKey, value: number, reason: string) => void;
  onSet: (values: PartialThresholdValues, reason: string) => void;
}

/** Memoized: the detail's render one frame after an edit passes it the same props, and skips it. */
export const ThresholdsPanel = memo(function ThresholdsPanel({
  profile,
  thresholds,
  temperatureUnit,
  refusal,
  readOnly,
  refusalOf,
  onChange,
  onSet,
}: Props) {
  const [reason, setReason] = useState('');
  const differing = changedFrom(profile.values, thresholds).length;
  const [openSource, setOpenSource] = useState<string | null>(null);
  const [saved, setSaved] = useState(loadSavedProfiles);
  const [profileName, setProfileName] = useState('');
  const [selected, setSelected] = useState('');
  const [importProblem, setImportProblem] = useState<string | null>(null);
  // The rows get stable callbacks reading the latest values, so an edit re-renders only its own row.
  const latest = useRef({ thresholds, reason, refusalOf, onChange });
  useLayoutEffect(() => {
    latest.current = { thresholds, reason, refusalOf, onChange };
  });
  // The field last committed: where a refusal from the session (review mode, a replay) is shown.
  const [lastKey, setLastKey] = useState<string | null>(null);
  const commit = useCallback((key: ThresholdKey, value: number) => {
    const { thresholds, reason, refusalOf, onChange } = latest.current;
    setLastKey(key);
    if (thresholdValue(thresholds, key) === value) return null;
    const refusal = refusalOf(key, value);
    if (!refusal) {
      onChange(key, value, reason.trim());
      // A reason belongs to the one change it was typed for.
      setReason('');
    }
    return refusal && `Not applied: ${refusal}.`;
  }, []);
  const toggleSource = useCallback((key: string) => setOpenSource((open) => (open === key ? null : key)), []);

  // A whole set (reset, a profile loaded): its refusal is said beside those buttons, and the reason is used up.
  const setAll = (values: PartialThresholdValues, why: string) => {
    setLastKey(null);
    onSet(values, why);
    setReason('');
  };
  const importFile = async (file: File) => {
    const text = await readFileText(file, file.name);
    const parsed = text.ok ? parsePartialProfile(file.name, text.value) : text;
    if (!parsed.ok) return setImportProblem(parsed.problems.map(filedProblemWords).join('\n'));
    setImportProblem(null);
    setAll({ ...thresholds, ...parsed.value.thresholds }, `profile file ${file.name} loaded`);
  };

  return (
    <section aria-labelledby="thresholds-title" className="thresholds">
      <h3 id="thresholds-title">Acceptance thresholds</h3>
      <p className="profile-in-force" data-testid="profile-in-force">
        Profile <strong>{profile.id}</strong> v{profile.version}
        {differing === 0 ? ', as saved' : `, ${differing} value${differing > 1 ? 's' : ''} changed from it`}
      </p>
      {readOnly && (
        <p className="read-only-note" data-testid="thresholds-read-only">
          Read-only: {readOnly}.
        </p>
      )}
      <fieldset className="threshold-fields" disabled={readOnly !== null}>
        <label className="reason">
          Reason for changes (optional) <input value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        </label>
        <table>
          <ColumnHeads columns={['Threshold', 'Value', 'Default']} />
          <tbody>
            {thresholdDefinitions.map((d) => (
              <ThresholdRow
                key={d.key}
                definition={d}
                value={thresholds[d.key] ?? d.defaultValue}
                temperatureUnit={temperatureUnit}
                sourceOpen={openSource === d.key}
                onToggleSource={toggleSource}
                onCommit={commit}
                refusal={lastKey === d.key ? refusal : null}
              />
            ))}
          </tbody>
        </table>
      </fieldset>
      {refusal && lastKey === null && <p className="field-error">Not recorded: {refusal}</p>}
      <div className="profile-actions">
        <button
          type="button"
          disabled={readOnly !== null}
          onClick={() => setAll({ ...defaultThresholdValues }, reason.trim() || 'reset to defaults')}
        >
          Reset to defaults
        </button>
        <label>
          Profile name <input value={profileName} onChange={(e) => setProfileName(e.currentTarget.value)} />
        </label>
        <button
          type="button"
          disabled={!profileName.trim()}
          onClick={() => setSaved(saveProfile(profileName.trim(), thresholds))}
        >
          Save profile
        </button>
        <button
          type="button"
          onClick={() => {
            const id = profileName.trim() || 'custom';
            downloadJson(`${id}.thresholds.json`, { id, version: saved[id]?.version ?? '1', thresholds });
          }}
        >
          Export JSON
        </button>
        <label>
          Saved profiles{' '}
          <select value={selected} onChange={(e) => setSelected(e.currentTarget.value)}>
            <option value="">—</option>
            {Object.keys(saved).map((name) => (
              <option key={name} value={name}>
                {name} v{saved[name]?.version}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={!saved[selected] || readOnly !== null}
          onClick={() =>
            setAll({ ...thresholds, ...saved[selected]?.thresholds }, `profile ${selected} v${saved[selected]?.version} loaded`)
          }
        >
          Load
        </button>
        <JsonFileButton label="Import JSON…" disabled={readOnly !== null} onFile={(file) => void importFile(file)} />
      </div>
      {importProblem && <FieldProblem>Profile not loaded: {importProblem}</FieldProblem>}
    </section>
  );
});

interface RowProps {
  definition: ThresholdDefinition;
  value: number;
  temperatureUnit: TemperatureUnit;
  sourceOpen: boolean;
  onToggleSource: (key: string) => void;
  onCommit: (key: ThresholdKey, value: number) => string | null;
  /** Why the session did not record this field's last change, if it did not. */
  refusal: string | null;
}

const ThresholdRow = memo(function ThresholdRow({
  definition: d,
  value,
  temperatureUnit,
  sourceOpen,
  onToggleSource,
  onCommit,
  refusal,
}: RowProps) {
  return (
    <tr>
      <th scope="row">
        <label htmlFor={`threshold-${d.key}`}>
          {d.label}
          {d.tier && <span className="tier"> ({d.tier})</span>}
        </label>
        <button
          type="button"
          className="source-toggle"
          aria-expanded={sourceOpen}
          aria-controls={`${d.key}-source`}
          aria-label={`source of ${d.label}${d.tier ? ` (${d.tier})` : ''}`}
          onClick={() => onToggleSource(d.key)}
        >
          source
        </button>
        {sourceOpen && (
          <p id={`${d.key}-source`} className="source">
            <SourceRef sourceKey={d.source} />: {d.basis}
          </p>
        )}
      </th>
      <td>
        <ThresholdInput definition={d} value={value} temperatureUnit={temperatureUnit} onCommit={onCommit} />
        {refusal && <FieldProblem>Not recorded: {refusal}</FieldProblem>}
      </td>
      <td className={value === d.defaultValue ? 'muted' : 'changed'}>
        {displayValue(d.defaultValue, d.unit, temperatureUnit)}
        {/* Always laid out, shown only when changed: an edit restyles the cell, nothing moves. */}
        <span className="changed-mark"> (changed)</span>
      </td>
    </tr>
  );
});
