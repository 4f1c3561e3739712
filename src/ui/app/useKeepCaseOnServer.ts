import { useMemo } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import type { KeyStore } from '../../files/keyStore';
import type { KeepOutcome } from '../../team/console/teamCases';
import { AppActor } from './appActor';

/**
 * Keeps a case on the team server under the operator identified in this page (nobody identified: the
 * outcome says to identify first). Null when no team server served the page. The library's list of
 * the team's cases and the editor keep a case through this one function.
 */
export function useKeepCaseOnServer(keys: KeyStore): ((scenario: Scenario) => Promise<KeepOutcome>) | null {
  const teamMode = AppActor.useSelector((s) => s.context.team !== null);
  const operator = AppActor.useSelector((s) => s.context.operator);
  return useMemo(
    () =>
      teamMode
        ? async (scenario: Scenario) => {
            const [{ keepCaseOnServer }, signer] = await Promise.all([
              // The team's code comes only with a team server, and only when first needed.
              import('../team'),
              operator ? keys.signerFor(operator).catch(() => null) : null,
            ]);
            return keepCaseOnServer(scenario, signer);
          }
        : null,
    [teamMode, operator, keys],
  );
}
