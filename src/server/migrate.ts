/** Runs the `.sql` files of migrations/ in name order, each once, recording each in schema_migrations. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database';

const migrationsFolder = new URL('./migrations/', import.meta.url);
const migrationName = /^\d{3}_[a-z0-9_]+\.sql$/;

/** The role the server's own queries run as after migrating: no UPDATE or DELETE on the log. */
const appRole = 'crew_return_app';

export async function migrate(database: Database): Promise<string[]> {
  await database.query(
    'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const applied = new Set((await database.query<{ name: string }>('SELECT name FROM schema_migrations')).map((row) => row.name));
  const files = readdirSync(migrationsFolder)
    .filter((name) => name.endsWith('.sql'))
    .sort();
  const ran: string[] = [];
  for (const name of files) {
    if (!migrationName.test(name)) throw new Error(`migration file ${name}: expected a name such as 002_add_thing.sql`);
    if (applied.has(name)) continue;
    const sql = readFileSync(new URL(name, migrationsFolder), 'utf8');
    // The record goes in the migration's own transaction: a migration is applied and recorded, or neither.
    await database.script(`${sql}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');`);
    ran.push(name);
  }
  return ran;
}

/** Drops to the app's role for the rest of this connection. */
export async function becomeAppRole(database: Database): Promise<void> {
  await database.query(`SET ROLE ${appRole}`);
}
