import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface Subscriber<T> {
  events: T[];
  // Resolves once `count` events arrived (rejects after the timeout).
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  close(): Promise<void>;
}

// A WebSocket constructor that sends these headers with the upgrade request (a subclass of ws's
// WebSocket does not survive the test transpiler, so it returns a configured instance instead).
function withHeaders(headers: Record<string, string>): typeof WebSocket {
  function WebSocketWithHeaders(url: string, protocols?: string | string[]) {
    return new WebSocket(url, protocols, { headers });
  }
  return Object.assign(WebSocketWithHeaders, {
    CONNECTING: WebSocket.CONNECTING,
    OPEN: WebSocket.OPEN,
    CLOSING: WebSocket.CLOSING,
    CLOSED: WebSocket.CLOSED,
  }) as unknown as typeof WebSocket;
}

// A real graphql-ws client over a real WebSocket, authenticated in connection_init.
export async function subscribe<T = any>(
  httpUrl: string,
  token: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
  // Headers of the upgrade request, e.g. a browser's session cookie.
  upgradeHeaders?: Record<string, string>,
): Promise<Subscriber<T>> {
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: upgradeHeaders ? withHeaders(upgradeHeaders) : WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: false,
    // Refusals are reported through the 'closed' event below; do not also print them.
    onNonLazyError: () => undefined,
  });
  const events: T[] = [];
  let failure: unknown;
  const acknowledged = new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(event));
    client.on('error', (error) => reject(error));
  });
  client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) failure = value.errors;
        else events.push(value.data as T);
      },
      error: (error) => (failure = error),
      complete: () => undefined,
    },
  );
  await acknowledged;
  // Let the server register the subscription before events are raised.
  await new Promise((r) => setTimeout(r, 150));
  return {
    events,
    async waitFor(count, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      while (events.length < count) {
        if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
        if (Date.now() > deadline)
          throw new Error(`got ${events.length} of ${count} events: ${JSON.stringify(events)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return events;
    },
    close: async () => {
      await client.dispose();
    },
  };
}
