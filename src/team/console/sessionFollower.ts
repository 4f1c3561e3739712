/**
 * The console's verified view of one session's log. It starts from the session's genesis (signed by
 * the decision authority), takes the authority's signed admissions, and accepts each stored entry only
 * when it is the next one, chained to the head, hashed and signed as it says, and appended by an
 * admitted key that signed the append. Anything else is an alarm naming the entry, in words; the server
 * is not believed on any point a signature or hash can settle.
 */

import { logLeafHash } from '../../record/checkpoint';
import { type AuditEntry, genesisHash } from '../../record/ledger';
import { MerkleTree } from '../../record/merkle';
import { type PublicKeyRecord, sameKey, signatureHolds, type VerifyingKeys } from '../../record/signing';
import { canonicalJson } from '../../session/canonicalJson';
import type { ThresholdProfile } from '../../session/profile';
import { type Admission, admissionMessage, type SessionDetail, type StoredEntry, sessionGenesisMessage } from '../protocol';
import { countersignProblem, type EntryCheck, nextEntryProblem } from './entryCheck';

/** What failed, for code; `words` say it to the person at the console. */
type AlarmCheck = 'genesis' | 'admission' | 'changed' | EntryCheck;

export interface FollowerAlarm {
  check: AlarmCheck;
  /** The entry refused; null for the genesis or an admission. */
  seq: number | null;
  words: string;
}

export type Received =
  | { kind: 'accepted'; seq: number }
  /** Already held, identical: nothing to do. */
  | { kind: 'duplicate'; seq: number }
  /** Entries are missing before this one: fetch those after `heldThrough` and offer them first. */
  | { kind: 'gap'; seq: number; heldThrough: number }
  | { kind: 'alarm'; alarm: FollowerAlarm };

export type Opened = { ok: true; follower: SessionFollower } | { ok: false; alarm: FollowerAlarm };
export type Admitted = { ok: true } | { ok: false; alarm: FollowerAlarm };

const refused = (check: AlarmCheck, seq: number | null, words: string) => ({ check, seq, words });

/** What an entry's append signature covers, and what a duplicate must repeat: everything but the server's own clock. */
const signedPart = ({ entry, appendedBy, checkpointSeen, signature }: StoredEntry) =>
  canonicalJson({ entry, appendedBy, checkpointSeen, signature });

export class SessionFollower {
  readonly #detail: SessionDetail;
  readonly #admitted = new Map<string, PublicKeyRecord>();
  readonly #held: StoredEntry[] = [];
  readonly #tree = new MerkleTree();
  readonly #keys: VerifyingKeys = new Map();
  // Entries and admissions are checked one at a time, in the order offered: checks are asynchronous.
  #turn: Promise<unknown> = Promise.resolve();

  private constructor(detail: SessionDetail) {
    this.#detail = detail;
    this.#admitted.set(detail.authority.fingerprint, detail.authority);
  }

  /**
   * A follower of `detail`'s session, once its genesis holds: the genesis hash is the scenario's and
   * profile's, signed by the authority it names (and, given `trustedAuthority`, the one this console trusts).
   */
  static async open(detail: SessionDetail, trustedAuthority?: string): Promise<Opened> {
    const genesis = (words: string): Opened => ({ ok: false, alarm: refused('genesis', null, words) });
    const { authority } = detail;
    if (trustedAuthority !== undefined && authority.fingerprint !== trustedAuthority)
      return genesis(
        `Session ${detail.id} is under the authority of ${authority.name} (${authority.fingerprint}), not the key this console trusts (${trustedAuthority}).`,
      );
    const hash = await genesisHash(detail.scenario, detail.profile as ThresholdProfile);
    if (hash !== detail.genesisHash)
      return genesis(`Session ${detail.id}'s genesis hash is not the hash of its scenario and profile: do not trust it.`);
    const message = sessionGenesisMessage({
      sessionId: detail.id,
      title: detail.title,
      genesisHash: hash,
      openedUtc: detail.openedUtc,
      authorityFingerprint: authority.fingerprint,
    });
    if (!sameKey(authority, detail.genesisSignature) || !(await signatureHolds(detail.genesisSignature, message)))
      return genesis(
        `Session ${detail.id}'s opening is not signed by its authority (${authority.fingerprint}): do not trust it.`,
      );
    return { ok: true, follower: new SessionFollower(detail) };
  }

