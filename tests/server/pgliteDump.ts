/** The migrated PGlite data folder every embedded test database starts from (a fresh PGlite takes 10–30 s to initialize). */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEmbeddedDatabase } from '../../src/server/embeddedDatabase';
import { migrate } from '../../src/server/migrate';

const projectFolder = new URL('../..', import.meta.url).pathname;
const migrationsFolder = join(projectFolder, 'src/server/migrations');

/**
 * The migrated PGlite dump, made once and kept in node_modules/.cache under a name that is a hash of
 * the migrations and PGlite's version: a changed migration makes a new one.
 */
export async function pgliteDump(): Promise<string> {
  const hash = createHash('sha256');
  const pglite = JSON.parse(readFileSync(join(projectFolder, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'));
  hash.update(String(pglite.version));
  for (const name of readdirSync(migrationsFolder).sort()) hash.update(name).update(readFileSync(join(migrationsFolder, name)));
  const cacheFolder = join(projectFolder, 'node_modules/.cache/crew-return-server');
  const file = join(cacheFolder, `pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
  if (existsSync(file)) return file;
  const database = await openEmbeddedDatabase();
  await migrate(database);
  const dump = await database.dump();
  await database.close();
  mkdirSync(cacheFolder, { recursive: true });
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}
