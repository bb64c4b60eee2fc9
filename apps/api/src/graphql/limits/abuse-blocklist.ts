import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { AppConfig } from '@intradesk/core';
import type { NextFunction, Request, Response } from 'express';
import { limitRefusalBody } from './limit-refusal';

// Addresses that keep sending refused operations (depth, alias and cost bombs, oversized or
// batched bodies) are cut off for the rest of the window, before their bodies are even parsed, so
// abuse cannot crowd out ordinary traffic. Kept per process, in @nestjs/throttler's storage.
@Injectable()
export class AbuseBlocklist implements OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(config: AppConfig) {
    this.limit = config.ABUSE_REFUSALS_PER_WINDOW;
    this.windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  }

  private key(address: string): string {
    return `abuse:${address}`;
  }

  async recordRefusal(address: string | undefined): Promise<void> {
    if (this.limit === 0 || !address) return;
    await this.storage.increment(
      this.key(address),
      this.windowMs,
      this.limit,
      this.windowMs,
      'abuse',
    );
  }

  // Seconds until the address may send again; 0 when it is not blocked.
  blockedFor(address: string | undefined): number {
    if (this.limit === 0 || !address) return 0;
    const record = this.storage.storage.get(this.key(address)) as
      { isBlocked: boolean; blockExpiresAt: number } | undefined;
    if (!record?.isBlocked) return 0;
    const left = record.blockExpiresAt - Date.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
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

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
