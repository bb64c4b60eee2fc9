// npm run bench:rate-limit — what counting the rate limits in PostgreSQL adds to a request.
// (1) The counter alone: HITS sequential checks of one operation's two budgets (one upsert
// statement each). (2) Through HTTP: HITS sequential `{ me { id } }` to the production API with
// the limits on, then with them off (RATE_LIMIT_PER_USER=0, RATE_LIMIT_PER_ADDRESS=0); the
// difference of the means is the added latency per one-field operation.
// DATABASE_URL names the server (a database is created and dropped); without it, embedded.
import 'reflect-metadata';
import { RateLimitCounters } from '@intradesk/db';
import { JobQueue } from '@intradesk/db';
import { startApiProcess } from './support/api-process';
import { benchDatabase } from './support/bench-database';
import { ADMIN } from './support/bench-org';

const HITS = Number(process.env.HITS ?? 1000);
const PORT = 3392;

function summary(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = ms.reduce((s, x) => s + x, 0) / ms.length;
  return { mean, p50: at(0.5), p99: at(0.99) };
}

const fmt = (s: { mean: number; p50: number; p99: number }) =>
  `mean ${s.mean.toFixed(3)} ms, p50 ${s.p50.toFixed(3)} ms, p99 ${s.p99.toFixed(3)} ms`;

interface Api {
  stop(): Promise<void>;
  call(): Promise<number>;
}

async function api(url: string, port: number, limits: boolean): Promise<Api> {
  const process_ = await startApiProcess({
    databaseUrl: url,
    port,
    env: {
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SURVEY_SECRET: 'bench-survey-secret-bench-survey-secret-0123',
      RATE_LIMIT_PER_USER: limits ? '1000000000' : '0',
      RATE_LIMIT_PER_ADDRESS: limits ? '1000000000' : '0',
    },
  });
  const post = (body: unknown, token?: string) =>
    fetch(`${process_.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });
  const login = (await (
    await post({
      query:
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: ADMIN.email, p: ADMIN.password },
    })
  ).json()) as { data: { login: { accessToken: string } } };
  const token = login.data.login.accessToken;
  return {
    stop: () => process_.stop(),
    call: async () => {
      const started = process.hrtime.bigint();
      const response = await post({ query: '{ me { id } }' }, token);
      await response.text();
      if (response.status !== 200) throw new Error(`answer ${response.status}`);
      return Number(process.hrtime.bigint() - started) / 1e6;
    },
  };
}

async function main(): Promise<void> {
  const database = await benchDatabase('intradesk_bench_rate');
  try {
    const options = { url: database.url, applicationName: 'bench' };
    const counters = new RateLimitCounters(options, new JobQueue(options));
    const keys = [
      { key: 'user:user:bench', windowMs: 60_000 },
      { key: 'address:address:127.0.0.1', windowMs: 60_000 },
    ];
    for (let i = 0; i < 200; i++) await counters.hit(keys, new Date());
    const direct: number[] = [];
    for (let i = 0; i < HITS; i++) {
      const started = process.hrtime.bigint();
      await counters.hit(keys, new Date());
      direct.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    await counters.onApplicationShutdown();
    console.log(`counter alone, ${HITS} checks of two budgets: ${fmt(summary(direct))}`);

    // Both APIs at once, called in turn, so the machine's load falls on both alike.
    const withLimits = await api(database.url, PORT, true);
    const without = await api(database.url, PORT + 1, false);
    const times = { on: [] as number[], off: [] as number[] };
    try {
      for (let i = 0; i < 200; i++) await Promise.all([withLimits.call(), without.call()]);
      for (let i = 0; i < HITS; i++) {
        times.on.push(await withLimits.call());
        times.off.push(await without.call());
      }
    } finally {
      await withLimits.stop();
      await without.stop();
    }
    const on = summary(times.on);
    const off = summary(times.off);
    console.log(`HTTP { me { id } } x ${HITS}, limits on:  ${fmt(on)}`);
    console.log(`HTTP { me { id } } x ${HITS}, limits off: ${fmt(off)}`);
    console.log(
      `added per one-field operation: ${(on.mean - off.mean).toFixed(3)} ms (mean), ${(on.p50 - off.p50).toFixed(3)} ms (p50)`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
