/**
 * One server per data folder: PGlite does not lock its files, and two processes writing one folder
 * would corrupt it. The lock file names the holder's process id; a lock left by a process that is no
 * longer running (killed, crashed) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const lockFileName = 'server.lock';

export class DataFolderInUse extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `the data folder ${folder} is in use by another server (process ${holderPid}); stop it, or set DATA_DIR to another folder`,
    );
  }
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock (creating the folder), or throws DataFolderInUse; returns the release. */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const path = join(folder, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holderPid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(holderPid) && holderPid !== process.pid && isRunning(holderPid))
        throw new DataFolderInUse(folder, holderPid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not take the lock ${path}: another process keeps taking it`);
}
