/**
 * Cases a team keeps on its server, as a console keeps and reads them. A case is kept signed by the
 * operator's own key (registered on the server first, as an append's is), and offered to walk through
 * or copy only once verified: signed by the registered key the server names as its keeper, over the
 * very scenario the server gives. What the server lists beside it (when, how many versions) is its word.
 */
import type { Scenario } from '../../../scenarios/schema';
import {
  type PublicKeyRecord,
  type Signer,
  sameKey,
  sign,
  signatureHolds,
  signedBy,
  type VerifyingKeys,
} from '../../record/signing';
import { caseSigningMessage, type KeptCase, type RequestProblem } from '../protocol';
import { registerKeyRequest } from './signedRequests';
import type { TeamApi } from './teamApi';

export type KeepOutcome =
  | { ok: true; kept: KeptCase; words: string }
  /** `problems`: the fields the server refused, each with what it expected (none when the refusal was not about a field). */
  | { ok: false; words: string; problems: RequestProblem[] };

/** Keeps `scenario` on the server as a new version, signed by `signer` (whose key is registered first). */
export async function keepCase(api: TeamApi, signer: Signer, scenario: Scenario): Promise<KeepOutcome> {
  const registered = await api.registerKey(await registerKeyRequest(signer));
  if (!registered.ok) return { ok: false, words: registered.failure.words, problems: [] };
  const signature = await sign(signer, caseSigningMessage(scenario));
  const kept = await api.keepCase({ scenario, keyId: signer.fingerprint, signature });
  if (!kept.ok) {
    const { failure } = kept;
    return { ok: false, words: failure.words, problems: failure.kind === 'invalid' ? failure.problems : [] };
  }
  const { versions, title } = kept.value;
  return {
    ok: true,
    kept: kept.value,
    words: `“${title}” is kept on the team server (version ${versions}), signed by ${signedBy(signer)}.`,
  };
}

/** Why a case the server gives is not offered, in words; null when it verifies. */
async function keptCaseProblem(
  kept: KeptCase,
  registered: readonly PublicKeyRecord[],
  keys: VerifyingKeys = new Map(),
): Promise<string | null> {
  const { signature, scenario, keptBy } = kept;
  const key = registered.find((k) => k.fingerprint === signature.fingerprint);
  if (!key) return `it is signed by ${signature.fingerprint}, a key not registered on this server.`;
  if (!sameKey(key, signature)) return `its signature names another key than the one registered as ${key.fingerprint}.`;
  if (!sameKey(keptBy, signature) || keptBy.name !== key.name || keptBy.role !== key.role)
    return `the server says ${signedBy(keptBy)} kept it, but it is signed by ${signedBy(key)}.`;
  if (!(await signatureHolds(signature, caseSigningMessage(scenario), keys)))
    return `its signature by ${signedBy(key)} does not hold over the scenario the server gives: it was altered on the server, or forged.`;
  if (kept.id !== scenario.id || kept.title !== scenario.title || kept.kind !== scenario.kind)
    return `the server lists it as “${kept.title}” (${kept.id}, ${kept.kind}), but the signed scenario is “${scenario.title}” (${scenario.id}, ${scenario.kind}).`;
  return null;
}

/** A case of the server's list: verified and offered, or not, and why. */
export type CaseOffer = { ok: true; kept: KeptCase } | { ok: false; id: string; words: string };

/** The server's cases, each read at its latest version and verified against the keys registered there. */
export async function offeredCases(api: TeamApi): Promise<{ ok: true; offers: CaseOffer[] } | { ok: false; words: string }> {
  const [listed, registered] = await Promise.all([api.keptCases(), api.keys()]);
  if (!listed.ok) return { ok: false, words: listed.failure.words };
  if (!registered.ok) return { ok: false, words: registered.failure.words };
  const keys: VerifyingKeys = new Map();
  const offers = await Promise.all(
    listed.value.map(async ({ id }): Promise<CaseOffer> => {
      const read = await api.keptCase(id);
      if (!read.ok) return { ok: false, id, words: `Case ${id} is not offered: ${read.failure.words}` };
      const problem =
        read.value.id === id ? await keptCaseProblem(read.value, registered.value, keys) : 'the server gave another case.';
      return problem ? { ok: false, id, words: `Case ${id} is not offered: ${problem}` } : { ok: true, kept: read.value };
    }),
  );
  return { ok: true, offers };
}
