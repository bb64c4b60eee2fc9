// npm run bench — the API as a separate production-mode process, driven over HTTP by autocannon
// at several concurrencies, each figure beside a baseline measured in the same run:
//   write:  createRequest through GraphQL vs the same SQL statements from a plain pg script;
//   read:   a queue page of 50 requests with nested data vs `{ __typename }` (the framework's
//           ceiling) and vs one hand-written SQL query returning the same data;
//   fanout: events per second delivered to 500 subscribers;
//   growth: the queue page, atRiskRequests and the breach scan at 100,000 and 1,000,000 requests.
// `npm run bench:write` (read, fanout, growth) runs one; `npm run bench:soak` checks memory over
// SOAK_MINUTES (10) and is not part of `npm run bench`. The results table goes to bench/results/.
// DATABASE_URL names the server (a database is created and dropped); without it, embedded.
// BENCH_SECONDS (10), CONCURRENCY (1,8,32), HISTORY (100000), GROWTH (100000,1000000).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Pool, PoolClient } from 'pg';
import { writeWebhookOutbox } from '@intradesk/notifications';
import { subscribe, Subscriber } from '../test/utils/subscription-client';
import { ApiProcess, buildApi, startApiProcess } from './support/api-process';
import { benchDatabase, BenchDatabase, medianMs } from './support/bench-database';
import { ADMIN, BenchOrg, graphql, seedBenchOrg } from './support/bench-org';
import { concurrentLoad, httpLoad, LoadResult } from './support/load';
import { markdownTable } from './support/table';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = (process.env.CONCURRENCY ?? '1,8,32').split(',').map(Number);
const HISTORY = Number(process.env.HISTORY ?? 100_000);
const GROWTH = (process.env.GROWTH ?? '100000,1000000').split(',').map(Number);
const SUBSCRIBERS = Number(process.env.SUBSCRIBERS ?? 500);
const PORT = 3390;

interface Setup {
  db: BenchDatabase;
  pool: Pool;
  api: ApiProcess;
  org: BenchOrg;
}

