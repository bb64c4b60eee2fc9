import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { demoEmail, DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { CREATE_REQUEST } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { subscribe, Subscriber } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const ROOT = path.resolve(__dirname, '../..');
const REQUESTS = 300;
const SUPPLIERS = ['IT', 'HR', 'FIN'];
const CUSTOMERS = ['MKT', 'SALES', 'LOG', 'PROD', 'PAY'];

// Two API processes and two worker processes on one database, under concurrent load: no
// duplicate request numbers, events or notifications, and nothing lost.
describe('scale-out: two APIs and two workers on one database', () => {
  let a: TestApp;
  let b: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ sameDatabaseAs: a });
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => stop(w)));
    await b.close();
    await a.close();
  });

  function worker(): ChildProcess {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: a.databaseUrl,
        JWT_SECRET: 'scale-out-test',
        LOG_LEVEL: 'silent',
        WORKER_POLL_SECONDS: '1',
        ESCALATION_DELAY_MINUTES: '600',
      },
      stdio: 'ignore',
    });
    workers.push(child);
    return child;
  }

  const stop = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });

  it('numbers, delivers and escalates everything exactly once', async () => {
    const ids = await departmentIds(a.dataSource);
    const ops = await a.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    await ops.data('mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }', {
      i: { firstResponseMinutes: 60, resolutionMinutes: 100000 },
    });
    worker();
    worker();
    // Subscribers of IT's queue on both processes.
    const itAgentToken = (
      await a.graphql.data(
        `mutation { login(email: "${demoEmail('IT', 'agent')}", password: "intradesk-demo") { accessToken } }`,
      )
    ).login.accessToken as string;
    const subscribers: Subscriber<{ requestChanged: { request: { id: string } } }>[] = [];
    for (const app of [a, b, a, b]) {
      subscribers.push(
        await subscribe(
          `${app.baseUrl}/graphql`,
          itAgentToken,
          `subscription($d: ID) { requestChanged(departmentId: $d) { kind request { id } } }`,
          { d: ids.IT },
        ),
      );
    }
    const filers: GraphqlClient[] = [];
    for (const [i, code] of CUSTOMERS.entries()) {
      filers.push(await (i % 2 ? b : a).login(demoEmail(code, 'member')));
    }
    // Load: 300 creations, 20 at a time, alternating processes, customers and suppliers.
    for (let i = 0; i < REQUESTS; i += 20) {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          filers[(i + j) % filers.length].request(CREATE_REQUEST, {
            input: {
              supplierId: ids[SUPPLIERS[(i + j) % SUPPLIERS.length]],
              title: `Load ${i + j}`,
            },
          }),
        ),
      );
      for (const result of results) expect(result.errors).toBeUndefined();
    }
    // Every first-response clock overdue: the two workers share the warnings, breaches and
    // first escalation rungs.
    await a.dataSource.query(`
      UPDATE sla_clocks SET warn_at = now() - interval '3 hours', due_at = now() - interval '2 hours',
                            next_check_at = now() - interval '3 hours'
       WHERE kind = 'FIRST_RESPONSE'`);
    const pending = async () =>
      (
        await a.dataSource.query(
          `SELECT count(*)::int AS n FROM sla_clocks WHERE next_check_at <= now()`,
        )
      )[0].n as number;
    for (let i = 0; i < 600 && (await pending()) > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await pending()).toBe(0);

    // Numbers: each supplier's are exactly 1..n.
    const numbers: { code: string; seqs: number[] }[] = await a.dataSource.query(`
      SELECT d.code, array_agg(r.seq ORDER BY r.seq) AS seqs
        FROM requests r JOIN departments d ON d.id = r.supplier_id GROUP BY d.code`);
    expect(numbers.reduce((n, s) => n + s.seqs.length, 0)).toBe(REQUESTS);
    for (const { seqs } of numbers) expect(seqs).toEqual(seqs.map((_, i) => i + 1));

    // Events: every subscriber, on either process, got each of IT's creations once.
    const itRequests = REQUESTS / SUPPLIERS.length;
    for (const subscriber of subscribers) {
      const events = await subscriber.waitFor(itRequests, 15_000);
      const requestIds = events.map((e) => e.requestChanged.request.id);
      expect(new Set(requestIds).size).toBe(itRequests);
      expect(requestIds).toHaveLength(itRequests);
      await subscriber.close();
    }

    // SLA events and notifications: once each.
    const [counts] = await a.dataSource.query(`
      SELECT count(*) FILTER (WHERE kind = 'WARNING')::int AS warnings,
             count(*) FILTER (WHERE kind = 'BREACHED')::int AS breaches,
             count(*) FILTER (WHERE kind = 'ESCALATED' AND rung = 1)::int AS first_rungs,
             (SELECT count(*)::int FROM (SELECT user_id, request_id, kind FROM notifications
               GROUP BY 1, 2, 3 HAVING count(*) > 1) d) AS duplicate_notifications
        FROM sla_events`);
    expect(counts).toEqual({
      warnings: REQUESTS,
      breaches: REQUESTS,
      first_rungs: REQUESTS,
      duplicate_notifications: 0,
    });
  }, 180_000);
});
