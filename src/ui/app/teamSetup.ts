import { serverInfoSchema } from '../../team/serverInfo';
import type { TeamSetup } from './appTypes';

/**
 * Whether the page was served by a team server: it marks the page, and answers at /api/server with the
 * team protocol. A static build (or a server that is down) does neither, and the app keeps sessions
 * in this browser. Only this much is loaded to ask; the team console's code comes when it is needed.
 */
export async function probeTeamServer(): Promise<TeamSetup | null> {
  // The team server marks the page it serves; any other host is asked nothing (no request, no 404).
  const marked = document.querySelector('meta[name="crew-return-server"]')?.getAttribute('content') === 'team';
  if (!marked || typeof EventSource === 'undefined') return null;
  try {
    const response = await fetch('/api/server', { headers: { Accept: 'application/json' } });
    const server = serverInfoSchema.safeParse(await response.json());
    return response.ok && server.success ? { server: server.data } : null;
  } catch {
    return null;
  }
}
