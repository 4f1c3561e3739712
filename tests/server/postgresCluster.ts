/**
 * A throwaway PostgreSQL 15 (Debian's) for the server tests (globalSetup.ts) and the bench: a cluster
 * in a temporary folder, run as the `postgres` user when we are root (PostgreSQL refuses to run as
 * root), with fsync off: a test and a bench of the server, not of the disk. Stopping it removes the folder.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const postgresBin = '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** A superuser's URL of the cluster, without a database name. */
  serverUrl: string;
  stop(): void;
}

/** Why the cluster cannot be started here, or null. */
export const postgresMissing = () =>
  existsSync(join(postgresBin, 'initdb')) ? null : `PostgreSQL 15 is not installed (${postgresBin}/initdb is missing)`;

const asRoot = process.getuid?.() === 0;
const postgresCommand = (program: string, args: string[]): [string, string[]] =>
  asRoot ? ['runuser', ['-u', 'postgres', '--', join(postgresBin, program), ...args]] : [join(postgresBin, program), args];
const runPostgres = (program: string, args: string[]) => execFileSync(...postgresCommand(program, args), { stdio: 'pipe' });
/** Without blocking this thread: the server tests' setup makes the PGlite dump on it meanwhile (seconds, on a fresh checkout). */
const startingPostgres = promisify(execFile);

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

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const folder = mkdtempSync(join(tmpdir(), 'crew-return-postgres-'));
  const dataDir = join(folder, 'data');
  const socketDir = join(folder, 'socket');
  mkdirSync(socketDir);
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(folder, uid, gid);
    chownSync(socketDir, uid, gid);
  }
  let started = false;
  try {
    await startingPostgres(...postgresCommand('initdb', ['-A', 'trust', '--no-sync', '-U', 'postgres', '-D', dataDir]));
    const port = await freePort();
    const options = `-p ${port} -k ${socketDir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses=127.0.0.1`;
    await startingPostgres(
      ...postgresCommand('pg_ctl', ['start', '-w', '-D', dataDir, '-l', join(folder, 'postgres.log'), '-o', options]),
    );
    started = true;
    return {
      serverUrl: `postgresql://postgres@127.0.0.1:${port}`,
      stop: () => {
        runPostgres('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (started) runPostgres('pg_ctl', ['stop', '-D', dataDir, '-m', 'immediate']);
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

/** Creates database `name` on the cluster: its URL. */
export async function createDatabase(cluster: PostgresCluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: `${cluster.serverUrl}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return `${cluster.serverUrl}/${name}`;
}
