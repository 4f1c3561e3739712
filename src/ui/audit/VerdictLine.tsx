import type { Verification } from '../../record/verdict';
import { teamLogLine } from '../../reports/teamLogWords';
import { shortHash } from './recordIdentity';

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Sealed by Ben Night (flight director), not by the session's decision authority Ana Flight (flight director)." and the like. */
function authorshipSentence(verdict: Extract<Verification, { ok: true }>): string {
  const s = verdict.signatures;
  if (!s) return '';
  const parts = [
    s.sealedBy ? `Sealed by ${s.sealedBy.name} (${s.sealedBy.role})` : 'Not sealed',
    ...(s.authority ? [`decision authority ${s.authority.name} (${s.authority.role})`] : []),
    ...s.notes,
  ];
  const trust = s.trustChecked ? '' : ' Authorship not checked: no trusted keys.';
  return ` ${parts.join('; ')}.${trust}`;
}

/** The verdict on the record shown; the caller passes none when it was given on another record or an earlier state of this one. */
export function VerdictLine({ verdict }: { verdict: Verification | null }) {
  return (
    <p role="status" className={`audit-verdict ${verdict?.ok ? 'verified' : 'field-error'}`}>
      {verdict === null
        ? ''
        : verdict.ok
          ? `Verified ${verdict.entryCount} entries: chain intact and every state reproduced by replay. Head ${shortHash(verdict.headHash)}.${authorshipSentence(verdict)}${verdict.teamLog ? ` ${upperFirst(teamLogLine(verdict.teamLog))}.` : ''}`
          : `Verification failed at entry ${verdict.seq}: ${verdict.reason}`}
    </p>
  );
}
