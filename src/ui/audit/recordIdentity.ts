import type { DecisionPacket } from '../../record/ledger';
import type { Verification } from '../../record/verdict';

/** Which record a verdict checked: the record shown (session or imported file), its length and its head. */
export interface RecordIdentity {
  record: string;
  entryCount: number;
  headHash: string;
}

export function identityOf(record: string, packet: DecisionPacket): RecordIdentity {
  return { record, entryCount: packet.entryCount, headHash: packet.headHash };
}

const sameRecord = (a: RecordIdentity, b: RecordIdentity) =>
  a.record === b.record && a.entryCount === b.entryCount && a.headHash === b.headHash;

/** A verification result kept with what it checked: it says nothing about any other record. */
export interface Verdict {
  checked: RecordIdentity;
  result: Verification;
}

/** The verdict on the record shown now, if there is one: a verdict on an earlier state of it is not. */
export const verdictFor = (verdict: Verdict | null, shown: RecordIdentity | null): Verification | null =>
  verdict && shown && sameRecord(verdict.checked, shown) ? verdict.result : null;

/** `1a2b3c4d…9f0e`: enough to tell entries apart at a glance; the full value is one action away. */
export const shortHash = (hash: string) => (hash.length > 14 ? `${hash.slice(0, 8)}…${hash.slice(-4)}` : hash);
