import { useCallback, useEffect, useState } from 'react';
import { parsePublicKeyFile, publicKeyFile } from '../../files/keyFile';
import type { KeyStore, TrustedKey } from '../../files/keyStore';
import { readFileText } from '../../files/utf8Text';
import { publicHalf } from '../../record/signing';
import { rolesOf, trustListWarnings } from '../../record/trust';
import { filedProblemWords } from '../../reports/format';
import type { Actor } from '../../session/model';
import { downloadJson } from '../shared/download';
import { FieldProblem } from '../shared/FieldProblem';
import { JsonFileButton } from '../shared/JsonFileButton';

interface Props {
  keys: KeyStore;
  operator: Actor | null;
  /** Called when the list changes, so verdicts made against the old list are dropped. */
  onChanged: () => void;
}

/** The keys a packet's signatures are checked against: this browser's operators', and those imported. */
export function TrustedKeys({ keys, operator, onChanged }: Props) {
  const [trusted, setTrusted] = useState<TrustedKey[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = useCallback(() => keys.trustedKeys().then(setTrusted), [keys]);
  useEffect(() => {
    void reload();
  }, [reload]);
  const importKey = async (file: File) => {
    setNotice(null);
    const text = await readFileText(file, file.name);
    const parsed = text.ok ? await parsePublicKeyFile(file.name, text.value) : text;
    if (!parsed.ok) return setProblem(parsed.problems.map(filedProblemWords).join('; '));
    const outcome = await keys.trust(parsed.value);
    if (outcome.kind === 'refused') return setProblem(outcome.reason);
    setProblem(null);
    const key = parsed.value;
    if (outcome.kind === 'already') setNotice(`${key.name} (${key.role}) ${key.fingerprint} was already trusted.`);
    else if (outcome.alongside.length)
      setNotice(
        `A second key for ${key.name} (${key.role}) is now trusted beside ${outcome.alongside.map((k) => k.fingerprint).join(', ')}: each signs as that person. Remove the one that is not theirs.`,
      );
    await reload();
    onChanged();
  };
  const exportMine = async () => {
    if (!operator) return;
    downloadJson(`${operator.name.replace(/[^\w-]+/g, '-')}.pub.json`, publicKeyFile(publicHalf(await keys.signerFor(operator))));
  };
  const warnings = trustListWarnings(trusted);
  return (
    <details className="trusted-keys">
      <summary>
        Trusted keys ({trusted.length}){warnings.length ? `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}
      </summary>
      <ul aria-label="Trusted keys">
        {trusted.map((key) => (
          <li key={key.fingerprint}>
            {key.name}, {key.role} <code>{key.fingerprint}</code>
            {key.roles && rolesOf(key).join(', ') !== key.role ? ` (may sign as ${rolesOf(key).join(', ')})` : ''}
            {key.own ? (
              ' (an operator of this browser)'
            ) : (
              <button
                type="button"
                className="link"
                onClick={() => void keys.distrust(key.fingerprint).then(reload).then(onChanged)}
                aria-label={`Stop trusting ${key.name} (${key.fingerprint})`}
              >
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {warnings.length > 0 && (
        <ul aria-label="Trust list warnings" className="field-error">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <JsonFileButton label="Import a public key…" onFile={(file) => void importKey(file)} />{' '}
      <button type="button" disabled={!operator} onClick={() => void exportMine()}>
        Export my public key
      </button>
      {notice && <p role="status">{notice}</p>}
      {problem && <FieldProblem>Key not imported: {problem}</FieldProblem>}
    </details>
  );
}
