// npm run bench:reports — a year of history (1,000,000 requests with clocks, ratings and kudos;
// REQUESTS=n to change) generated in SQL, then each report through GraphQL (HTTP, the API in
// this process) beside the best hand-written SQL for the same numbers, in the same run.
// DATABASE_URL names the server (a database is created and dropped); without it, embedded.
import 'reflect-metadata';
import { createLogger, loadConfig } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@intradesk/organization';
import { Pool } from 'pg';
import { createApp, prepareDatabase } from '../apps/api/src/app.factory';
import { benchDatabase, medianMs } from './support/bench-database';
import { asClient, login } from './support/bench-org';
import { generateHistory } from './support/history';
import { markdownTable } from './support/table';

const REQUESTS = Number(process.env.REQUESTS ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 5);
const YEAR = { from: '2025-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' };
// Departments that supply most of the work, as in most organisations.
const SUPPLIERS = ['IT', 'HR', 'FIN', 'PAY', 'LOG', 'OPS', 'CORP'];

async function main(): Promise<void> {
  const db = await benchDatabase('intradesk_bench_reports');
  const pool = new Pool({ connectionString: db.url, max: 2 });
  try {
    const config = loadConfig({
      DATABASE_URL: db.url,
      JWT_SECRET: 'bench-reports-secret-bench-reports-secret',
      LOG_LEVEL: 'error',
      RUN_WORKER_IN_API: 'false',
      AUTO_CLOSE_INTERVAL_SECONDS: '0',
    });
    const app = await createApp({ config, databaseUrl: db.url, logger: createLogger('error') });
    await prepareDatabase(app, config, { seedDemo: true, seedDemoRequests: false });
    await app.listen(0, '127.0.0.1');
    const url = `${await app.getUrl()}/graphql`;
    try {
      const admin = asClient(url, await login(url, `admin@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD));
      await admin.call(
        `mutation($csv: String!) { importOrgChart(csv: $csv) { created errors { message } } }`,
        {
          csv: teamsCsv(),
        },
      );
      const ops = asClient(url, await login(url, `ops@${DEMO_EMAIL_DOMAIN}`, DEMO_PASSWORD));
      await ops.call(
        `mutation { createSlaPolicy(input: { name: "Everyone", firstResponseMinutes: 120, resolutionMinutes: 960 }) { id } }`,
      );
      const t = Date.now();
      await generateHistory(pool, { count: REQUESTS, supplierCodes: SUPPLIERS, from: YEAR.from });
      console.log(
        `generated ${REQUESTS.toLocaleString('en')} requests with clocks, ratings and kudos in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
      const [{ cells }] = (
        await pool.query(
          `SELECT count(DISTINCT (customer_id, supplier_id))::int AS cells FROM requests`,
        )
      ).rows;
      console.log(`${cells} (customer, supplier) pairs; median of ${RUNS} runs after a warm-up\n`);

      const filter = { from: YEAR.from, to: YEAR.to };
      const reports: { name: string; graphql: string; sql: string }[] = [
        {
          name: 'slaReport by supplier',
          graphql: `query($f: ReportFilter) { slaReport(filter: $f, groupBy: [SUPPLIER]) { supplier { code name } total open firstResponseMet firstResponseBreached resolutionMet resolutionBreached resolutionCompliance medianResolutionMinutes p90ResolutionMinutes } }`,
          sql: HAND_SLA_BY_SUPPLIER,
        },
        {
          name: 'slaReport by supplier and month',
          graphql: `query($f: ReportFilter) { slaReport(filter: $f, groupBy: [SUPPLIER], period: MONTH) { period supplier { code } total resolutionCompliance medianResolutionMinutes } }`,
          sql: HAND_SLA_BY_SUPPLIER_MONTH,
        },
        {
          name: 'satisfactionReport by customer',
          graphql: `query($f: ReportFilter) { satisfactionReport(filter: $f, groupBy: [CUSTOMER]) { customer { code name } total ratings averageScore distribution responseRate kudos } }`,
          sql: HAND_SATISFACTION_BY_CUSTOMER,
        },
        {
          name: 'departmentMatrix (a year)',
          graphql: `query($f: ReportFilter) { departmentMatrix(filter: $f) { customer { code } supplier { code } requests relationshipType resolutionCompliance averageScore } }`,
          sql: HAND_MATRIX,
        },
      ];
      const table: string[][] = [];
      for (const report of reports) {
        const graphqlMs = await medianMs(RUNS, () => ops.call(report.graphql, { f: filter }));
        const sql = () => pool.query(report.sql, [YEAR.from, YEAR.to, new Date()]);
        const sqlMs = await medianMs(RUNS, sql);
        const rows = (await sql()).rowCount;
        table.push([
          report.name,
          String(rows),
          graphqlMs.toFixed(0),
          sqlMs.toFixed(0),
          (graphqlMs / sqlMs).toFixed(2),
        ]);
      }
      console.log(markdownTable(['report', 'rows', 'GraphQL ms', 'hand SQL ms', 'ratio'], table));
      const rawMs = await medianMs(RUNS, () =>
        pool.query(RAW_MATRIX, [YEAR.from, YEAR.to, new Date()]),
      );
      console.log(
        `\nfor reference, the matrix from the raw tables joined (no facts table): ${rawMs.toFixed(0)} ms`,
      );
      const audit = (
        await pool.query(`SELECT count(*)::int AS n FROM requests r
          LEFT JOIN request_report_facts f ON f.request_id = r.id WHERE f.request_id IS NULL`)
      ).rows[0].n;
      console.log(`requests without their report facts: ${audit}`);
      console.log('\ntargets: ratio at most 1.5; the department matrix of a year under 1,000 ms');
    } finally {
      await app.close();
    }
  } finally {
    await pool.end();
    await db.close();
  }
}

// 40 teams under the demo organisation's departments: customers with their own traffic.
function teamsCsv(): string {
  const parents = ['PROD', 'LINE-A', 'LOG', 'SALES', 'MKT', 'FIN', 'HR', 'COM'];
  const rows = ['code,name,parent_code,level,time_zone,lead_email'];
  for (let i = 1; i <= 40; i++) {
    rows.push(
      `T${String(i).padStart(2, '0')},Team ${i},${parents[i % parents.length]},,Europe/London,`,
    );
  }
  return rows.join('\n');
}

// The hand-written baselines: what an analyst would write for the same numbers, on the same
// per-request facts table the API reads (and, for reference, on the raw tables joined).
const BREACHED = (c: string) =>
  `f.${c}_cancelled_at IS NULL AND (f.${c}_breached_at IS NOT NULL OR (f.${c}_running_since IS NOT NULL AND f.${c}_due_at < $3))`;
const MET = (c: string) =>
  `f.${c}_cancelled_at IS NULL AND f.${c}_breached_at IS NULL AND f.${c}_stopped_at IS NOT NULL`;
const STOPPED_MINUTES = `percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY floor(f.res_elapsed_ms / 60000.0))
  FILTER (WHERE f.res_stopped_at IS NOT NULL AND f.res_cancelled_at IS NULL)`;

const HAND_SLA_BY_SUPPLIER = `
  SELECT d.code, d.name, count(*) AS total,
         count(*) FILTER (WHERE f.status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED')) AS open,
         count(*) FILTER (WHERE ${MET('fr')}) AS fr_met, count(*) FILTER (WHERE ${BREACHED('fr')}) AS fr_breached,
         count(*) FILTER (WHERE ${MET('res')}) AS met, count(*) FILTER (WHERE ${BREACHED('res')}) AS breached,
         ${STOPPED_MINUTES} AS minutes
    FROM request_report_facts f JOIN departments d ON d.id = f.supplier_id
   WHERE f.created_at >= $1 AND f.created_at < $2
   GROUP BY d.id ORDER BY d.code`;

const HAND_SLA_BY_SUPPLIER_MONTH = `
  SELECT date_trunc('month', f.created_at AT TIME ZONE 'Europe/London') AS month, d.code, count(*) AS total,
         count(*) FILTER (WHERE ${MET('res')}) AS met, count(*) FILTER (WHERE ${BREACHED('res')}) AS breached,
         ${STOPPED_MINUTES} AS minutes
    FROM request_report_facts f JOIN departments d ON d.id = f.supplier_id
   WHERE f.created_at >= $1 AND f.created_at < $2
   GROUP BY 1, d.id ORDER BY 1, d.code`;

const HAND_SATISFACTION_BY_CUSTOMER = `
  SELECT d.code, d.name, count(*) AS total, count(f.rating_score) AS ratings, avg(f.rating_score) AS average,
         count(*) FILTER (WHERE f.rating_score = 1) AS s1, count(*) FILTER (WHERE f.rating_score = 2) AS s2,
         count(*) FILTER (WHERE f.rating_score = 3) AS s3, count(*) FILTER (WHERE f.rating_score = 4) AS s4,
         count(*) FILTER (WHERE f.rating_score = 5) AS s5,
         count(*) FILTER (WHERE f.res_stopped_at IS NOT NULL AND f.res_cancelled_at IS NULL) AS stopped,
         count(f.quality_score) AS quality, avg(f.quality_score) AS average_quality, sum(f.kudos) AS kudos
    FROM request_report_facts f JOIN departments d ON d.id = f.customer_id
   WHERE f.created_at >= $1 AND f.created_at < $2 AND $3::timestamptz IS NOT NULL
   GROUP BY d.id ORDER BY d.code`;

const HAND_MATRIX = `
  SELECT c.code AS customer, s.code AS supplier, count(*) AS requests,
         mode() WITHIN GROUP (ORDER BY f.relationship_type) AS relationship_type,
         count(*) FILTER (WHERE ${MET('res')}) AS met, count(*) FILTER (WHERE ${BREACHED('res')}) AS breached,
         avg(f.rating_score) AS average
    FROM request_report_facts f
    JOIN departments c ON c.id = f.customer_id
    JOIN departments s ON s.id = f.supplier_id
   WHERE f.created_at >= $1 AND f.created_at < $2
   GROUP BY c.id, s.id ORDER BY c.code, s.code`;

// The same matrix from the raw tables, joined: what the facts table saves.
const RAW_MATRIX = `
  SELECT c.code AS customer, s.code AS supplier, count(*) AS requests,
         mode() WITHIN GROUP (ORDER BY r.relationship_type) AS relationship_type,
         count(*) FILTER (WHERE res.cancelled_at IS NULL AND res.breached_at IS NULL AND res.stopped_at IS NOT NULL) AS met,
         count(*) FILTER (WHERE res.cancelled_at IS NULL AND (res.breached_at IS NOT NULL OR (res.running_since IS NOT NULL AND res.due_at < $3))) AS breached,
         avg(cr.score) AS average
    FROM requests r
    JOIN sla_clocks res ON res.request_id = r.id AND res.kind = 'RESOLUTION'
    LEFT JOIN request_ratings cr ON cr.request_id = r.id AND cr.side = 'CUSTOMER'
    JOIN departments c ON c.id = r.customer_id
    JOIN departments s ON s.id = r.supplier_id
   WHERE r.created_at >= $1 AND r.created_at < $2
   GROUP BY c.id, s.id ORDER BY c.code, s.code`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
