import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import {
  AppConfig,
  TimeSource,
  DomainException,
  GraphqlContext,
  resolveCaller,
} from '@intradesk/core';
import { RateLimitCounters, RateLimitHit } from '@intradesk/db';

interface Budget {
  key: string;
  limit: number;
}

// Two budgets, each root field of an operation spending one from both (so aliasing the same
// mutation ten times costs ten): the signed-in user's (or, signed out, the address's), and the
// client address's. Counted in PostgreSQL, so every API process spends from the same budgets:
// one statement per root field for both. Refused with TOO_MANY_REQUESTS (HTTP 429, Retry-After).
// Runs before AuthGuard, so unauthenticated calls are counted against their address too.
@Injectable()
export class GraphqlRateLimitGuard implements CanActivate {
  private readonly logger = new Logger(GraphqlRateLimitGuard.name);
  private readonly windowMs: number;

  constructor(
    private readonly config: AppConfig,
    private readonly time: TimeSource,
    private readonly counters: RateLimitCounters,
  ) {
    this.windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphqlContext>();
    // Subscriptions over WebSocket are authenticated once per socket and not counted here.
    if (!ctx.clientAddress) return true;
    await resolveCaller(ctx);
    const budgets: Budget[] = [];
    if (this.config.RATE_LIMIT_PER_USER > 0) {
      const tracker = ctx.user ? `user:${ctx.user.id}` : `address:${ctx.clientAddress}`;
      budgets.push({ key: `user:${tracker}`, limit: this.config.RATE_LIMIT_PER_USER });
    }
    if (this.config.RATE_LIMIT_PER_ADDRESS > 0) {
      budgets.push({
        key: `address:address:${ctx.clientAddress}`,
        limit: this.config.RATE_LIMIT_PER_ADDRESS,
      });
    }
    if (budgets.length === 0) return true;
    const now = this.time.now();
    let counts;
    try {
      counts = await this.counters.hit(
        budgets.map((b): RateLimitHit => ({ key: b.key, windowMs: this.windowMs })),
        now,
      );
    } catch (error) {
      // No count without the database: the operation goes on (and meets the outage itself).
      this.logger.warn(`rate limits not counted: ${(error as Error).message}`);
      return true;
    }
    for (const budget of budgets) {
      const count = counts.get(budget.key);
      if (!count || count.hits <= budget.limit) continue;
      const seconds = Math.max(1, Math.ceil((count.expiresAt.getTime() - now.getTime()) / 1000));
      throw DomainException.tooManyRequests(
        `Too many requests: at most ${budget.limit} operations per ${this.windowMs / 1000} s; try again in ${seconds} s`,
        seconds,
      );
    }
    return true;
  }
}
