/**
 * `npm start`: the team server on 127.0.0.1. The embedded database in DATA_DIR (default ./data) unless
 * DATABASE_URL names a PostgreSQL (≥ 15); PORT (default 5173) for the address.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Database } from './database';
import { DataFolderInUse } from './dataFolderLock';
import { openEmbeddedDatabase } from './embeddedDatabase';
import { openPostgresDatabase } from './postgresDatabase';
import { listen, prepareTeamServer } from './teamServer';

const projectFolder = resolve(new URL('../..', import.meta.url).pathname);

function portFromEnv(text: string | undefined): number {
  if (text === undefined || text === '') return 5173;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT: expected a port number from 0 to 65535, not ${JSON.stringify(text)}`);
  return port;
}

async function openDatabase(): Promise<{ database: Database; described: string }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const database = await openPostgresDatabase(url, (error) => {
      console.error(`the PostgreSQL connection was lost (${error.message}); stopping`);
      process.exit(1);
    });
    return { database, described: `PostgreSQL at ${new URL(url).host || 'its socket'}` };
  }
  const dataDir = resolve(projectFolder, process.env.DATA_DIR || 'data');
  return { database: await openEmbeddedDatabase({ dataDir }), described: `the embedded database in ${dataDir}` };
}

async function main() {
  const port = portFromEnv(process.env.PORT);
  const { database, described } = await openDatabase();
  const appFolder = resolve(projectFolder, 'dist');
  const prepared = await prepareTeamServer(database, existsSync(appFolder) ? appFolder : undefined);
  const running = await listen(prepared, port);
  console.log(
    `crew-return team server on ${running.url} with ${described}${prepared.appFolder ? '' : ' (no built app: run npm run build)'}`,
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    await running.close();
    console.log(`stopped (${signal}); the database is closed`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // The people running this read a sentence, not a stack trace.
  const message = error instanceof DataFolderInUse || error instanceof Error ? error.message : String(error);
  console.error(`the team server did not start: ${message}`);
  process.exit(1);
});
