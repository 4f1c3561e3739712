import type { Verification } from '../../record/verify';
import { shortHash } from './recordIdentity';

/** The verdict on the record shown; the caller passes none when it was given on another record or an earlier state of this one. */
export function VerdictLine({ verdict }: { verdict: Verification | null }) {
  return (
    <p role="status" className={`audit-verdict ${verdict?.ok ? 'verified' : 'field-error'}`}>
      {verdict === null
        ? ''
        : verdict.ok
          ? `Verified ${verdict.entryCount} entries: chain intact and every state reproduced by replay. Head ${shortHash(verdict.headHash)}`
          : `Verification failed at entry ${verdict.seq}: ${verdict.reason}`}
    </p>
  );
}
