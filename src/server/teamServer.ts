/** Opens the database, migrates it, drops to the app's role and serves the team API on loopback. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, type TeamServer } from './app';
import type { Database } from './database';
import { LiveHub } from './liveHub';
import { logCheckpoints } from './logCheckpoints';
import { becomeAppRole, migrate } from './migrate';
import { loadOrCreateServerKey } from './serverKey';

/** Migrates, drops to the app's role and loads the server key: what every server does before serving. */
export async function prepareTeamServer(database: Database, appFolder?: string): Promise<TeamServer> {
  await migrate(database);
  await becomeAppRole(database);
  const serverKey = await loadOrCreateServerKey(database);
  return {
    database,
    serverKey,
    hub: new LiveHub(),
    checkpoints: logCheckpoints(serverKey),
    ...(appFolder ? { appFolder } : {}),
  };
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking connections, ends live streams, then closes the database. */
  close(): Promise<void>;
}

/** Serves `server` on `hostname`:`port` (0: any free port). */
export function listen(server: TeamServer, port: number, hostname = '127.0.0.1'): Promise<RunningServer> {
  const app = createApp(server);
  return new Promise((resolve, reject) => {
    const http = serve({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        url: `http://${hostname}:${info.port}`,
        port: info.port,
        close: async () => {
          await new Promise<void>((done) => {
            http.close(() => done());
            // Live streams never end by themselves: end them so close can finish.
            if ('closeAllConnections' in http) http.closeAllConnections();
          });
          await server.database.close();
        },
      });
    });
    http.once('error', reject);
  });
}
