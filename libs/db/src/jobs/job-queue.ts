import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { Pool } from 'pg';
import { DATABASE_OPTIONS, type DatabaseModuleOptions } from '../database-options';

// pg-boss keeps its tables here, created (and upgraded) by pg-boss itself at start, outside
// `public` and so outside TypeORM's migrations and drift check.
export const JOB_QUEUE_SCHEMA = 'pgboss';
// Key space of the advisory locks that keep an exclusive job to one run at a time.
const EXCLUSIVE_LOCK_SPACE = 7_240_118;
const QUEUE_SETUP_LOCK = 7_240_119;

export interface RecurringJob {
  // Queue name: lowercase letters, digits and hyphens.
  name: string;
  everySeconds: number;
  // At most one run at a time across every process (default). A run that finds another one in
  // flight completes at once with { skipped: true }.
  exclusive?: boolean;
  // A run that throws is retried this many times (default 3)...
  retryLimit?: number;
  // ...after about this long, doubled at each retry with jitter (default everySeconds).
  retryDelaySeconds?: number;
  run(): Promise<unknown>;
}

export type JobQueueState = 'idle' | 'running' | 'draining' | 'stopped';

// Scheduled and retried work on pg-boss over the app's PostgreSQL. A recurring job is one
// throttled pg-boss job per slot of `everySeconds` (the slot is unique in pg-boss's table, so
// however many processes schedule it, each slot runs once), fetched with SKIP LOCKED by one of
// the processes, retried with exponential backoff when it throws, and, when exclusive, guarded
// by a session advisory lock: PostgreSQL releases it the moment its process dies, so a SIGKILLed
// worker holds nothing up (pg-boss's own singleton policy would wait for the job to expire).
// Started lazily: a process that schedules nothing opens no connection. At shutdown the queue
// takes no new work and waits for the runs in flight (beforeApplicationShutdown, so before
// TypeORM closes its pool).
@Injectable()
export class JobQueue implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private pool: Pool | null = null;
  private boss: PgBoss | null = null;
  private starting: Promise<PgBoss> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly timers = new Set<NodeJS.Timeout>();
  private inFlight = 0;
  private stopped = false;

  constructor(@Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions) {}

  get state(): JobQueueState {
    if (this.stopped) return 'stopped';
    if (this.stopping) return 'draining';
    return this.boss ? 'running' : 'idle';
  }

  // Runs in flight in this process.
  get running(): number {
    return this.inFlight;
  }

  async schedule(job: RecurringJob): Promise<void> {
    if (!/^[a-z0-9-]+$/.test(job.name)) throw new Error(`bad job name "${job.name}"`);
    if (!(job.everySeconds >= 1)) throw new Error(`${job.name}: everySeconds must be at least 1`);
    const boss = await this.start();
    const retryDelay = Math.max(1, Math.round(job.retryDelaySeconds ?? job.everySeconds));
    const queue = {
      name: job.name,
      policy: 'standard' as const,
      retryLimit: job.retryLimit ?? 3,
      retryDelay,
      retryBackoff: true,
      expireInSeconds: 15 * 60,
    };
    // Creating a queue adds a partition to pg-boss's job table: two processes doing it at once
    // deadlock, so they take turns.
    await this.withLock(QUEUE_SETUP_LOCK, async () => {
      if (!(await boss.getQueue(job.name))) await boss.createQueue(job.name, queue);
      else await boss.updateQueue(job.name, queue);
    });
    const exclusive = job.exclusive ?? true;
    const workerId = await boss.work(
      job.name,
      // Retries are due after retryDelay: poll at least that often.
      {
        batchSize: 1,
        pollingIntervalSeconds: Math.max(0.5, Math.min(job.everySeconds, retryDelay)),
      },
      () => this.runOne(job, exclusive),
    );
    const tick = async () => {
      if (this.stopping) return;
      try {
        const id = await boss.send(
          job.name,
          {},
          {
            singletonKey: job.name,
            singletonSeconds: job.everySeconds,
          },
        );
        // This process made the slot's job: let its worker take it now, not at its next poll.
        if (id) boss.notifyWorker(workerId);
      } catch (error) {
        this.logger.warn(`${job.name}: could not schedule: ${(error as Error).message}`);
      }
    };
    const timer = setInterval(() => void tick(), job.everySeconds * 1000);
    this.timers.add(timer);
    await tick();
    this.logger.log(`${job.name}: every ${job.everySeconds} s`);
  }

  private async withLock<T>(key: number, work: () => Promise<T>): Promise<T> {
    const client = await this.pool!.connect();
    let healthy = false;
    try {
      await client.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await work();
      } finally {
        healthy = await client.query('SELECT pg_advisory_unlock($1)', [key]).then(
          () => true,
          () => false,
        );
      }
    } finally {
      client.release(!healthy);
    }
  }

  private async runOne(job: RecurringJob, exclusive: boolean): Promise<unknown> {
    this.inFlight++;
    try {
      if (!exclusive) return await job.run();
      const client = await this.pool!.connect();
      // A connection whose lock or unlock failed is closed, which releases any lock it held.
      let healthy = false;
      try {
        const { rows } = await client.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked',
          [EXCLUSIVE_LOCK_SPACE, job.name],
        );
        healthy = true;
        if (!rows[0].locked) return { skipped: true };
        try {
          return await job.run();
        } finally {
          healthy = await client
            .query('SELECT pg_advisory_unlock($1, hashtext($2))', [EXCLUSIVE_LOCK_SPACE, job.name])
            .then(
              () => true,
              () => false,
            );
        }
      } finally {
        client.release(!healthy);
      }
    } catch (error) {
      this.logger.error(`${job.name} failed (it will be retried): ${(error as Error).message}`);
      throw error;
    } finally {
      this.inFlight--;
    }
  }

  private start(): Promise<PgBoss> {
    if (this.stopping) return Promise.reject(new Error('the job queue is stopping'));
    this.starting ??= (async () => {
      const pool = new Pool({
        connectionString: this.options.url,
        // pg-boss's fetches and completions, and one lock session per exclusive run.
        max: 4,
        application_name: `${this.options.applicationName ?? 'intradesk'}-jobs`,
      });
      pool.on('error', (error) => this.logger.warn(`job queue connection: ${error.message}`));
      this.pool = pool;
      const boss = new PgBoss({
        db: {
          executeSql: async (text: string, values?: unknown[]) =>
            this.pool ? pool.query(text, values) : { rows: [] },
        },
        schema: JOB_QUEUE_SCHEMA,
        // No cron: recurring jobs are throttled slots (cron's resolution is a minute).
        schedule: false,
        supervise: true,
        maintenanceIntervalSeconds: 60,
        // Recurring slots are many and dull: archived after an hour, deleted after a day.
        archiveCompletedAfterSeconds: 60 * 60,
        deleteAfterSeconds: 24 * 60 * 60,
      });
      boss.on('error', (error: Error) => this.logger.warn(`job queue: ${error.message}`));
      await boss.start();
      this.boss = boss;
      return boss;
    })().catch(async (error: unknown) => {
      // Not started (the database is down?): the next schedule() tries again.
      this.starting = null;
      await this.pool?.end().catch(() => undefined);
      this.pool = null;
      throw error;
    });
    return this.starting;
  }

  // Takes no new work, waits for the runs in flight (up to drainTimeoutMs), then closes.
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const timer of this.timers) clearInterval(timer);
      this.timers.clear();
      const boss = await this.starting?.catch(() => null);
      if (!boss) {
        this.stopped = true;
        return;
      }
      const timeout = this.options.drainTimeoutMs ?? 30_000;
      const until = Date.now() + timeout;
      await boss.stop({ graceful: true, wait: true, timeout });
      // pg-boss can resolve with a handler still running (seen with a long mail run at start):
      // wait for our own count too, so the database outlives the run and its completion.
      while (this.inFlight > 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      this.boss = null;
      const pool = this.pool;
      this.pool = null;
      await pool?.end();
      this.stopped = true;
    })();
    return this.stopping;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
