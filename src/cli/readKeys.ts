import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePrivateKeyFile, parsePublicKeyFile } from '../files/keyFile';
import { type Signer, signerFromPrivateKeyFile } from '../record/signing';
import type { TrustedKeyRecord } from '../record/trust';
import type { InputProblem, Parsed } from '../session/inputProblem';
import { readText } from './readText';
import { errorCode, errorMessage } from './thrown';

/** The trusted public keys: one `.pub.json` file, or every one in a folder (each fingerprint checked against its key). */
export async function readTrustedKeys(path: string): Promise<Parsed<TrustedKeyRecord[]>> {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.pub.json'))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    return {
      ok: false,
      problems: [
        {
          file: path,
          path: '(file)',
          expected: `a public key file or a folder of them (${errorCode(error) ?? 'error'})`,
        },
      ],
    };
  }
  if (!files.length)
    return { ok: false, problems: [{ file: path, path: '(file)', expected: 'a folder holding at least one .pub.json key' }] };
  const keys: TrustedKeyRecord[] = [];
  const problems: InputProblem[] = [];
  for (const file of files) {
    const text = readText(file);
    if ('problem' in text) problems.push(text.problem);
    else {
      const parsed = await parsePublicKeyFile(file, text.text);
      if (parsed.ok) keys.push(parsed.value);
      else problems.push(...parsed.problems);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, value: keys };
}

/** An operator's private key file, checked against its own public half. */
export async function readSigner(file: string): Promise<Parsed<Signer>> {
  const text = readText(file);
  if ('problem' in text) return { ok: false, problems: [text.problem] };
  const parsed = await parsePrivateKeyFile(file, text.text);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: await signerFromPrivateKeyFile(parsed.value) };
  } catch (error) {
    return {
      ok: false,
      problems: [{ file, path: 'privateKeyPkcs8', expected: `a usable Ed25519 private key (${errorMessage(error)})` }],
    };
  }
}
