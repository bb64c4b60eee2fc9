import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Response } from 'express';
import {
  AuthUser,
  GraphqlContext,
  RequestLoaders,
  secondsUntilExpiry,
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
      const maxAge = secondsUntilExpiry(token, Date.now());
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
    sessionCookie: res ? sessionCookieWriter(req, res, cookies) : undefined,
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
  const { user } = await authenticate(
    { authorization, cookie: extra.request?.headers.cookie },
    auth,
  );
  if (!user) return false;
  extra.user = user;
  return true;
}

export function socketContext(extra: SocketExtra): GraphqlContext {
  return { user: extra.user ?? null, requestId: randomUUID(), loaders: new RequestLoaders() };
}
