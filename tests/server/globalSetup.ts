/**
 * Once per run, for the server tests: a real PostgreSQL 15 in a temporary folder (Debian's packages,
 * run as the `postgres` user when we are root) with a migrated template database, and a migrated
 * PGlite data folder dump that each test's embedded database starts from (a fresh PGlite takes
 * 10–30 s to initialize; loading the dump, ~5 s). Both are handed to the tests with `provide`.
 */
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/server/migrate';
import { openPostgresDatabase } from '../../src/server/postgresDatabase';
import { pgliteDump } from './pgliteDump';
import { postgresMissing, startPostgresCluster } from './postgresCluster';

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

const postgresTemplate = 'crew_return_template';

async function migratedTemplate(serverUrl: string): Promise<void> {
  const admin = await openPostgresDatabase(`${serverUrl}/postgres`, () => {});
  await admin.query(`CREATE DATABASE ${postgresTemplate}`);
  await admin.close();
  const template = await openPostgresDatabase(`${serverUrl}/${postgresTemplate}`, () => {});
  await migrate(template);
  await template.close();
}

export default async function setup(project: TestProject) {
  const missing = postgresMissing();
  if (missing)
    throw new Error(
      `${missing}: the team server tests run on it. Install Debian's postgresql: apt-get install -y postgresql (.ci/run does).`,
    );
  let stop = () => {};
  try {
    const [postgres, dumpFile] = await Promise.all([startPostgresCluster(), pgliteDump()]);
    stop = postgres.stop;
    await migratedTemplate(postgres.serverUrl);
    project.provide('postgresServerUrl', postgres.serverUrl);
    project.provide('postgresTemplate', postgresTemplate);
    project.provide('pgliteDumpFile', dumpFile);
  } catch (error) {
    stop();
    throw error;
  }
  return stop;
}
