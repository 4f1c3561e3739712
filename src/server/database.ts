/** The one door to the database: plain SQL, the same on the embedded PGlite and on PostgreSQL. */

/** Something SQL runs on: the database itself, or one transaction in it. */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  readonly kind: 'embedded' | 'postgresql';
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (a migration) in one transaction. */
  script(sql: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Runs tasks one at a time, in order: a database with one connection (PGlite, or one pg.Client) must
 * not interleave another query into an open transaction.
 */
export function serialQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
