import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { AuthUser, GraphqlContext, RequestLoaders } from '@intradesk/core';
import { AuthService } from '@intradesk/organization';

const BEARER = /^Bearer\s+(\S+)$/i;

async function authenticate(
  header: unknown,
  auth: AuthService,
): Promise<{ user?: AuthUser; error?: string }> {
  if (header === undefined || header === null || header === '') return {};
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match) return { error: 'The Authorization header must be "Bearer <token>"' };
  const result = await auth.authenticate(match[1]);
  return 'user' in result ? { user: result.user } : { error: result.error };
}

// Built once per HTTP request: fresh DataLoaders, and the caller from the bearer token, looked up
// only when the first root field runs (after parsing, validation and the query limits).
export function buildGraphqlContext(
  req: IncomingMessage & { id?: unknown; ip?: string },
  auth: AuthService,
): GraphqlContext {
  let authenticated: ReturnType<NonNullable<GraphqlContext['authenticate']>> | undefined;
  return {
    user: null,
    requestId: String(req.id ?? randomUUID()),
    clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    loaders: new RequestLoaders(),
    authenticate: () =>
      (authenticated ??= authenticate(req.headers.authorization, auth).then(({ user, error }) => ({
        user: user ?? null,
        authError: error,
      }))),
  };
}

export interface SocketExtra {
  user?: AuthUser;
}

// graphql-ws: the token arrives once, in the connection_init payload
// ({ "authorization": "Bearer <token>" }); a bad one closes the socket (4403).
export async function authenticateSocket(
  connectionParams: Record<string, unknown> | undefined,
  extra: SocketExtra,
  auth: AuthService,
): Promise<boolean> {
  const header = connectionParams?.authorization ?? connectionParams?.Authorization;
  const { user } = await authenticate(header, auth);
  if (!user) return false;
  extra.user = user;
  return true;
}

export function socketContext(extra: SocketExtra): GraphqlContext {
  return { user: extra.user ?? null, requestId: randomUUID(), loaders: new RequestLoaders() };
}
