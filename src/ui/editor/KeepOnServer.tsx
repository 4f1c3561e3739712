import { useState } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import type { KeepOutcome } from '../../team/console/teamCases';

/** Keeps the case for the team on the team server (a new version, signed by the operator), and says how that went. */
export function KeepOnServer({
  scenario,
  keep,
}: {
  scenario: Scenario | null;
  keep: (scenario: Scenario) => Promise<KeepOutcome>;
}) {
  const [outcome, setOutcome] = useState<KeepOutcome | { ok: null; words: string } | null>(null);
  return (
    <span className="draft-keep-on-server">
      <button
        type="button"
        disabled={!scenario || outcome?.ok === null}
        onClick={() => {
          if (!scenario) return;
          setOutcome({ ok: null, words: 'Keeping it on the team server…' });
          keep(scenario).then(setOutcome, (error: unknown) =>
            setOutcome({
              ok: false,
              words: `Not kept on the team server: ${error instanceof Error ? error.message : String(error)}`,
              problems: [],
            }),
          );
        }}
      >
        Keep on the team server
      </button>{' '}
      {outcome && (
        <span role="status" data-testid="draft-on-server" data-kept={String(outcome.ok)}>
          {outcome.words}
          {outcome.ok === false &&
            outcome.problems.map((p) => (
              <span key={`${p.path}:${p.expected}`}>
                {' '}
                {p.path.replace(/^scenario\./, '')}: {p.expected}.
              </span>
            ))}
        </span>
      )}
    </span>
  );
}
