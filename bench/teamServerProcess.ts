/**
 * The team server as `npm start` runs it, for the bench: `src/server/main.ts` in a child process of its
 * own, on a free loopback port, over a fresh data folder (the embedded database) or a PostgreSQL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const projectFolder = new URL('..', import.meta.url).pathname;

export interface BenchServer {
  url: string;
  /** What the server said when it started (its database, in words). */
  banner: string;
  /** How long it took from spawn to serving, in ms (a fresh data folder is initialized in that time). */
  startMs: number;
  /** Stops it (SIGTERM: it closes its database) and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts the server on the embedded database in a new temporary data folder, or on `databaseUrl`. */
export async function startBenchServer(databaseUrl?: string): Promise<BenchServer> {
  const dataDir = databaseUrl ? null : mkdtempSync(join(tmpdir(), 'crew-return-bench-data-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else if (dataDir) {
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: projectFolder,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const removeData = () => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const banner = await serving(child, exited);
    const url = /team server on (http:\/\/127\.0\.0\.1:\d+) /.exec(banner)?.[1] ?? '';
    return {
      url,
      banner: banner.trim(),
      startMs: performance.now() - started,
      stop: async () => {
        child.kill('SIGTERM');
        await exited;
        removeData();
      },
    };
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    removeData();
    throw error;
  }
}

function serving(child: ChildProcess, exited: Promise<void>): Promise<string> {
  let printed = '';
  return new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      printed += chunk.toString();
      const line = /.*team server on http:\/\/127\.0\.0\.1:\d+ .*\n/.exec(printed);
      if (line) resolve(line[0]);
    };
    child.stdout?.on('data', onOutput);
    child.stderr?.on('data', onOutput);
    void exited.then(() => reject(new Error(`the team server exited before serving:\n${printed}`)));
  });
}
