/** The embedded database: PGlite (PostgreSQL in WebAssembly) in a data folder, one long-lived client. */
import { PGlite } from '@electric-sql/pglite';
import { type Database, type Queryable, serialQueue } from './database';
import { lockDataFolder } from './dataFolderLock';

export interface EmbeddedOptions {
  /** The data folder; locked against a second server. Absent: in memory (tests). */
  dataDir?: string;
  /** A data folder dump (`dumpDataDir`) to start from instead of an empty cluster. */
  loadDataDir?: Blob;
}

export interface EmbeddedDatabase extends Database {
  /** The data folder's files as one blob, to start other databases from without migrating again. */
  dump(): Promise<Blob>;
}

export async function openEmbeddedDatabase(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const release = options.dataDir ? lockDataFolder(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir, options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  } catch (error) {
    release();
    throw error;
  }
  // PGlite has one connection: every query and transaction waits its turn here.
  const serially = serialQueue();
  const query = async <Row extends object>(on: Pick<PGlite, 'query'>, sql: string, params?: readonly unknown[]) =>
    (await on.query<Row>(sql, params ? [...params] : undefined)).rows;
  return {
    kind: 'embedded',
    query: (sql, params) => serially(() => query(pglite, sql, params)),
    transaction: (work) =>
      serially(() => pglite.transaction((tx) => work({ query: (sql, params) => query(tx, sql, params) } satisfies Queryable))),
    script: (sql) =>
      serially(async () => {
        await pglite.transaction(async (tx) => {
          await tx.exec(sql);
        });
      }),
    dump: () => serially(async () => pglite.dumpDataDir('none')),
    close: async () => {
      try {
        await serially(() => pglite.close());
      } finally {
        release();
      }
    },
  };
}
