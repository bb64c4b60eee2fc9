import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import { PgNotifications, RateLimitCounters } from '@intradesk/db';
import type { NextFunction, Request, Response } from 'express';
import { limitRefusalBody } from './limit-refusal';

const CHANNEL = 'intradesk_abuse_blocked';
const PREFIX = 'abuse:';

// Addresses that keep sending refused operations (depth, alias and cost bombs, oversized or
// batched bodies) are cut off for the rest of the window, before their bodies are even parsed, so
// abuse cannot crowd out ordinary traffic. Refusals are counted in PostgreSQL (shared by every
// API process); the process whose count crosses the limit tells the others with NOTIFY, and each
// keeps the blocked addresses in memory, so the gate in front of every request costs nothing.
// A process starting reads the blocks still open.
@Injectable()
export class AbuseBlocklist implements OnModuleInit {
  private readonly logger = new Logger(AbuseBlocklist.name);
  private readonly limit: number;
  private readonly windowMs: number;
  // address -> end of its block (ms)
  private readonly blocked = new Map<string, number>();

  constructor(
    config: AppConfig,
    private readonly time: TimeSource,
    private readonly counters: RateLimitCounters,
    private readonly notifications: PgNotifications,
  ) {
    this.limit = config.ABUSE_REFUSALS_PER_WINDOW;
    this.windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  }

  async onModuleInit(): Promise<void> {
    if (this.limit === 0) return;
    await this.notifications.subscribe(CHANNEL, (payload) => {
      const { address, until } = payload as { address?: unknown; until?: unknown };
      if (typeof address === 'string' && typeof until === 'number') this.block(address, until);
    });
    for (const row of await this.counters.over(PREFIX, this.limit, this.time.now())) {
      this.block(row.key.slice(PREFIX.length), row.expiresAt.getTime());
    }
  }

  private block(address: string, until: number): void {
    if (until > (this.blocked.get(address) ?? 0)) this.blocked.set(address, until);
  }

  async recordRefusal(address: string | undefined): Promise<void> {
    if (this.limit === 0 || !address) return;
    try {
      const counts = await this.counters.hit(
        [{ key: PREFIX + address, windowMs: this.windowMs }],
        this.time.now(),
      );
      const count = counts.get(PREFIX + address);
      if (!count || count.hits <= this.limit) return;
      const until = count.expiresAt.getTime();
      this.block(address, until);
      // Once per block: the hit that crossed the limit tells every other process.
      if (count.hits === this.limit + 1) await this.counters.notify(CHANNEL, { address, until });
    } catch (error) {
      this.logger.warn(`could not count a refusal: ${(error as Error).message}`);
    }
  }

  // Seconds until the address may send again; 0 when it is not blocked.
  blockedFor(address: string | undefined): number {
    if (this.limit === 0 || !address) return 0;
    const until = this.blocked.get(address);
    if (until === undefined) return 0;
    const left = until - this.time.now().getTime();
    if (left > 0) return Math.ceil(left / 1000);
    this.blocked.delete(address);
    return 0;
  }

  // First middleware on /graphql: a blocked address gets 429 without its body being read.
  gate() {
    return (req: Request, res: Response, next: NextFunction): void => {
      const seconds = this.blockedFor(req.ip);
      if (seconds === 0) return next();
      res
        .status(429)
        .setHeader('Retry-After', String(seconds))
        .json(
          limitRefusalBody(
            'TOO_MANY_REQUESTS',
            `Too many refused operations from this address; try again in ${seconds} s`,
          ),
        );
    };
  }
}