async function setUp(history: number): Promise<Setup> {
  const db = await benchDatabase('intradesk_bench_http');
  const pool = new Pool({ connectionString: db.url, max: 40 });
  const api = await startApiProcess({
    databaseUrl: db.url,
    port: PORT,
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const started = Date.now();
  const org = await seedBenchOrg(api.baseUrl, pool, history);
  console.log(
    `seeded the Home Office organogram (132 units), 8 suppliers, 32 requesters and ${history.toLocaleString('en')} requests in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { db, pool, api, org };
}

async function tearDown(setup: Setup): Promise<void> {
  await setup.api.stop();
  await setup.pool.end();
  await setup.db.close();
}

type Row = string[];
const fmt = (r: LoadResult) => [r.requestsPerSecond.toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1)];

// createRequest through GraphQL beside the same statements run by a plain pg script.
async function writeBench(setup: Setup): Promise<Row[]> {
  const { org, pool, api } = setup;
  let n = 0;
  const next = () => {
    const i = n++;
    const supplier = org.suppliers[i % org.suppliers.length];
    const requester = org.requesters[i % org.requesters.length];
    return { supplier, requester, service: supplier.serviceIds[i % 2] };
  };
  const rows: Row[] = [];
  for (const connections of CONCURRENCY) {
    const before = await countRequests(pool);
    const http = await httpLoad({
      url: org.graphqlUrl,
      connections,
      durationSeconds: SECONDS,
      headers: {},
      body: '',
      request: () => {
        const { supplier, requester, service } = next();
        return {
          headers: { authorization: `Bearer ${requester.token}` },
          body: JSON.stringify({
            query: `mutation($i: CreateRequestInput!) { createRequest(input: $i) { id number } }`,
            variables: {
              i: {
                supplierId: supplier.id,
                serviceId: service,
                title: 'Benchmark request',
                description: 'Created by the write benchmark',
              },
            },
          }),
        };
      },
    });
    const created = (await countRequests(pool)) - before;
    const sql = await concurrentLoad(connections, SECONDS, async () => {
      const { supplier, requester, service } = next();
      await createRequestSql(pool, supplier.id, requester.departmentId, service);
    });
    rows.push([
      String(connections),
      ...fmt(http),
      `${http.errors}/${created}`,
      ...fmt(sql),
      (http.requestsPerSecond / sql.requestsPerSecond).toFixed(2),
      api.peakRssMb().toFixed(0),
    ]);
  }
  return rows;
}

const countRequests = async (pool: Pool) =>
  (await pool.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n as number;

// The statements the API runs for one createRequest (its sign-in check, the transaction with
// the supplier and customer, the number, the request, the policy and calendar lookups, both
// clocks, the history row and the notification), with their results used the same way.
async function createRequestSql(
  pool: Pool,
  supplierId: string,
  customerId: string,
  serviceId: string,
) {
  const client: PoolClient = await pool.connect();
  try {
    await client.query(
      `SELECT id, email, name, department_id, role, token_version FROM users WHERE department_id = $1 LIMIT 1`,
      [customerId],
    );
    await client.query('BEGIN');
    await client.query(`SELECT * FROM departments WHERE id = $1`, [supplierId]);
    await client.query(`SELECT * FROM departments WHERE id = $1`, [customerId]);
    await client.query(`SELECT * FROM services WHERE id = $1`, [serviceId]);
    const {
      rows: [{ last_seq }],
    } = await client.query(
      `INSERT INTO request_counters (supplier_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (supplier_id) DO UPDATE SET last_seq = request_counters.last_seq + 1 RETURNING last_seq`,
      [supplierId],
    );
    const {
      rows: [request],
    } = await client.query(
      `INSERT INTO requests (seq, number, supplier_id, customer_id, requester_id, service_id, title, description,
                             priority, status, relationship_type, created_at, updated_at)
       SELECT $1, 'SQL-' || $1 || '-' || $2, $2, $3, u.id, $4, 'Benchmark request', 'Created by the SQL baseline',
              'P3', 'NEW', 'DIAGONAL', now(), now()
         FROM users u WHERE u.department_id = $3 LIMIT 1
       RETURNING id, requester_id`,
      [last_seq, supplierId, customerId, serviceId],
    );
    const {
      rows: [policy],
    } = await client.query(
      `SELECT * FROM sla_policies WHERE (supplier_id = $1 AND active) OR (supplier_id IS NULL AND active)`,
      [supplierId],
    );
    await client.query(`SELECT * FROM departments WHERE id = $1`, [supplierId]);
    const {
      rows: [calendar],
    } = await client.query(`SELECT * FROM business_calendars ORDER BY created_at LIMIT 1`);
    await client.query(
      `INSERT INTO sla_clocks (request_id, supplier_id, kind, policy_id, calendar_id, target_minutes, elapsed_ms,
                               running_since, due_at, started_at, warn_at, next_check_at, warn_at_percent)
       VALUES ($1, $2, 'FIRST_RESPONSE', $3, $4, 240, 0, now(), now() + interval '4 hours', now(), now() + interval '3 hours', now() + interval '3 hours', 80),
              ($1, $2, 'RESOLUTION', $3, $4, 2400, 0, now(), now() + interval '40 hours', now(), now() + interval '32 hours', now() + interval '32 hours', 80)`,
      [request.id, supplierId, policy.id, calendar.id],
    );
    await client.query(
      `INSERT INTO request_history (request_id, actor_id, at, kind, to_value) VALUES ($1, $2, now(), 'CREATED', 'NEW')`,
      [request.id, request.requester_id],
    );
    // The change's NOTIFY and its webhook outbox rows, one statement as in the API.
    await writeWebhookOutbox(
      client,
      [
        {
          departmentIds: [supplierId, customerId],
          event: 'request.created',
          payload: { requestId: request.id, supplierId, customerId, kind: 'CREATED' },
          at: new Date(),
        },
      ],
      {
        channel: 'request_changed',
        payload: JSON.stringify({
          requestId: request.id,
          supplierId,
          customerId,
          kind: 'BENCH',
          internal: false,
        }),
      },
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const QUEUE_PAGE = `query($s: [ID!]) { requests(first: 50, filter: { supplierIds: $s }) { edges { node {
  id number title status priority createdAt
  customer { id code name } supplier { id code name } service { id name } assignee { id name }
  sla { firstResponse { state dueAt elapsedMinutes } resolution { state dueAt elapsedMinutes } } } } } }`;

// The same page as one SQL query (without the clocks' live elapsed time, which needs calendar math).
const QUEUE_PAGE_SQL = `
  SELECT r.id, r.number, r.title, r.status, r.priority, r.created_at,
         json_build_object('id', c.id, 'code', c.code, 'name', c.name) AS customer,
         json_build_object('id', s.id, 'code', s.code, 'name', s.name) AS supplier,
         CASE WHEN sv.id IS NULL THEN NULL ELSE json_build_object('id', sv.id, 'name', sv.name) END AS service,
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS assignee,
         (SELECT json_agg(json_build_object('kind', k.kind, 'dueAt', k.due_at, 'elapsedMs', k.elapsed_ms,
                  'stoppedAt', k.stopped_at, 'breachedAt', k.breached_at))
            FROM sla_clocks k WHERE k.request_id = r.id) AS sla
    FROM requests r
    JOIN departments c ON c.id = r.customer_id
    JOIN departments s ON s.id = r.supplier_id
    LEFT JOIN services sv ON sv.id = r.service_id
    LEFT JOIN users u ON u.id = r.assignee_id
   WHERE r.supplier_id = $1
   ORDER BY r.created_at DESC, r.id DESC LIMIT 50`;

async function readBench(setup: Setup): Promise<Row[]> {
  const { org, pool, api } = setup;
  const supplier = org.suppliers[0];
  const rows: Row[] = [];
  const page = JSON.stringify({ query: QUEUE_PAGE, variables: { s: [supplier.id] } });
  const check = await graphql(org.graphqlUrl, supplier.agentToken, QUEUE_PAGE, {
    s: [supplier.id],
  });
  if (check.requests.edges.length !== 50) throw new Error('the queue page is not full');
  for (const connections of CONCURRENCY) {
    const headers = { authorization: `Bearer ${supplier.agentToken}` };
    const queue = await httpLoad({
      url: org.graphqlUrl,
      connections,
      durationSeconds: SECONDS,
      headers,
      body: page,
    });
    const typename = await httpLoad({
      url: org.graphqlUrl,
      connections,
      durationSeconds: SECONDS,
      headers,
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const sql = await concurrentLoad(connections, SECONDS, () =>
      pool.query(QUEUE_PAGE_SQL, [supplier.id]),
    );
    rows.push([
      String(connections),
      ...fmt(queue),
      String(queue.errors),
      ...fmt(typename),
      ...fmt(sql),
      (queue.requestsPerSecond / typename.requestsPerSecond).toFixed(2),
      (queue.requestsPerSecond / sql.requestsPerSecond).toFixed(2),
      api.peakRssMb().toFixed(0),
    ]);
  }
  return rows;
}

// 500 graphql-ws subscribers (agents of one supplier's queue); requests filed to that supplier
// as fast as 8 clients can; every subscriber must receive every event.
async function fanoutBench(setup: Setup): Promise<Row[]> {
  const { org, api } = setup;
  const supplier = org.suppliers[1];
  const subscribers: Subscriber<unknown>[] = [];
  // Connected fifty at a time (each waits briefly for the server to register it).
  while (subscribers.length < SUBSCRIBERS) {
    const batch = Math.min(50, SUBSCRIBERS - subscribers.length);
    subscribers.push(
      ...(await Promise.all(
        Array.from({ length: batch }, () =>
          subscribe(
            api.baseUrl + '/graphql',
            supplier.agentToken,
            `subscription($d: ID) { requestChanged(departmentId: $d) { kind request { id number status } } }`,
            { d: supplier.id },
          ),
        ),
      )),
    );
  }
  let filed = 0;
  const started = Date.now();
  await concurrentLoad(8, SECONDS, async (worker) => {
    const requester = org.requesters[worker % org.requesters.length];
    await graphql(
      org.graphqlUrl,
      requester.token,
      `
        mutation ($i: CreateRequestInput!) {
          createRequest(input: $i) {
            id
          }
        }
      `,
      {
        i: { supplierId: supplier.id, title: 'Fan-out request' },
      },
    );
    filed++;
  });
  const expected = filed * SUBSCRIBERS;
  const deadline = Date.now() + 60_000;
  const received = () => subscribers.reduce((n, s) => n + s.events.length, 0);
  while (received() < expected && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  const seconds = (Date.now() - started) / 1000;
  const delivered = received();
  await Promise.all(subscribers.map((s) => s.close()));
  return [
    [
      String(SUBSCRIBERS),
      String(filed),
      `${delivered}/${expected}`,
      (delivered / seconds).toFixed(0),
      seconds.toFixed(1),
      api.peakRssMb().toFixed(0),
    ],
  ];
}

// Memory under a steady mix of writes and queue reads for SOAK_MINUTES (10): the API's resident
// memory sampled every 30 s; flat means no leak.
async function soakBench(setup: Setup): Promise<Row[]> {
  const { org, api } = setup;
  const minutes = Number(process.env.SOAK_MINUTES ?? 10);
  const supplier = org.suppliers[2];
  const rows: Row[] = [];
  let n = 0;
  const end = Date.now() + minutes * 60_000;
  for (let slice = 0; Date.now() < end; slice++) {
    const result = await httpLoad({
      url: org.graphqlUrl,
      connections: 8,
      durationSeconds: 30,
      headers: {},
      body: '',
      request: () => {
        const i = n++;
        const requester = org.requesters[i % org.requesters.length];
        // One write for three reads.
        return i % 4 === 0
          ? {
              headers: { authorization: `Bearer ${requester.token}` },
              body: JSON.stringify({
                query: `mutation($i: CreateRequestInput!) { createRequest(input: $i) { id } }`,
                variables: { i: { supplierId: supplier.id, title: 'Soak request' } },
              }),
            }
          : {
              headers: { authorization: `Bearer ${supplier.agentToken}` },
              body: JSON.stringify({ query: QUEUE_PAGE, variables: { s: [supplier.id] } }),
            };
      },
    });
    rows.push([
      (((slice + 1) * 30) / 60).toFixed(1),
      result.requestsPerSecond.toFixed(0),
      result.p99.toFixed(0),
      String(result.errors),
      api.rssMb().toFixed(0),
    ]);
  }
  return rows;
}

// Latency of the work-sized queries as stored history grows 10×.
async function growthBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of GROWTH) {
    const setup = await setUp(size);
    try {
      const { org, pool } = setup;
      const supplier = org.suppliers[0];
      const headers = { authorization: `Bearer ${supplier.agentToken}` };
      const queue = await httpLoad({
        url: org.graphqlUrl,
        connections: 8,
        durationSeconds: SECONDS,
        headers,
        body: JSON.stringify({ query: QUEUE_PAGE, variables: { s: [supplier.id] } }),
      });
      const atRisk = await httpLoad({
        url: org.graphqlUrl,
        connections: 8,
        durationSeconds: SECONDS,
        headers,
        body: JSON.stringify({
          query: `query($s: ID!) { atRiskRequests(supplierId: $s, withinMinutes: 240) { request { number } } }`,
          variables: { s: supplier.id },
        }),
      });
      const scanMs = await medianMs(20, () =>
        pool.query(
          `SELECT id FROM sla_clocks WHERE next_check_at <= now() ORDER BY next_check_at LIMIT 100`,
        ),
      );
      rows.push([
        size.toLocaleString('en'),
        `${queue.p50.toFixed(1)} / ${queue.p99.toFixed(1)}`,
        `${atRisk.p50.toFixed(1)} / ${atRisk.p99.toFixed(1)}`,
        scanMs.toFixed(2),
      ]);
    } finally {
      await tearDown(setup);
    }
  }
  return rows;
}

const HEADERS = {
  write: [
    'clients',
    'GraphQL req/s',
    'p50 ms',
    'p99 ms',
    'errors/created',
    'SQL tx/s',
    'p50 ms',
    'p99 ms',
    'ratio',
    'peak MiB',
  ],
  read: [
    'clients',
    'queue req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    '__typename req/s',
    'p50 ms',
    'p99 ms',
    'SQL q/s',
    'p50 ms',
    'p99 ms',
    'vs __typename',
    'vs SQL',
    'peak MiB',
  ],
  fanout: [
    'subscribers',
    'events raised',
    'delivered/expected',
    'deliveries/s',
    'seconds',
    'peak MiB',
  ],
  soak: ['minutes', 'req/s', 'p99 ms', 'errors', 'RSS MiB'],
  growth: [
    'stored requests',
    'queue page p50 / p99 ms',
    'atRiskRequests p50 / p99 ms',
    'breach scan query ms',
  ],
};

async function main(): Promise<void> {
  const only = process.argv[2] as keyof typeof HEADERS | undefined;
  // The soak is separate from `npm run bench` (it takes ten minutes).
  const wanted = (name: keyof typeof HEADERS) => (!only && name !== 'soak') || only === name;
  buildApi();
  const sections: string[] = [];
  const print = (title: string, body: string) => {
    console.log(`\n## ${title}\n\n${body}\n`);
    sections.push(`## ${title}\n\n${body}\n`);
  };
  if (wanted('write') || wanted('read') || wanted('fanout') || only === 'soak') {
    const setup = await setUp(HISTORY);
    try {
      if (wanted('write'))
        print(
          'write: createRequest vs the same SQL in one transaction (target ratio ≥ 0.35)',
          markdownTable(HEADERS.write, await writeBench(setup)),
        );
      if (only === 'soak')
        print(
          'soak: memory under a steady 1:3 write/read mix',
          markdownTable(HEADERS.soak, await soakBench(setup)),
        );
      if (wanted('read'))
        print(
          'read: queue page of 50 vs { __typename } (target ≥ 0.4) and vs one SQL query',
          markdownTable(HEADERS.read, await readBench(setup)),
        );
      if (wanted('fanout'))
        print(
          `fanout: requestChanged to ${SUBSCRIBERS} subscribers`,
          markdownTable(HEADERS.fanout, await fanoutBench(setup)),
        );
    } finally {
      await tearDown(setup);
    }
  }
  if (wanted('growth'))
    print(
      'growth: cost follows the work, not the history',
      markdownTable(HEADERS.growth, await growthBench()),
    );
  if (!only) {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const date = new Date().toISOString().slice(0, 10);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL'}`;
    const file = path.resolve(__dirname, 'results', `${date}-${commit}.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      `# Benchmark ${date} (commit ${commit})\n\n${machine}; ${SECONDS} s per figure; history ${HISTORY.toLocaleString('en')} requests.\n\n${sections.join('\n')}`,
    );
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
