/** The requests a console signs with its operator's key: registering it, opening a session under it, admitting another. */
import { genesisHash } from '../../record/ledger';
import { type PublicKeyRecord, publicHalf, type Signer, sign } from '../../record/signing';
import type { ThresholdProfile } from '../../session/profile';
import {
  type AdmissionRequest,
  admissionMessage,
  type CreateSessionRequest,
  keyRegistrationMessage,
  type RegisterKeyRequest,
  sessionGenesisMessage,
} from '../protocol';
import type { SessionBasis } from './logWalkthrough';

export async function registerKeyRequest(signer: Signer): Promise<RegisterKeyRequest> {
  const key = publicHalf(signer);
  return { key, signature: await sign(signer, keyRegistrationMessage(key)) };
}

/** A new session of `basis` under `authority`, who signs its genesis. */
export async function openSessionRequest(basis: SessionBasis, title: string, authority: Signer): Promise<CreateSessionRequest> {
  const id = crypto.randomUUID();
  const hash = await genesisHash(basis.scenario, basis.profile as ThresholdProfile);
  const message = sessionGenesisMessage({
    sessionId: id,
    title,
    genesisHash: hash,
    openedUtc: basis.openedUtc,
    authorityFingerprint: authority.fingerprint,
  });
  return {
    id,
    title,
    scenario: basis.scenario,
    profile: basis.profile,
    openedUtc: basis.openedUtc,
    authority: publicHalf(authority),
    genesisSignature: await sign(authority, message),
  };
}

export async function admissionRequest(
  sessionId: string,
  admitted: PublicKeyRecord,
  authority: Signer,
  admittedUtc: string,
): Promise<AdmissionRequest> {
  const message = admissionMessage({ sessionId, admitted: publicHalf(admitted), admittedUtc });
  return { admitted: admitted.fingerprint, admittedUtc, signature: await sign(authority, message) };
}
