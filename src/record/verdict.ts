/** A packet's verdict: verified (with what its signatures showed), or where and why not. */
import type { Actor } from '../session/model';
import type { PublicKeyRecord } from './signing';

/** What the signatures showed: who signed, and what is unsigned (only trustworthy with a trust list). */
export interface SignatureFindings {
  /** Keys that signed entries or the seal, each once. */
  signers: PublicKeyRecord[];
  signedEntries: number;
  /** Operators' entries without a signature (allowed only without a trust list). */
  unsignedEntries: number;
  sealed: boolean;
  /** Whether the signatures were checked against a list of trusted keys. */
  trustChecked: boolean;
  /** Who sealed the packet (absent: not sealed). */
  sealedBy?: Actor;
  /** The session's decision authority at its end (null: no operator and no scripted decision). */
  authority: Actor | null;
  /** What a reviewer must be told beside the verdict: a sealer other than the authority, a scenario not built in. */
  notes: string[];
}

/** What a packet's team log showed: how many entries the server's log holds, and what its checkpoint covers. */
export interface TeamLogFindings {
  appended: number;
  checkpointSize: number;
  serverFingerprint: string;
  /** Appends that countersigned a checkpoint (a vote on the log as its voter saw it). */
  countersigned: number;
}

export type Verification =
  | { ok: true; entryCount: number; headHash: string; signatures?: SignatureFindings; teamLog?: TeamLogFindings }
  /**
   * `tampered`: altered, dropped, added or unsigned where a signature is required; `untrusted`: signed
   * by a key not trusted for its actor; `other-logic`: intact and signed, but this build cannot replay
   * the entry (another decision-logic version).
   */
  | { ok: false; seq: number; reason: string; kind: 'tampered' | 'untrusted' | 'other-logic' };

export const tampered = (seq: number, reason: string): Verification => ({ ok: false, seq, reason, kind: 'tampered' });
export const untrusted = (seq: number, reason: string): Verification => ({ ok: false, seq, reason, kind: 'untrusted' });
