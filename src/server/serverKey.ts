/**
 * The server's own Ed25519 key, made once and kept in the database: it will sign the log's checkpoints.
 * Its public record is what consoles pin.
 */
import {
  createKeyPair,
  exportPrivateKeyFile,
  type PrivateKeyFile,
  type Signer,
  signerFromPrivateKeyFile,
} from '../record/signing';
import type { Database } from './database';

const serverActor = { name: 'crew-return team server', role: 'checkpoint signer' };
const purpose = 'checkpoints';

export async function loadOrCreateServerKey(database: Database): Promise<Signer> {
  const read = () =>
    database.query<{ private_key_file: PrivateKeyFile }>('SELECT private_key_file FROM server_keys WHERE purpose = $1', [
      purpose,
    ]);
  let rows = await read();
  if (rows.length === 0) {
    const file = await exportPrivateKeyFile(serverActor, await createKeyPair(true));
    // Two servers starting on one PostgreSQL at once keep whichever key was stored first.
    await database.query('INSERT INTO server_keys (purpose, private_key_file) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      purpose,
      JSON.stringify(file),
    ]);
    rows = await read();
  }
  const file = rows[0]?.private_key_file;
  if (!file) throw new Error('the server key could not be stored');
  return signerFromPrivateKeyFile(file);
}
