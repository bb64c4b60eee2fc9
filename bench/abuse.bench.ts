// npm run bench:abuse — how fast the production API refuses abusive operations (depth bombs,
// alias floods, cost bombs, oversized documents and bodies), and whether ordinary traffic keeps
// its latency while it does. Prints a table and writes bench/results/<date>-<commit>-abuse.md.
// DATABASE_URL names the server (a database is created and dropped); without it, embedded.
// BENCH_SECONDS (10), SAMPLES (300), HISTORY (20000).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool } from 'pg';
import { buildApi, startApiProcess } from './support/api-process';
import { benchDatabase } from './support/bench-database';
import { ADMIN, seedBenchOrg } from './support/bench-org';
import { httpLoad, LoadResult } from './support/load';
import { markdownTable } from './support/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SAMPLES = Number(process.env.SAMPLES ?? 300);
const HISTORY = Number(process.env.HISTORY ?? 20_000);
const PORT = 3391;

function nested(field: string, depth: number, leaf = 'id'): string {
  let selection = leaf;
  for (let i = 0; i < depth; i++) selection = `${field} { ${selection} }`;
  return selection;
}

// Each abusive request as a raw HTTP body.
const BOMBS: Record<string, string> = {
  'depth bomb (200 levels)': JSON.stringify({
    query: `{ me { department { ${nested('parent', 200)} } } }`,
  }),
  'alias flood (1,000 aliases)': JSON.stringify({
    query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
  }),
  'cost bomb (nested lists)': JSON.stringify({
    query:
      '{ departments { members { department { members { department { children { members { id } } } } } } } }',
  }),
  'oversized document (60 KB)': JSON.stringify({
    query: `{ me { id } } # ${'x'.repeat(60_000)}`,
  }),
  'batched operations (50)': JSON.stringify(
    Array.from({ length: 50 }, () => ({ query: '{ me { id } }' })),
  ),
};
const OVERSIZED_BODY = 'oversized body (11 MB)';

const QUEUE_PAGE = `query($s: [ID!]) { requests(first: 50, filter: { supplierIds: $s }) { edges { node {
  id number title status priority createdAt
  customer { id code name } supplier { id code name } service { id name } assignee { id name }
  sla { firstResponse { state dueAt elapsedMinutes } resolution { state dueAt elapsedMinutes } } } } } }`;

// A different client address for each call (the API trusts X-Forwarded-For from loopback here),
// so the abuse blocklist does not cut the measurement short.
let addresses = 0;
const nextAddress = () => `10.1.${(++addresses >> 8) & 255}.${addresses & 255}`;

async function timed(
  url: string,
  token: string,
  body: string,
): Promise<{ ms: number; status: number; code: string }> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-forwarded-for': nextAddress(),
    },
    body,
  });
  const text = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const code = /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '-';
  return { ms, status: response.status, code };
}

// An oversized body is refused from its Content-Length: time to the answer, without the client
// spending that time uploading 11 MB first.
function timedOversized(url: string): Promise<{ ms: number; status: number; code: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(11 * 1024 * 1024),
        'x-forwarded-for': nextAddress(),
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        request.destroy();
        resolve({
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          status: response.statusCode ?? 0,
          code: /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '-',
        });
      });
    });
    request.on('error', reject);
    request.flushHeaders();
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

async function main(): Promise<void> {
  buildApi();
  const db = await benchDatabase('intradesk_bench_abuse');
  const pool = new Pool({ connectionString: db.url, max: 10 });
  const api = await startApiProcess({
    databaseUrl: db.url,
    port: PORT,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, TRUST_PROXY: 'loopback' },
  });
  try {
    const org = await seedBenchOrg(api.baseUrl, pool, HISTORY);
    const supplier = org.suppliers[0];
    const token = supplier.agentToken;
    const url = org.graphqlUrl;

    // 1. Each refusal on its own, one at a time.
    const refusals: string[][] = [];
    const bodies: [string, string | null][] = [...Object.entries(BOMBS), [OVERSIZED_BODY, null]];
    for (const [name, body] of bodies) {
      const results = [];
      for (let i = 0; i < SAMPLES; i++) {
        results.push(body === null ? await timedOversized(url) : await timed(url, token, body));
      }
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      const answers = [...new Set(results.map((r) => `${r.status} ${r.code}`))].join(', ');
      refusals.push([
        name,
        answers,
        percentile(ms, 0.5).toFixed(1),
        percentile(ms, 0.99).toFixed(1),
        ms[ms.length - 1].toFixed(1),
        percentile(ms, 0.99) < 50 ? 'yes' : 'NO',
      ]);
    }
    const refusalTable = markdownTable(
      ['abusive request', 'answer', 'p50 ms', 'p99 ms', 'max ms', 'p99 < 50 ms'],
      refusals,
    );
    console.log(`\nRefusals (${SAMPLES} each, sequential):\n${refusalTable}`);

    // 2. The queue page at 8 clients (one office address) alone, then beside 8 clients sending
    // the bombs in turn: from one address (cut off by the abuse blocklist after 20 refusals), and
    // from a new address every time (what the refusals themselves cost).
    const page = JSON.stringify({ query: QUEUE_PAGE, variables: { s: [supplier.id] } });
    const office = { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.0.0.1' };
    const normal = (): Promise<LoadResult> =>
      httpLoad({ url, connections: 8, durationSeconds: SECONDS, headers: office, body: page });
    const bombBodies = Object.values(BOMBS);
    const abuse = (rotate: boolean): Promise<LoadResult> => {
      let next = 0;
      const headers = { authorization: `Bearer ${token}`, 'x-forwarded-for': '10.9.9.9' };
      return httpLoad({
        url,
        connections: 8,
        durationSeconds: SECONDS,
        headers,
        body: bombBodies[0],
        request: () => ({
          headers: rotate ? { ...headers, 'x-forwarded-for': nextAddress() } : headers,
          body: bombBodies[next++ % bombBodies.length],
        }),
      });
    };
    const alone = await normal();
    const [besideOne, oneAddress] = await Promise.all([normal(), abuse(false)]);
    const [besideMany, manyAddresses] = await Promise.all([normal(), abuse(true)]);
    const row = (label: string, r: LoadResult, bombs?: LoadResult) => [
      label,
      r.requestsPerSecond.toFixed(0),
      r.p50.toFixed(0),
      r.p99.toFixed(0),
      String(r.errors),
      bombs ? `${bombs.requestsPerSecond.toFixed(0)}/s, p99 ${bombs.p99.toFixed(0)} ms` : '',
    ];
    const trafficTable = markdownTable(
      ['queue page, 8 clients', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'abusive requests answered'],
      [
        row('alone', alone),
        row('beside 8 abusers at one address', besideOne, oneAddress),
        row('beside 8 abusers, a new address each time', besideMany, manyAddresses),
      ],
    );
    console.log(`\nOrdinary traffic under abuse (${SECONDS} s each):\n${trafficTable}`);

    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const date = new Date().toISOString().slice(0, 10);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
    const file = path.resolve(__dirname, 'results', `${date}-${commit}-abuse.md`);
    fs.writeFileSync(
      file,
      `# Abuse benchmark ${date} (commit ${commit})\n\n${machine}; the API as a production process.\n\n## Refusals (${SAMPLES} each, sequential)\n\n${refusalTable}\n\n## Ordinary traffic under abuse (${SECONDS} s each)\n\n${trafficTable}\n`,
    );
    console.log(`\nwrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await api.stop();
    await pool.end();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
