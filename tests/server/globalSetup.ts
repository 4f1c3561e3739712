/**
 * Once per run, for the server tests: a real PostgreSQL 15 in a temporary folder (Debian's packages,
 * run as the `postgres` user when we are root) with a migrated template database, and a migrated
 * PGlite data folder dump that each test's embedded database starts from (a fresh PGlite takes
 * 10–30 s to initialize; loading the dump, ~5 s). Both are handed to the tests with `provide`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/server/migrate';
import { openPostgresDatabase } from '../../src/server/postgresDatabase';
import { pgliteDump } from './pgliteDump';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser's URL on the test cluster, without a database name. */
    postgresServerUrl: string;
    /** The migrated database each test's database is copied from. */
    postgresTemplate: string;
    /** A file holding a migrated PGlite data folder dump. */
    pgliteDumpFile: string;
  }
}

const postgresBin = '/usr/lib/postgresql/15/bin';
const postgresTemplate = 'crew_return_template';

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL program, as the `postgres` user when we are root (PostgreSQL refuses to run as root). */
const runPostgres = (program: string, args: string[]) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', join(postgresBin, program), ...args], { stdio: 'pipe' })
    : execFileSync(join(postgresBin, program), args, { stdio: 'pipe' });

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startPostgres(folder: string): Promise<{ url: string; stop: () => void }> {
  if (!existsSync(join(postgresBin, 'initdb')))
    throw new Error(
      `PostgreSQL 15 is not installed (${postgresBin}/initdb is missing): the team server tests run on it. ` +
        "Install Debian's postgresql: apt-get install -y postgresql (.ci/run does).",
    );
  const dataDir = join(folder, 'data');
  const socketDir = join(folder, 'socket');
  mkdirSync(socketDir);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  runPostgres('initdb', ['-A', 'trust', '--no-sync', '-U', 'postgres', '-D', dataDir]);
  const port = await freePort();
  const options = `-p ${port} -k ${socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=127.0.0.1`;
  runPostgres('pg_ctl', ['start', '-w', '-D', dataDir, '-l', join(folder, 'postgres.log'), '-o', options]);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}`,
    stop: () => runPostgres('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']),
  };
}

async function migratedTemplate(serverUrl: string): Promise<void> {
  const admin = await openPostgresDatabase(`${serverUrl}/postgres`, () => {});
  await admin.query(`CREATE DATABASE ${postgresTemplate}`);
  await admin.close();
  const template = await openPostgresDatabase(`${serverUrl}/${postgresTemplate}`, () => {});
  await migrate(template);
  await template.close();
}

export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'crew-return-postgres-'));
  let stop = () => {};
  try {
    const [postgres, dumpFile] = await Promise.all([startPostgres(folder), pgliteDump()]);
    stop = postgres.stop;
    await migratedTemplate(postgres.url);
    project.provide('postgresServerUrl', postgres.url);
    project.provide('postgresTemplate', postgresTemplate);
    project.provide('pgliteDumpFile', dumpFile);
  } catch (error) {
    stop();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return () => {
    stop();
    rmSync(folder, { recursive: true, force: true });
  };
}
