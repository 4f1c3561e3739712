/**
 * A console's side of server-sent events, for tests: reads a live stream over real HTTP and hands back
 * each event as it arrives, so a test waits for what the server sends rather than for a time.
 */
interface ServerSentEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface EventStream {
  /** The next event, as soon as it arrives. */
  next(): Promise<ServerSentEvent>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: abort.signal });
  if (response.status !== 200 || !response.body)
    throw new Error(`the live stream answered ${response.status}: ${await response.text()}`);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const ready: ServerSentEvent[] = [];
  let buffered = '';
  return {
    async next() {
      for (;;) {
        const event = ready.shift();
        if (event) return event;
        const { value, done } = await reader.read();
        if (done) throw new Error('the live stream ended');
        buffered += value;
        let end = buffered.indexOf('\n\n');
        while (end >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          const fields = { event: 'message', id: undefined as string | undefined, data: [] as string[] };
          for (const line of block.split('\n')) {
            const colon = line.indexOf(':');
            if (colon <= 0) continue;
            const name = line.slice(0, colon);
            const text = line.slice(colon + 1).replace(/^ /, '');
            if (name === 'event') fields.event = text;
            else if (name === 'id') fields.id = text;
            else if (name === 'data') fields.data.push(text);
          }
          if (fields.data.length) ready.push({ event: fields.event, id: fields.id, data: fields.data.join('\n') });
          end = buffered.indexOf('\n\n');
        }
      }
    },
    close: () => abort.abort(),
  };
}
