import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { DATABASE_OPTIONS, type DatabaseModuleOptions } from '../database-options';
import { JobQueue } from '../jobs/job-queue';

export interface RateLimitHit {
  key: string;
  // Window length, from the key's first hit in it.
  windowMs: number;
}

export interface RateLimitCount {
  key: string;
  hits: number;
  expiresAt: Date;
}

// Rate-limit counters every API process shares, in the UNLOGGED table rate_limit_counters (a
// crash of PostgreSQL forgets them, which only forgives the callers of that window). A key's
// window starts at its first hit, as @nestjs/throttler's did; each hit is one upsert, and the
// budgets an operation spends (its user's and its address's) go in one statement, so a check
// costs one round trip. Its own small pool: the checks never queue behind the app's queries, and
// the app's SQL statement counts (tests) do not see them.
@Injectable()
export class RateLimitCounters implements OnApplicationShutdown {
  private readonly logger = new Logger(RateLimitCounters.name);
  private pool: Pool | null = null;

  constructor(
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions,
    private readonly jobs: JobQueue,
  ) {}

  private db(): Pool {
    if (!this.pool) {
      this.pool = new Pool({
        connectionString: this.options.url,
        max: 4,
        application_name: `${this.options.applicationName ?? 'intradesk'}-limits`,
        // A check that cannot be made quickly is not made (callers let the request through).
        connectionTimeoutMillis: 2000,
        query_timeout: 2000,
      });
      this.pool.on('error', (error) => this.logger.warn(`rate-limit connection: ${error.message}`));
    }
    return this.pool;
  }

  // Counts one hit on each key (distinct keys) at `now`; returns every key's count in its window.
  async hit(hits: RateLimitHit[], now: Date): Promise<Map<string, RateLimitCount>> {
    if (hits.length === 0) return new Map();
    // One lock order for every statement, so two operations on the same keys cannot deadlock.
    const sorted = [...hits].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const { rows } = await this.db().query<{ key: string; hits: number; expires_at: Date }>(
      `INSERT INTO rate_limit_counters AS c (key, hits, expires_at)
       SELECT t.key, 1, $2::timestamptz + t.window_ms * interval '1 millisecond'
         FROM unnest($1::text[], $3::int[]) WITH ORDINALITY AS t(key, window_ms, n)
        ORDER BY t.n
       ON CONFLICT (key) DO UPDATE
          SET hits = CASE WHEN c.expires_at <= $2 THEN 1 ELSE c.hits + 1 END,
              expires_at = CASE WHEN c.expires_at <= $2 THEN excluded.expires_at ELSE c.expires_at END
       RETURNING c.key, c.hits, c.expires_at`,
      [sorted.map((h) => h.key), now, sorted.map((h) => h.windowMs)],
    );
    return new Map(
      rows.map((r) => [r.key, { key: r.key, hits: r.hits, expiresAt: new Date(r.expires_at) }]),
    );
  }

  // Keys starting with `prefix` that have more than `limit` hits in a window still open at `now`.
  async over(prefix: string, limit: number, now: Date): Promise<RateLimitCount[]> {
    const { rows } = await this.db().query<{ key: string; hits: number; expires_at: Date }>(
      `SELECT key, hits, expires_at FROM rate_limit_counters
        WHERE starts_with(key, $1) AND hits > $2 AND expires_at > $3`,
      [prefix, limit, now],
    );
    return rows.map((r) => ({ key: r.key, hits: r.hits, expiresAt: new Date(r.expires_at) }));
  }

  // Windows closed before `now` (a recurring job in the worker); returns how many went.
  async purge(now: Date): Promise<number> {
    const result = await this.db().query('DELETE FROM rate_limit_counters WHERE expires_at <= $1', [
      now,
    ]);
    return result.rowCount ?? 0;
  }

  // NOTIFY on the shared database (e.g. a block every API process should know about).
  async notify(channel: string, payload: unknown): Promise<void> {
    await this.db().query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(payload)]);
  }

  // The worker's recurring purge of closed windows.
  schedulePurge(everySeconds: number, now: () => Date): Promise<void> {
    return this.jobs.schedule({
      name: 'rate-limit-purge',
      everySeconds,
      run: () => this.purge(now()),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.end();
  }
}
