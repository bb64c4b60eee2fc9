import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import {
  AuthUser,
  GraphqlContext,
  RequestLoaders,
  SESSION_COOKIE,
  sessionCredential,
  SessionCookieWriter,
} from '@intradesk/core';
import { AuthService } from '@intradesk/organization';

type Headers = { authorization?: unknown; cookie?: unknown };

async function authenticate(
  headers: Headers,
  auth: AuthService,
): Promise<{ user?: AuthUser; error?: string }> {
  const credential = sessionCredential(headers);
  if (credential === null) return {};
  if ('error' in credential) return { error: credential.error };
  const result = await auth.authenticate(credential.token);
  return 'user' in result ? { user: result.user } : { error: result.error };
}

export interface SessionCookieOptions {
  // Secure outside plain-HTTP development: always in production, and whenever the request came
  // over HTTPS (behind TRUST_PROXY, X-Forwarded-Proto counts).
  alwaysSecure: boolean;
}

// HttpOnly (no script reads it), SameSite=Strict (never sent by another site's page or form),
// for the whole origin, expiring with the token it carries.
function sessionCookieWriter(
  req: IncomingMessage & { secure?: boolean },
  res: Response,
  auth: AuthService,
  options: SessionCookieOptions,
): SessionCookieWriter {
  const base = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.alwaysSecure || req.secure === true,
    path: '/',
  };
  return {
    set: (token) => {
      const maxAge = auth.secondsUntilExpiry(token);
      res.cookie(SESSION_COOKIE, token, {
        ...base,
        ...(maxAge !== undefined && { maxAge: maxAge * 1000 }),
      });
    },
    clear: () => res.clearCookie(SESSION_COOKIE, base),
  };
}

// Built once per HTTP request: fresh DataLoaders, and the caller from the bearer token or the
// session cookie, looked up only when the first root field runs (after parsing, validation and
// the query limits).
export function buildGraphqlContext(
  req: IncomingMessage & { id?: unknown; ip?: string; secure?: boolean },
  res: Response | undefined,
  auth: AuthService,
  cookies: SessionCookieOptions,
): GraphqlContext {
  let authenticated: ReturnType<NonNullable<GraphqlContext['authenticate']>> | undefined;
  return {
    user: null,
    requestId: String(req.id ?? randomUUID()),
    clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    loaders: new RequestLoaders(),
    sessionCookie: res ? sessionCookieWriter(req, res, auth, cookies) : undefined,
    authenticate: () =>
      (authenticated ??= authenticate(req.headers, auth).then(({ user, error }) => ({
        user: user ?? null,
        authError: error,
      }))),
  };
}

export interface SocketExtra {
  user?: AuthUser;
  request?: IncomingMessage;
  // graphql-ws over ws: the connection itself.
  socket?: {
    close(code?: number, reason?: string): void;
    once(event: 'close', listener: () => void): unknown;
  };
}

interface WatchedSocket {
  token: string;
  extra: SocketExtra;
}

// Open sockets by user, per process: when a user changes (deactivated, signed out everywhere, a
// new password or role), each of their sockets checks its token again and closes (4403) once it
// no longer holds, so a leaver's live updates stop with their last request.
const watchedSockets = new WeakMap<AuthService, Map<string, Set<WatchedSocket>>>();

function watchSocket(auth: AuthService, userId: string, watched: WatchedSocket): void {
  let byUser = watchedSockets.get(auth);
  if (!byUser) {
    const sockets = new Map<string, Set<WatchedSocket>>();
    auth.onUserChanged((changed) => {
      for (const entry of sockets.get(changed) ?? []) {
        void auth.authenticate(entry.token).then((result) => {
          if ('user' in result) entry.extra.user = result.user;
          else entry.extra.socket?.close(4403, 'Forbidden');
        });
      }
    });
    watchedSockets.set(auth, sockets);
    byUser = sockets;
  }
  const sockets = byUser;
  if (!watched.extra.socket) return;
  let set = sockets.get(userId);
  if (!set) sockets.set(userId, (set = new Set()));
  set.add(watched);
  watched.extra.socket.once('close', () => {
    set.delete(watched);
    if (set.size === 0) sockets.delete(userId);
  });
}

// graphql-ws: the token arrives once, in the connection_init payload
// ({ "authorization": "Bearer <token>" }), or, from a browser, as the session cookie of the
// upgrade request; a bad one closes the socket (4403).
export async function authenticateSocket(
  connectionParams: Record<string, unknown> | undefined,
  extra: SocketExtra,
  auth: AuthService,
): Promise<boolean> {
  const authorization = connectionParams?.authorization ?? connectionParams?.Authorization;
  const credential = sessionCredential({ authorization, cookie: extra.request?.headers.cookie });
  if (credential === null || 'error' in credential) return false;
  const result = await auth.authenticate(credential.token);
  if (!('user' in result)) return false;
  extra.user = result.user;
  watchSocket(auth, result.user.id, { token: credential.token, extra });
  return true;
}

export function socketContext(extra: SocketExtra): GraphqlContext {
  return { user: extra.user ?? null, requestId: randomUUID(), loaders: new RequestLoaders() };
}
