import type { AuthUser } from '../auth/auth-user';

// A lib's DataLoaders for one GraphQL request; the factory is a singleton provider.
export interface LoaderFactory<T> {
  create(): T;
}

// Per-request home of every lib's loaders, created lazily, so batching spans the request.
export class RequestLoaders {
  private readonly created = new Map<LoaderFactory<unknown>, unknown>();

  get<T>(factory: LoaderFactory<T>): T {
    let loaders = this.created.get(factory) as T | undefined;
    if (loaders === undefined) {
      loaders = factory.create();
      this.created.set(factory, loaders);
    }
    return loaders;
  }
}

export interface GraphqlContext {
  user: AuthUser | null;
  // Set when a token was sent but is not valid; reported on first guarded use.
  authError?: string;
  // Resolves the bearer token once, when the first root field runs (the guard copies the result
  // into user and authError), so an operation refused by the query limits never reaches the
  // database.
  authenticate?: () => Promise<{ user: AuthUser | null; authError?: string }>;
  requestId: string;
  // The HTTP client's address (behind TRUST_PROXY, the forwarded one); absent on WebSockets.
  clientAddress?: string;
  loaders: RequestLoaders;
  // HTTP only: sets or clears the browser's HttpOnly session cookie (login and signOut).
  sessionCookie?: SessionCookieWriter;
}

export interface SessionCookieWriter {
  set(token: string): void;
  clear(): void;
}

// Runs the context's deferred authentication (once per request) and records the caller on it.
// Apollo hands resolvers a copy of the context object, so the result is copied in here.
export async function resolveCaller(context: GraphqlContext): Promise<void> {
  if (context.authenticate) Object.assign(context, await context.authenticate());
}
