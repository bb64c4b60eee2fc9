import { demoEmail } from '@intradesk/organization';
import { GraphqlClient } from '../../utils/graphql-client';
import { startTestApp, TestApp } from '../../utils/test-app';
import { ensureWebBuild, WebBuild } from './web-build';

export const MEMBER = demoEmail('MKT', 'member');
export const AGENT = demoEmail('IT', 'agent');

export interface Desk {
  app: TestApp;
  web: WebBuild;
  baseUrl: string;
  // Signed-in API clients for the cross-checks, one per account (cached).
  as(email: string): Promise<GraphqlClient>;
  close(): Promise<void>;
}

// A real API on this file's own database with the demo organisation and its desk, serving the
// built web app at / (same origin as /graphql, as in production).
// env: settings beside the defaults (a spec's own limits).
export async function startDesk(env: Record<string, string> = {}): Promise<Desk> {
  const web = ensureWebBuild();
  const app = await startTestApp({
    seedDemo: true,
    seedDemoRequests: true,
    env: { ...env, WEB_DIR: web.dir },
  });
  const clients = new Map<string, Promise<GraphqlClient>>();
  return {
    app,
    web,
    baseUrl: app.baseUrl,
    as: (email) => {
      if (!clients.has(email)) clients.set(email, app.login(email));
      return clients.get(email)!;
    },
    close: () => app.close(),
  };
}

export const REQUEST_STATE = `query RequestState($n: String!) {
  request(number: $n) {
    id number title description status priority version
    supplier { code } customer { code } service { name }
    requester { email } assignee { email name }
    comments { body internal author { email } }
    sla { firstResponse { state } resolution { state } }
    rating { score comment }
  }
}`;

export interface RequestState {
  id: string;
  number: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  version: number;
  supplier: { code: string };
  customer: { code: string };
  service: { name: string } | null;
  requester: { email: string };
  assignee: { email: string; name: string } | null;
  comments: { body: string; internal: boolean; author: { email: string } }[];
  sla: { firstResponse: { state: string }; resolution: { state: string } } | null;
  rating: { score: number; comment: string } | null;
}

export async function requestState(client: GraphqlClient, number: string): Promise<RequestState> {
  return (await client.data<{ request: RequestState }>(REQUEST_STATE, { n: number })).request;
}

export async function unreadCount(client: GraphqlClient): Promise<number> {
  return (await client.data<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`))
    .unreadNotificationCount;
}

// Polls until `check` stops throwing (the API side of a step that the browser just took).
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
