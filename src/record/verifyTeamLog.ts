/**
 * A packet exported from a team session carries where its entries were appended: each append signed
 * by its appender over the checkpoint they had seen, and the last checkpoint the exporting console
 * checked, signed by the server. Offline, without the server: every append signature holds; the
 * entries' Merkle tree (RFC 9162, the server's own leaves) has the checkpoint's root at its size; and
 * each countersigned checkpoint is the root of the log as it was when that append was made.
 */
import { appendMessage } from './appendClaim';
import { checkpointHolds, logLeafHash } from './checkpoint';
import { MerkleTree } from './merkle';
import type { DecisionPacket } from './packetSchema';
import { signatureHolds, type VerifyingKeys } from './signing';
import { type TeamLogFindings, tampered, type Verification } from './verdict';

export async function verifyTeamLog(
  packet: DecisionPacket,
  keys: VerifyingKeys = new Map(),
): Promise<{ ok: true; findings: TeamLogFindings | null } | { ok: false; verdict: Verification }> {
  const { teamLog, entries } = packet;
  if (!teamLog) return { ok: true, findings: null };
  const { sessionId, appends, checkpoint, serverKey } = teamLog;
  const refuse = (seq: number, reason: string) => ({ ok: false as const, verdict: tampered(seq, reason) });
  if (appends.length > entries.length)
    return refuse(entries.length, `the team log names ${appends.length} appends for ${entries.length} entries`);
  const tree = new MerkleTree();
  let countersigned = 0;
  for (const [i, append] of appends.entries()) {
    const entry = entries[i];
    if (!entry) break;
    const { seq, hash } = entry;
    const { checkpointSeen, signature, appendedBy } = append;
    if (checkpointSeen) {
      if (checkpointSeen.treeSize >= seq || tree.root(checkpointSeen.treeSize) !== checkpointSeen.rootHash)
        return refuse(
          seq,
          `its append countersigns a checkpoint of ${checkpointSeen.treeSize} entries that is not the log before it`,
        );
      countersigned++;
    }
    if (signature.fingerprint !== appendedBy)
      return refuse(seq, `its append is signed by ${signature.fingerprint}, not by its appender ${appendedBy}`);
    if (!(await signatureHolds(signature, appendMessage({ sessionId, seq, entryHash: hash, checkpointSeen }), keys)))
      return refuse(seq, `its append signature (by ${appendedBy}) does not hold`);
    tree.append(logLeafHash({ seq, hash, appendSignature: signature }));
  }
  if (checkpoint.log !== sessionId)
    return refuse(0, `the team log's checkpoint is of session ${checkpoint.log}, not ${sessionId}`);
  if (checkpoint.treeSize > appends.length)
    return refuse(
      appends.length,
      `the checkpoint covers ${checkpoint.treeSize} entries, the packet's team log ${appends.length}`,
    );
  if (!(await checkpointHolds(checkpoint, serverKey, keys)))
    return refuse(
      checkpoint.treeSize,
      `the team log's checkpoint is not signed by the server key it names (${serverKey.fingerprint})`,
    );
  if (tree.root(checkpoint.treeSize) !== checkpoint.rootHash)
    return refuse(
      checkpoint.treeSize,
      `the server's signed checkpoint of ${checkpoint.treeSize} entries is not the root of these entries: the log was changed after the server signed it`,
    );
  return {
    ok: true,
    findings: {
      appended: appends.length,
      checkpointSize: checkpoint.treeSize,
      serverFingerprint: serverKey.fingerprint,
      countersigned,
    },
  };
}
