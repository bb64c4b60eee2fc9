import type { IncomingMessage } from 'node:http';
import { GraphqlContext, RequestLoaders } from '@intradesk/core';
import { AuthService } from '@intradesk/organization';

const BEARER = /^Bearer\s+(\S+)$/i;

// Built once per HTTP request: the caller (from the bearer token) and fresh DataLoaders.
export async function buildGraphqlContext(
  req: IncomingMessage & { id?: unknown },
  auth: AuthService,
): Promise<GraphqlContext> {
  const context: GraphqlContext = {
    user: null,
    requestId: String(req.id ?? ''),
    loaders: new RequestLoaders(),
  };
  const header = req.headers.authorization;
  if (header) {
    const match = BEARER.exec(header);
    if (!match) {
      context.authError = 'The Authorization header must be "Bearer <token>"';
    } else {
      const result = await auth.authenticate(match[1]);
      if ('user' in result) context.user = result.user;
      else context.authError = result.error;
    }
  }
  return context;
}
