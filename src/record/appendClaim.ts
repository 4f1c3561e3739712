/** What a team console signs to append an entry: which session, which place in it, which entry, and the checkpoint it had seen. */
import { canonicalJson } from '../session/canonicalJson';
import type { CheckpointSeen } from './packetSchema';

export interface AppendClaim {
  sessionId: string;
  seq: number;
  entryHash: string;
  checkpointSeen: CheckpointSeen;
}

export const appendMessage = (claim: AppendClaim) => `crew-return/append/v1:${canonicalJson(claim)}`;
