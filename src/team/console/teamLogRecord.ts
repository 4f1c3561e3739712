/** What a packet exported from a team session carries of its log (types only: the audit screen builds it without loading the console). */
import type { ServerKey } from '../../record/checkpoint';
import type { TeamLogRecord } from '../../record/packetSchema';
import type { TeamView } from './teamConsole';

/** What an exported packet carries of the team log, to be verified offline; null before the console checked a checkpoint. */
export function teamLogRecord(view: TeamView, serverKey: ServerKey): TeamLogRecord | null {
  const { checkpoint, appends, sessionId } = view;
  if (!checkpoint || checkpoint.treeSize > appends.length) return null;
  return {
    sessionId,
    serverKey: { fingerprint: serverKey.fingerprint, publicKey: serverKey.publicKey },
    appends: [...appends],
    checkpoint,
  };
}
