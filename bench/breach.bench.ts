// npm run bench:breach — the SLA worker with 10,000 and then 100,000 open requests (OPEN=a,b to
// change), the same number falling due each second: its lag from due time to recorded breach,
// and the SQL cost of a scan, which should follow what is due, not what is open.
// DATABASE_URL names the server (a database is created and dropped per size); else embedded.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@intradesk/core';
import { StatementCounter } from '@intradesk/db';
import { DemoSeedService } from '@intradesk/organization';
import { BreachScanJob } from '@intradesk/requests';
import { CalendarsService } from '@intradesk/sla';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { benchDatabase } from './support/bench-database';
import { markdownTable } from './support/table';

const SIZES = (process.env.OPEN ?? '10000,100000').split(',').map(Number);
// Real time: breaches fall due over WINDOW seconds at DUE_PER_SECOND, the worker polls each second.
const WINDOW_SECONDS = Number(process.env.WINDOW_SECONDS ?? 30);
const DUE_PER_SECOND = Number(process.env.DUE_PER_SECOND ?? 20);
const POLL_MS = 1000;

interface Result {
  open: number;
  due: number;
  recorded: number;
  lag: { p50: number; p99: number; max: number };
  scans: number;
  msPerScan: number;
  statementsPerBreach: number;
  idleScanMs: number;
  idleScanBuffers: number;
  idleScanNode: string;
}

