import { ExecutionContext, Injectable } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig, DomainException, GraphqlContext, resolveCaller } from '@intradesk/core';

// Two budgets, each root field of an operation spending one from both (so aliasing the same
// mutation ten times costs ten): the signed-in user's, and the client address's.
export function rateLimits(config: AppConfig): ThrottlerModuleOptions {
  const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const throttlers = [
    {
      name: 'user',
      ttl,
      limit: config.RATE_LIMIT_PER_USER,
      getTracker: (ctx: Record<string, unknown>) => {
        const { user, clientAddress } = ctx as unknown as GraphqlContext;
        return user ? `user:${user.id}` : `address:${clientAddress}`;
      },
    },
    {
      name: 'address',
      ttl,
      limit: config.RATE_LIMIT_PER_ADDRESS,
      getTracker: (ctx: Record<string, unknown>) =>
        `address:${(ctx as unknown as GraphqlContext).clientAddress}`,
    },
  ].filter((throttler) => throttler.limit > 0);
  return {
    throttlers,
    // One bucket per caller across all operations (the default key is per resolver).
    generateKey: (_context, tracker, name) => `${name}:${tracker}`,
    setHeaders: false,
  };
}

// @nestjs/throttler for GraphQL: counts per root field from the GraphQL context, and refuses with
// TOO_MANY_REQUESTS (HTTP 429, Retry-After). Runs before AuthGuard, so unauthenticated calls
// are counted against their address too.
@Injectable()
export class GraphqlRateLimitGuard extends ThrottlerGuard {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    // Subscriptions over WebSocket are authenticated once per socket and not counted here.
    if (!ctx.clientAddress) return true;
    await resolveCaller(ctx);
    return super.canActivate(context);
  }

  protected override getRequestResponse(context: ExecutionContext) {
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    return { req: ctx as unknown as Record<string, unknown>, res: {} };
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw DomainException.tooManyRequests(
      `Too many requests: at most ${detail.limit} operations per ${detail.ttl / 1000} s; try again in ${detail.timeToBlockExpire} s`,
      detail.timeToBlockExpire,
    );
  }
}
