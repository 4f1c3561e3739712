import type { Scenario } from '../../../scenarios/schema';
import type { Signer } from '../../record/signing';
import { teamApi } from '../../team/console/teamApi';
import { type KeepOutcome, keepCase } from '../../team/console/teamCases';

export type { KeepOutcome };

/**
 * Keeps `scenario` on the team server that served this page, as a new version signed by `signer` (the
 * operator identified here; null: nobody is, and nothing is sent). The outcome's words are for the
 * screen; a refusal names each field the server refused, as the editor shows problems.
 */
export async function keepCaseOnServer(scenario: Scenario, signer: Signer | null): Promise<KeepOutcome> {
  if (!signer)
    return { ok: false, words: 'Identify first (Identify, at the top): a case is kept signed by your own key.', problems: [] };
  return keepCase(teamApi(''), signer, scenario);
}
