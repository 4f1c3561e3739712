/** A real PostgreSQL (≥ 15) at DATABASE_URL: one long-lived pg.Client, so one connection as with PGlite. */
import pg from 'pg';
import { type Database, type Queryable, serialQueue } from './database';

export async function openPostgresDatabase(connectionString: string, onLost: (error: Error) => void): Promise<Database> {
  const client = new pg.Client({ connectionString });
  let lost: Error | null = null;
  // A connection that drops is not reopened behind the server's back: its session role and any open
  // transaction went with it. The server reports it and stops.
  client.on('error', (error) => {
    lost = error;
    onLost(error);
  });
  await client.connect();
  const serially = serialQueue();
  const query = async <Row extends object>(sql: string, params?: readonly unknown[]) => {
    if (lost) throw new Error(`the PostgreSQL connection was lost: ${(lost as Error).message}`);
    return (await client.query<Row & pg.QueryResultRow>(sql, params ? [...params] : undefined)).rows as Row[];
  };
  const inTransaction = async <T>(work: () => Promise<T>) => {
    await query('BEGIN');
    try {
      const result = await work();
      await query('COMMIT');
      return result;
    } catch (error) {
      await query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };
  return {
    kind: 'postgresql',
    query: (sql, params) => serially(() => query(sql, params)),
    transaction: (work) => serially(() => inTransaction(() => work({ query } satisfies Queryable))),
    script: (sql) =>
      serially(async () => {
        await inTransaction(() => query(sql));
      }),
    close: () => serially(() => client.end()),
  };
}
