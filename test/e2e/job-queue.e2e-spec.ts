import {
  cloneDatabase,
  dropDatabase,
  JOB_QUEUE_SCHEMA,
  JobQueue,
  uniqueDatabaseName,
} from '@intradesk/db';
import { Client } from 'pg';

// Polls a condition until it holds, failing at the deadline (no fixed sleeps).
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function latch() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

// The job queue (pg-boss) under the recurring jobs: one run at a time across queue instances,
// each with its own connections as two processes would have; retries with backoff; drain.
describe('job queue', () => {
  const adminUrl = process.env.INTRADESK_TEST_ADMIN_URL!;
  const name = uniqueDatabaseName(process.env.INTRADESK_TEST_PREFIX!);
  let databaseUrl: string;
  let sql: Client;
  const queues: JobQueue[] = [];

  const queue = (id: string) => {
    const q = new JobQueue({ url: databaseUrl, applicationName: `jobs-test-${id}` });
    queues.push(q);
    return q;
  };
  const jobRows = async (job: string) =>
    (
      await sql.query<{ state: string; output: { skipped?: boolean } | null; retry_count: number }>(
        `SELECT state, output, retry_count FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = $1`,
        [job],
      )
    ).rows;

  beforeAll(async () => {
    databaseUrl = await cloneDatabase(adminUrl, process.env.INTRADESK_TEST_TEMPLATE!, name);
    sql = new Client({ connectionString: databaseUrl });
    await sql.connect();
  });
  afterAll(async () => {
    await Promise.all(queues.map((q) => q.stop()));
    await sql.end();
    await dropDatabase(adminUrl, name);
  });

  it('runs an exclusive job once at a time across two queue instances', async () => {
    const a = queue('a');
    const b = queue('b');
    let active = 0;
    let most = 0;
    const runs: string[] = [];
    const job = (who: string) => ({
      name: 'probe-exclusive',
      everySeconds: 1,
      run: async () => {
        active++;
        most = Math.max(most, active);
        runs.push(who);
        try {
          // The first run holds on until a later slot, taken while it runs, was skipped.
          if (runs.length === 1) {
            await until(
              async () => (await jobRows('probe-exclusive')).some((r) => r.output?.skipped),
              'a skipped slot',
            );
          }
        } finally {
          active--;
        }
      },
    });
    await Promise.all([a.schedule(job('a')), b.schedule(job('b'))]);
    await until(() => runs.length >= 3, 'three runs');
    expect(most).toBe(1);
    const rows = await jobRows('probe-exclusive');
    // The first run's queue instance was busy with it: the skip was the other instance's.
    expect(rows.filter((r) => r.output?.skipped).length).toBeGreaterThanOrEqual(1);
    await Promise.all([a.stop(), b.stop()]);
  }, 60_000);

  it('hands the exclusive lock on at once when its holder dies (as a SIGKILLed worker would)', async () => {
    // A session holding the job's lock, then killed: the job runs again without waiting.
    const a = queue('c');
    let runs = 0;
    const holder = new Client({ connectionString: databaseUrl });
    holder.on('error', () => undefined); // it is terminated below
    await holder.connect();
    await holder.query(`SELECT pg_advisory_lock(7240118, hashtext('probe-orphan'))`);
    await a.schedule({ name: 'probe-orphan', everySeconds: 1, run: async () => void runs++ });
    await until(
      async () => (await jobRows('probe-orphan')).some((r) => r.output?.skipped),
      'a slot skipped while the lock is held',
    );
    expect(runs).toBe(0);
    const [{ pid }] = (await holder.query('SELECT pg_backend_pid() AS pid')).rows;
    await sql.query('SELECT pg_terminate_backend($1)', [pid]);
    await holder.end().catch(() => undefined);
    await until(() => runs > 0, 'a run after the holder died');
    await a.stop();
  }, 60_000);

  it('retries a job that throws, with growing delays', async () => {
    const a = queue('d');
    const attempts: number[] = [];
    await a.schedule({
      name: 'probe-retry',
      // One slot in the test's time: only retries run again.
      everySeconds: 3600,
      retryLimit: 3,
      retryDelaySeconds: 1,
      run: async () => {
        attempts.push(Date.now());
        if (attempts.length <= 2) throw new Error(`failure ${attempts.length}`);
      },
    });
    await until(
      async () => (await jobRows('probe-retry')).some((r) => r.state === 'completed'),
      'the job completed after its retries',
      30_000,
    );
    expect(attempts).toHaveLength(3);
    const [first, second] = [attempts[1] - attempts[0], attempts[2] - attempts[1]];
    // pg-boss's backoff: delay * 2^n / 2 plus up to as much again at random (1-2 s, then 2-4 s).
    expect(first).toBeGreaterThanOrEqual(900);
    expect(second).toBeGreaterThanOrEqual(1900);
    const [row] = await jobRows('probe-retry');
    expect(row.retry_count).toBe(2);
    await a.stop();
  }, 60_000);

  it('waits at shutdown for the run in flight', async () => {
    const a = queue('e');
    const started = latch();
    const release = latch();
    const order: string[] = [];
    await a.schedule({
      name: 'probe-drain',
      everySeconds: 3600,
      run: async () => {
        started.open();
        await release.opened;
        // Still real work after the release: a query on the queue's own database.
        await sql.query('SELECT 1');
        order.push('run finished');
      },
    });
    await started.opened;
    let closed = false;
    const closing = a.stop().then(() => {
      closed = true;
      order.push('queue closed');
    });
    await until(() => a.state === 'draining', 'the queue draining');
    // The queue takes no new work but its run goes on: a stop that did not wait would resolve
    // within a few round trips to PostgreSQL; give it twenty.
    for (let i = 0; i < 20 && !closed; i++) await sql.query('SELECT 1');
    expect(closed).toBe(false);
    release.open();
    await closing;
    expect(order).toEqual(['run finished', 'queue closed']);
    expect(a.state).toBe('stopped');
    expect((await jobRows('probe-drain')).map((r) => r.state)).toEqual(['completed']);
  }, 60_000);
});
