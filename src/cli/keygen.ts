import { writeFileSync } from 'node:fs';
import { publicKeyFile } from '../files/keyFile';
import { identityTextProblem, normalizeIdentity } from '../record/identityText';
import { createKeyPair, exportPrivateKeyFile, publicHalf } from '../record/signing';
import type { CliIo } from './cliIo';
import { parseOptions } from './options';
import { oneLine, printProblems } from './problemLines';
import { isProgram, runCli } from './runCli';
import { errorCode } from './thrown';

const usage = 'usage: npm run keygen -- --name <name> --role <role> --out <private key file>';

/** Writes an operator's Ed25519 key pair: the private key file (owner-only) and `<file>.pub.json` to share. */
export async function keygen(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(argv, { name: { type: 'string' }, role: { type: 'string' }, out: { type: 'string' } }, usage, io);
  if (!args) return 2;
  const { name, role, out } = args.values;
  if (!name?.trim() || !role?.trim() || !out || args.positionals.length) {
    io.err(`error: --name, --role and --out are required, and nothing else\n${usage}\n`);
    return 2;
  }
  const actor = { name: normalizeIdentity(name), role: normalizeIdentity(role) };
  const refused = (['name', 'role'] as const).flatMap((field) => {
    const problem = identityTextProblem(actor[field]);
    return problem ? [{ file: `--${field}`, path: field, expected: problem }] : [];
  });
  if (refused.length) {
    printProblems(io, refused);
    return 2;
  }
  const keyPair = await createKeyPair(true);
  const privateFile = await exportPrivateKeyFile(actor, keyPair);
  const record = publicHalf(privateFile);
  const publicPath = `${out}.pub.json`;
  for (const [path, content, mode] of [
    [out, privateFile, 0o600],
    [publicPath, publicKeyFile(record), 0o644],
  ] as const) {
    try {
      // `wx`: a key file is never overwritten, so a key in use cannot be lost by a typo.
      writeFileSync(path, `${JSON.stringify(content, null, 2)}\n`, { flag: 'wx', mode });
    } catch (error) {
      const code = errorCode(error);
      const why =
        code === 'EEXIST'
          ? 'a path where no file exists yet (key files are never overwritten)'
          : `a writable path (${code ?? 'error'})`;
      printProblems(io, [{ file: path, path: '(file)', expected: why }]);
      return 2;
    }
  }
  io.out(`${oneLine(`key of ${actor.name} (${actor.role}): fingerprint ${record.fingerprint}`)}\n`);
  io.out(`${oneLine(`private key: ${out} (keep it to yourself); public key: ${publicPath} (give it to whoever verifies)`)}\n`);
  return 0;
}

if (isProgram(import.meta.url)) runCli(keygen, 2);
