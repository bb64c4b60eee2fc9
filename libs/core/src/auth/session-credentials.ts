import { parse } from 'cookie';

// Browsers keep the session in this HttpOnly cookie; scripts and other clients send the bearer
// header. Both carry the same signed access token.
export const SESSION_COOKIE = 'intradesk_session';

const BEARER = /^Bearer\s+(\S+)$/i;

export type SessionCredential = { token: string } | { error: string } | null;

// The caller's token from a request's headers: the Authorization header when present (a bad one
// is an error, never silently replaced by the cookie), else the session cookie, else none.
export function sessionCredential(headers: {
  authorization?: unknown;
  cookie?: unknown;
}): SessionCredential {
  const header = headers.authorization;
  if (header !== undefined && header !== null && header !== '') {
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    return match
      ? { token: match[1] }
      : { error: 'The Authorization header must be "Bearer <token>"' };
  }
  if (typeof headers.cookie !== 'string') return null;
  const token = parse(headers.cookie)[SESSION_COOKIE];
  return token ? { token } : null;
}

// Seconds until a JWT's `exp`, for the cookie's Max-Age (the token itself is verified elsewhere).
export function secondsUntilExpiry(token: string, nowMs: number): number | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
    return typeof payload.exp === 'number'
      ? Math.max(0, Math.floor(payload.exp - nowMs / 1000))
      : undefined;
  } catch {
    return undefined;
  }
}