async function measure(open: number): Promise<Result> {
  const db = await benchDatabase('intradesk_bench_breach');
  try {
    const config = loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: 'bench-breach-secret-bench-breach-secret',
      LOG_LEVEL: 'error',
      ESCALATION_DELAY_MINUTES: '600',
    });
    const counter = new StatementCounter();
    const app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config, databaseUrl: db.url, statementCounter: counter }),
      { logger: ['error'] },
    );
    try {
      const dataSource = app.get(DataSource);
      await app.get(CalendarsService).ensureDefault();
      await app.get(DemoSeedService).seedIfEmpty();
      const due = WINDOW_SECONDS * DUE_PER_SECOND;
      await generateOpenRequests(dataSource, open, due);
      const job = app.get(BreachScanJob);
      await dataSource.query('VACUUM ANALYZE sla_clocks');
      // Real time from here: the window's clocks (placed in 2000) fall due from 2 s on.
      await dataSource.query(
        `UPDATE sla_clocks SET due_at = due_at + (now() - timestamptz '2000-01-01'),
                next_check_at = next_check_at + (now() - timestamptz '2000-01-01')
          WHERE due_at < timestamptz '2001-01-01'`,
      );
      const scanTimes: number[] = [];
      let statements = 0;
      const end = Date.now() + (WINDOW_SECONDS + 4) * 1000;
      while (Date.now() < end) {
        const tick = Date.now();
        counter.reset();
        const handled = await job.runUntilIdle();
        if (handled > 0) {
          scanTimes.push(Date.now() - tick);
          statements += counter.total;
        }
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, POLL_MS - (Date.now() - tick))),
        );
      }
      const [lag] = await dataSource.query(
        `SELECT count(*)::int AS recorded,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
                percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99, max(ms) AS max
           FROM (SELECT extract(epoch FROM breach_recorded_at - due_at) * 1000 AS ms
                   FROM sla_clocks WHERE breach_recorded_at IS NOT NULL) l`,
      );
      // The claim query on its own, when nothing is due: what a scan costs whatever is open.
      const plan = await dataSource.query(
        `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
         SELECT * FROM sla_clocks WHERE next_check_at <= now() ORDER BY next_check_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      );
      const top = plan[0]['QUERY PLAN'][0];
      const buffers = (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0);
      const scanNode = (node: { 'Node Type': string; Plans?: unknown[] }): string =>
        node.Plans?.length ? scanNode(node.Plans[0] as typeof node) : node['Node Type'];
      scanTimes.sort((a, b) => a - b);
      return {
        open,
        due,
        recorded: lag.recorded,
        lag: { p50: Number(lag.p50), p99: Number(lag.p99), max: Number(lag.max) },
        scans: scanTimes.length,
        msPerScan: scanTimes[Math.floor(scanTimes.length / 2)] ?? 0,
        statementsPerBreach: lag.recorded ? statements / lag.recorded : 0,
        idleScanMs: top['Execution Time'],
        idleScanBuffers: buffers,
        idleScanNode: scanNode(top.Plan),
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

// Open requests whose resolution clocks run: `due` of them fall due over the window (placed in
// 2000, shifted to now just before the run), the rest days later.
async function generateOpenRequests(dataSource: DataSource, open: number, due: number) {
  await dataSource.query(`SELECT setseed(0.7)`);
  const [{ policy, calendar, requester }] = await dataSource.query(
    `INSERT INTO sla_policies (name, first_response_minutes, resolution_minutes)
     VALUES ('Everyone', 60, 480) RETURNING id AS policy,
       (SELECT id FROM business_calendars LIMIT 1) AS calendar,
       (SELECT id FROM users WHERE email LIKE 'member.%' LIMIT 1) AS requester`,
  );
  const [{ supplier, customer }] = await dataSource.query(
    `SELECT (SELECT id FROM departments WHERE code = 'IT') AS supplier,
            (SELECT id FROM departments WHERE code = 'MKT') AS customer`,
  );
  await dataSource.query(
    `INSERT INTO requests (seq, number, supplier_id, customer_id, requester_id, title, priority, status,
                           relationship_type, created_at, updated_at, first_responded_at)
     SELECT g, 'IT-' || g, $1, $2, $3, 'Open request ' || g, 'P3', 'IN_PROGRESS', 'HORIZONTAL',
            timestamptz '2000-01-01' - interval '1 day', timestamptz '2000-01-01' - interval '1 day',
            timestamptz '2000-01-01' - interval '23 hours'
       FROM generate_series(1, $4) g`,
    [supplier, customer, requester, open],
  );
  await dataSource.query(
    `INSERT INTO sla_clocks (request_id, supplier_id, kind, policy_id, calendar_id, target_minutes, elapsed_ms,
                             running_since, due_at, started_at, next_check_at, warn_at_percent)
     SELECT r.id, r.supplier_id, 'RESOLUTION', $1, $2, 480, 0, r.created_at, d.due, r.created_at, d.due, 100
       FROM (SELECT id, supplier_id, created_at, row_number() OVER (ORDER BY id) AS n FROM requests) r
       CROSS JOIN LATERAL (SELECT CASE WHEN r.n <= $3
                                       THEN timestamptz '2000-01-01' + interval '2 seconds' + (r.n - 1) * ($4 * interval '1 second') / $3
                                       ELSE now() + interval '2 days' + random() * interval '20 days' END AS due) d`,
    [policy, calendar, due, WINDOW_SECONDS],
  );
  await dataSource.query('ANALYZE');
}

async function main(): Promise<void> {
  console.log(
    `${DUE_PER_SECOND} clocks fall due each second for ${WINDOW_SECONDS} s; the worker polls every ${POLL_MS / 1000} s\n`,
  );
  const rows: string[][] = [];
  for (const open of SIZES) {
    const r = await measure(open);
    rows.push([
      r.open.toLocaleString('en'),
      `${r.recorded}/${r.due}`,
      `${r.lag.p50.toFixed(0)} / ${r.lag.p99.toFixed(0)} / ${r.lag.max.toFixed(0)}`,
      String(r.scans),
      r.msPerScan.toFixed(0),
      r.statementsPerBreach.toFixed(1),
      `${r.idleScanNode}, ${r.idleScanMs.toFixed(2)} ms, ${r.idleScanBuffers} buffers`,
    ]);
  }
  const header = [
    'open requests',
    'breaches recorded',
    'lag ms p50 / p99 / max',
    'busy scans',
    'ms per scan',
    'statements per breach',
    'idle scan query',
  ];
  console.log(markdownTable(header, rows));
  console.log('\nThe lag includes waiting for the next poll (up to 1 s).');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