  get sessionId(): string {
    return this.#detail.id;
  }
  get detail(): SessionDetail {
    return this.#detail;
  }
  /** Entries held (the last seq held). */
  get size(): number {
    return this.#held.length;
  }
  get headHash(): string {
    return this.#held.at(-1)?.entry.hash ?? this.#detail.genesisHash;
  }
  get stored(): readonly StoredEntry[] {
    return this.#held;
  }
  get entries(): AuditEntry[] {
    return this.#held.map((s) => s.entry);
  }
  /** Keys admitted to the session, the authority's included. */
  get admitted(): ReadonlyMap<string, PublicKeyRecord> {
    return this.#admitted;
  }
  /** The Merkle root of the first `size` entries held (RFC 9162), to hold a checkpoint against. */
  rootAt(size = this.size): string {
    return this.#tree.root(size);
  }
  /** The consistency proof between two sizes of the log held. */
  consistencyProof(fromSize: number, toSize = this.size): string[] {
    return this.#tree.consistencyProof(fromSize, toSize);
  }

  admit(admission: Admission): Promise<Admitted> {
    return this.#inTurn(() => this.#admit(admission));
  }

  receive(stored: StoredEntry): Promise<Received> {
    return this.#inTurn(() => this.#receive(stored));
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#turn.then(work, work);
    this.#turn = run.catch(() => undefined);
    return run;
  }

  async #admit(admission: Admission): Promise<Admitted> {
    const { authority, id } = this.#detail;
    const { admitted } = admission;
    const known = this.#admitted.get(admitted.fingerprint);
    const signed =
      admission.sessionId === id &&
      admission.admittedBy === authority.fingerprint &&
      sameKey(authority, admission.signature) &&
      (await signatureHolds(
        admission.signature,
        admissionMessage({ sessionId: id, admitted, admittedUtc: admission.admittedUtc }),
        this.#keys,
      ));
    if (!signed)
      return {
        ok: false,
        alarm: refused(
          'admission',
          null,
          `The admission of ${admitted.name} (${admitted.fingerprint}) is not signed by the session's authority (${authority.fingerprint}): that key is not admitted here.`,
        ),
      };
    if (known && (!sameKey(known, admitted) || known.name !== admitted.name || known.role !== admitted.role))
      return {
        ok: false,
        alarm: refused(
          'admission',
          null,
          `Two different keys claim the fingerprint ${admitted.fingerprint}: neither is trusted anew.`,
        ),
      };
    this.#admitted.set(admitted.fingerprint, admitted);
    return { ok: true };
  }

  async #receive(stored: StoredEntry): Promise<Received> {
    const { entry } = stored;
    const { seq } = entry;
    const alarm = (check: AlarmCheck, words: string): Received => ({
      kind: 'alarm',
      alarm: refused(check, seq, `Entry ${seq}: ${words} This console does not show it.`),
    });
    const held = this.#held[seq - 1];
    if (held)
      return signedPart(held) === signedPart(stored)
        ? { kind: 'duplicate', seq }
        : alarm('changed', 'the server sent it again, different from the one this console verified before.');
    if (seq > this.size + 1) return { kind: 'gap', seq, heldThrough: this.size };

    const problem =
      (await nextEntryProblem(this.#detail, this.#admitted, this.headHash, stored, this.#keys)) ??
      countersignProblem(stored, (size) => this.#tree.root(size));
    if (problem) return alarm(problem.check, problem.words);

    this.#held.push(stored);
    this.#tree.append(logLeafHash({ seq, hash: entry.hash, appendSignature: stored.signature }));
    return { kind: 'accepted', seq };
  }
}
