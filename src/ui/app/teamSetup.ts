import { openTeamOutboxStore } from '../../files/teamOutboxStore';
import { teamApi } from '../../team/console/teamApi';
import type { TeamSetup } from './appTypes';

/**
 * Whether the page was served by a team server: it answers at /api/server with the team protocol.
 * A static build (or a server that is down) answers otherwise, and the app keeps sessions in this browser.
 */
export async function probeTeamServer(): Promise<TeamSetup | null> {
  if (typeof EventSource === 'undefined') return null;
  const api = teamApi('');
  const info = await api.serverInfo();
  if (!info.ok) return null;
  return { api, server: info.value, outbox: await openTeamOutboxStore(), EventSource };
}
