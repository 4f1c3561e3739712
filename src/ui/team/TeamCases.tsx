import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { teamApi } from '../../team/console/teamApi';
import { type CaseOffer, type KeepOutcome, offeredCases } from '../../team/console/teamCases';
import type { KeptCase } from '../../team/protocol';

interface Props {
  /** Cases opened in this console (from a file, or walked through from the editor): what it may keep on the server. */
  keepable: readonly Scenario[];
  /** Keeps a case on the server under the operator identified here (the editor keeps its draft through the same). */
  onKeep: (scenario: Scenario) => Promise<KeepOutcome>;
  onWalkThrough: (kept: KeptCase) => void;
  onCopy: (scenario: Scenario) => void;
}

type Listed = { kind: 'loading' } | { kind: 'failed'; words: string } | { kind: 'listed'; offers: CaseOffer[] };

/**
 * The cases the team keeps on its server, each verified before it is offered (signed by the registered
 * key that kept it), to walk through or copy into the editor; and a case opened here, kept for the team.
 */
export function TeamCases({ keepable, onKeep, onWalkThrough, onCopy }: Props) {
  const [listed, setListed] = useState<Listed>({ kind: 'loading' });
  const [kept, setKept] = useState<KeepOutcome | null>(null);
  const shown = useRef(true);
  const list = useCallback(async () => {
    const answer = await offeredCases(teamApi(''));
    if (!shown.current) return;
    setListed(answer.ok ? { kind: 'listed', offers: answer.offers } : { kind: 'failed', words: answer.words });
  }, []);
  useEffect(() => {
    shown.current = true;
    void list();
    return () => {
      shown.current = false;
    };
  }, [list]);
  const keep = async (scenario: Scenario) => {
    const outcome = await onKeep(scenario);
    if (!shown.current) return;
    setKept(outcome);
    if (outcome.ok) await list();
  };
  return (
    <section aria-labelledby="team-cases-title" className="team-cases">
      <h2 id="team-cases-title">Cases kept on this server</h2>
      <button type="button" onClick={() => void list()}>
        Refresh the cases
      </button>
      {listed.kind === 'loading' ? (
        <p className="muted" role="status">
          Reading the server’s cases…
        </p>
      ) : listed.kind === 'failed' ? (
        <p role="alert">{listed.words}</p>
      ) : listed.offers.length === 0 ? (
        <p className="muted">
          No case kept yet: open one of your own (a file, or a case written in the editor) and keep it here.
        </p>
      ) : (
        <ul aria-label="Cases kept on this server">
          {listed.offers.map((offer) =>
            offer.ok ? (
              <KeptCaseItem key={offer.kept.id} kept={offer.kept} onWalkThrough={onWalkThrough} onCopy={onCopy} />
            ) : (
              <li key={offer.id} className="problem">
                {offer.words}
              </li>
            ),
          )}
        </ul>
      )}
      <KeepACase keepable={keepable} onKeep={keep} kept={kept} />
    </section>
  );
}

function KeptCaseItem({ kept, onWalkThrough, onCopy }: { kept: KeptCase } & Pick<Props, 'onWalkThrough' | 'onCopy'>) {
  const { title, kind, keptBy, keptUtc, versions } = kept;
  return (
    <li>
      <strong>{title}</strong> <span className={`tag tag-${kind}`}>{kind}</span>, kept by {keptBy.name} ({keptBy.role},{' '}
      <code>{keptBy.fingerprint}</code>) at {keptUtc}, version {versions}{' '}
      <button type="button" onClick={() => onWalkThrough(kept)} aria-label={`Walk through ${title}, kept by ${keptBy.name}`}>
        Walk through
      </button>{' '}
      <button type="button" onClick={() => onCopy(kept.scenario)} aria-label={`Copy into the editor: ${title}`}>
        Copy into the editor
      </button>
    </li>
  );
}

function KeepACase({
  keepable,
  onKeep,
  kept,
}: {
  keepable: readonly Scenario[];
  onKeep: (scenario: Scenario) => Promise<void>;
  kept: KeepOutcome | null;
}) {
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const scenario = keepable.find((s) => s.id === chosen) ?? keepable[0];
  return (
    <div className="keep-a-case">
      {keepable.length === 0 ? (
        <p className="muted">A case opened here from a file, or walked through from the editor, can be kept for the team.</p>
      ) : (
        <>
          <label>
            Case to keep{' '}
            <select value={scenario?.id ?? ''} onChange={(e) => setChosen(e.currentTarget.value)}>
              {keepable.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            disabled={!scenario || busy}
            onClick={async () => {
              if (!scenario) return;
              setBusy(true);
              await onKeep(scenario);
              setBusy(false);
            }}
          >
            Keep on the server
          </button>
        </>
      )}
      <p role="status" data-testid="team-case-kept">
        {kept?.words}
      </p>
      {kept && !kept.ok && kept.problems.length > 0 && (
        <ul aria-label="What the server refused">
          {kept.problems.map((p) => (
            <li key={`${p.path}: ${p.expected}`}>
              <code>{p.path}</code>: expected {p.expected}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
