import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { cloneDatabase, dropDatabase, uniqueDatabaseName } from '@intradesk/db';
import { demoEmail, DEMO_PASSWORD } from '@intradesk/organization';
import { Client } from 'pg';
import { freePort } from '../utils/free-port';
import { GraphqlClient } from '../utils/graphql-client';

const ROOT = path.resolve(__dirname, '../..');

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('timed out waiting');
}

// SIGTERM: the API stops taking connections, finishes what is in flight, then exits.
describe('graceful shutdown of the API process', () => {
  const adminUrl = process.env.INTRADESK_TEST_ADMIN_URL!;
  const name = uniqueDatabaseName(process.env.INTRADESK_TEST_PREFIX!);
  let databaseUrl: string;
  let child: ChildProcess;
  let baseUrl: string;

  beforeAll(async () => {
    databaseUrl = await cloneDatabase(adminUrl, process.env.INTRADESK_TEST_TEMPLATE!, name);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: 'graceful-shutdown-test-secret-0123456789abcdef',
        SURVEY_SECRET: 'graceful-shutdown-survey-secret-0123456789abc',
        SEED_DEMO: 'true',
        RUN_WORKER_IN_API: 'false',
        AUTO_CLOSE_INTERVAL_SECONDS: '0',
        SHUTDOWN_TIMEOUT_SECONDS: '20',
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    });
    await waitFor(async () => (await fetch(`${baseUrl}/ready`)).ok, 60_000);
  }, 90_000);

  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await dropDatabase(adminUrl, name);
  });

  it('finishes a request in flight after SIGTERM, refuses new connections, exits 0', async () => {
    const graphql = new GraphqlClient(`${baseUrl}/graphql`);
    const login = await graphql.data(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: demoEmail('MKT', 'member'), p: DEMO_PASSWORD },
    );
    const member = graphql.as(login.login.accessToken);
    const it = (await member.data('{ department(code: "IT") { id } }')).department.id;

    // Hold the request-number table so a createRequest stays in flight.
    const blocker = new Client({ connectionString: databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE request_counters IN ACCESS EXCLUSIVE MODE');
    const inFlight = member.request(
      'mutation($s: ID!) { createRequest(input: { supplierId: $s, title: "Filed before SIGTERM" }) { number } }',
      { s: it },
    );
    await waitFor(async () => {
      const [row] = (
        await blocker.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        )
      ).rows;
      return row.n > 0;
    }, 10_000);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // New connections are refused while the old request is still running.
    await waitFor(
      () =>
        fetch(`${baseUrl}/ready`).then(
          () => false,
          () => true,
        ),
      10_000,
    );
    await expect(fetch(`${baseUrl}/ready`)).rejects.toThrow();
    expect(child.exitCode).toBeNull();

    await blocker.query('COMMIT');
    await blocker.end();
    const answered = await inFlight;
    expect(answered.status).toBe(200);
    const number = (answered.data as { createRequest: { number: string } }).createRequest.number;
    expect(number).toMatch(/^IT-\d+$/);
    expect(await exited).toBe(0);

    const check = new Client({ connectionString: databaseUrl });
    await check.connect();
    const { rows } = await check.query(
      "SELECT count(*)::int AS n FROM requests WHERE number = 'IT-1'",
    );
    await check.end();
    expect(rows[0].n).toBe(1);
  }, 60_000);
});
