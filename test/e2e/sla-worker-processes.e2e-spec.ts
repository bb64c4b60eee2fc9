import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { demoEmail, DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { CREATE_REQUEST } from '../factories/requests.factory';
import { startTestApp, TestApp } from '../utils/test-app';

const ROOT = path.resolve(__dirname, '../..');
const CLOCKS = 600;

// Real worker processes (apps/worker) on one database: one is killed with SIGKILL mid-run and
// others finish the work. Every warning, breach and escalation must be recorded exactly once.
describe('SLA worker processes: SIGKILL and restart', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const ids = await departmentIds(t.dataSource);
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    await ops.data('mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }', {
      i: { supplierId: ids.IT, firstResponseMinutes: 60, resolutionMinutes: 100000 },
    });
    const filer = await t.login(demoEmail('MKT', 'member'));
    for (let i = 0; i < CLOCKS; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) =>
          filer.request(CREATE_REQUEST, { input: { supplierId: ids.IT, title: `Due ${i + j}` } }),
        ),
      );
    }
    // Make every first-response clock long overdue: warning, breach and the first rung are due
    // (the later rungs are hours away with the default delay).
    await t.dataSource.query(`
      UPDATE sla_clocks SET warn_at = now() - interval '3 hours', due_at = now() - interval '2 hours',
                            next_check_at = now() - interval '3 hours'
       WHERE kind = 'FIRST_RESPONSE'`);
  });
  afterAll(() => t.close());

  function worker(): ChildProcess {
    return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        JWT_SECRET: 'worker-test',
        LOG_LEVEL: 'silent',
        WORKER_POLL_SECONDS: '1',
        ESCALATION_DELAY_MINUTES: '600',
      },
      stdio: 'ignore',
    });
  }

  const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });

  const pending = async () =>
    (
      await t.dataSource.query(
        `SELECT count(*)::int AS n FROM sla_clocks WHERE next_check_at <= now()`,
      )
    )[0].n as number;

  it('records each event once, even when a worker dies mid-batch', async () => {
    const first = worker();
    // Let it get going, then kill it without warning.
    for (let i = 0; i < 100 && (await pending()) > CLOCKS * 0.8; i++)
      await new Promise((r) => setTimeout(r, 100));
    await stop(first, 'SIGKILL');
    const left = await pending();
    expect(left).toBeGreaterThan(0);

    const others = [worker(), worker()];
    for (let i = 0; i < 600 && (await pending()) > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    await Promise.all(others.map((w) => stop(w, 'SIGTERM')));

    const [counts] = await t.dataSource.query(`
      SELECT count(*) FILTER (WHERE kind = 'WARNING')::int AS warnings,
             count(*) FILTER (WHERE kind = 'BREACHED')::int AS breaches,
             count(*) FILTER (WHERE kind = 'ESCALATED' AND rung = 1)::int AS first_rungs,
             count(*) FILTER (WHERE kind = 'ESCALATED' AND rung > 1)::int AS later_rungs
        FROM sla_events`);
    expect(counts).toEqual({
      warnings: CLOCKS,
      breaches: CLOCKS,
      first_rungs: CLOCKS,
      later_rungs: 0,
    });
    // The SLA worker's notifications (filing the requests told IT's agents and lead too).
    const [{ notifications, duplicates }] = await t.dataSource.query(`
      SELECT count(*)::int AS notifications,
             (SELECT count(*)::int FROM (SELECT user_id, request_id, kind FROM notifications
               WHERE kind::text LIKE 'SLA\\_%' GROUP BY 1, 2, 3 HAVING count(*) > 1) d) AS duplicates
        FROM notifications WHERE kind::text LIKE 'SLA\\_%'`);
    expect(notifications).toBe(2 * CLOCKS); // a warning and a first rung each, to IT's lead
    expect(duplicates).toBe(0);
    expect(left).toBeLessThan(CLOCKS + 1);
  }, 180_000);
});
