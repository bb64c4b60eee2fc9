import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { cloneDatabase, dropDatabase, uniqueDatabaseName } from '@intradesk/db';
import { demoEmail, DEMO_PASSWORD } from '@intradesk/organization';
import { freePort } from '../utils/free-port';
import { GraphqlClient } from '../utils/graphql-client';

const ROOT = path.resolve(__dirname, '../..');

async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    let done = false;
    try {
      done = await check();
    } catch (error) {
      if ((error as Error).message.startsWith('the API exited')) throw error;
    }
    if (done) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// Two real API processes on one database: the rate limits and the abuse blocklist are counted
// in PostgreSQL, so together they enforce each limit once (with per-process counting, two
// processes would let a caller through twice as often).
describe('rate limits shared by two API processes', () => {
  const adminUrl = process.env.INTRADESK_TEST_ADMIN_URL!;
  const name = uniqueDatabaseName(process.env.INTRADESK_TEST_PREFIX!);
  let databaseUrl: string;
  const children: ChildProcess[] = [];
  const urls: string[] = [];

  async function api(seedDemo: boolean): Promise<string> {
    const port = await freePort();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        JWT_SECRET: 'rate-limit-processes-test-secret-0123456789abcdef',
        SURVEY_SECRET: 'rate-limit-processes-survey-secret-0123456789',
        SEED_DEMO: seedDemo ? 'true' : 'false',
        RUN_WORKER_IN_API: 'false',
        AUTO_CLOSE_INTERVAL_SECONDS: '0',
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_USER: '50',
        RATE_LIMIT_PER_ADDRESS: '1000000',
        RATE_LIMIT_WINDOW_SECONDS: '600',
        ABUSE_REFUSALS_PER_WINDOW: '3',
        TRUST_PROXY: 'loopback',
      },
      stdio: 'ignore',
    });
    children.push(child);
    const url = `http://127.0.0.1:${port}`;
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
      return (await fetch(`${url}/ready`)).ok;
    }, 'the API to be ready');
    return url;
  }

  beforeAll(async () => {
    databaseUrl = await cloneDatabase(adminUrl, process.env.INTRADESK_TEST_TEMPLATE!, name);
    // One after the other: the first seeds the demo organisation.
    urls.push(await api(true));
    urls.push(await api(false));
  }, 150_000);

  afterAll(async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    );
    await dropDatabase(adminUrl, name);
  });

  it('RATE_LIMIT_PER_USER=50: 80 calls by one user over both processes get 30 429s', async () => {
    const [a, b] = urls.map((url) => new GraphqlClient(`${url}/graphql`));
    const login = await a.data<{ login: { accessToken: string } }>(
      'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      { e: demoEmail('MKT', 'member'), p: DEMO_PASSWORD },
    );
    const clients = [a, b].map((c) => c.as(login.login.accessToken));
    const statuses: number[][] = [[], []];
    // Alternating processes, eight calls at a time.
    for (let i = 0; i < 80; i += 8) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, j) => clients[(i + j) % 2].request('{ me { id } }')),
      );
      answers.forEach((answer, j) => statuses[(i + j) % 2].push(answer.status));
    }
    const all = statuses.flat();
    expect(all.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    // Exactly the limit went through, each process serving part of it.
    expect(all.filter((s) => s === 200).length).toBe(50);
    for (const mine of statuses) expect(mine.filter((s) => s === 200).length).toBeGreaterThan(0);
  }, 60_000);

  it('an address blocked for refused operations on one process is blocked on the other', async () => {
    const send = (url: string, query: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.66' },
        body: JSON.stringify({ query }),
      });
    // Too deep: refused before it runs, and counted against the address.
    const bomb = `{ me { department { ${'parent { '.repeat(40)}id${' }'.repeat(40)} } } }`;
    for (let i = 0; i < 4; i++) expect((await send(urls[0], bomb)).status).toBe(400);
    expect((await send(urls[0], '{ __typename }')).status).toBe(429);
    // The other process hears of the block through NOTIFY.
    await until(
      async () => (await send(urls[1], '{ __typename }')).status === 429,
      'the other process to block the address',
      10_000,
    );
  }, 30_000);
});
