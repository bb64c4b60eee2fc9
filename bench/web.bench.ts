/// <reference lib="dom" />
// npm run bench:web — the web app in a real Chromium against a production build (NODE_ENV=production,
// dist/web served by the API process) on the demo organisation plus HISTORY (100,000) generated
// requests. Three figures, each beside its budget and the API's own time for the same work:
//   (a) the JavaScript and CSS the sign-in page downloads, bytes over the wire (gzip; budget 200 KB);
//   (b) navigation to the first row of the 50-row queue (budget 1 s), beside the queue page's
//       GraphQL operations replayed alone;
//   (c) an agent's status change (GraphQL) until another open page shows it (budget 1 s), beside
//       the mutation's own round trip;
// then the desk grows to REPORT_HISTORY (1,000,000) generated requests for the reports:
//   (d) navigation to the reports page until its first chart (the SLA report's SVG) is drawn
//       (budget 1.5 s), beside the page's report queries replayed alone;
//   (e) choosing a year's range (the To date, From already set) until the department matrix's
//       heatmap is redrawn with that year's cells (budget 1 s), beside departmentMatrix alone.
// DATABASE_URL names the server (a database is created and dropped); without it, embedded.
// KEEP_DATABASE=1 keeps it; REPORTS_DATABASE_URL=<its url> then measures (d) and (e) alone.
// CHROMIUM_PATH as for the browser tests; RUNS (5) timed repetitions per figure (median).
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { Pool } from 'pg';
import type { Page, Request } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../test/browser/support/chromium';
import { startApiProcess } from './support/api-process';
import { benchDatabase } from './support/bench-database';
import { graphql, login } from './support/bench-org';
import { generateHistory } from './support/history';
import { markdownTable } from './support/table';

const HISTORY = Number(process.env.HISTORY ?? 100_000);
const REPORT_HISTORY = Number(process.env.REPORT_HISTORY ?? 1_000_000);
const OPS = 'ops@demo.intradesk.test';
const RUNS = Number(process.env.RUNS ?? 5);
const PORT = 3391;
const ROOT = path.resolve(__dirname, '..');
const DEMO_PASSWORD = 'intradesk-demo';
const AGENT = 'agent.it@demo.intradesk.test';
const MEMBER = 'member.mkt@demo.intradesk.test';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

// The demo's suppliers get the generated history too; the demo's own numbers stay free (its
// sequence numbers move out of the way of the generated ones, which start at 1 per supplier).
async function addHistory(pool: Pool): Promise<void> {
  const suppliers: string[] = (
    await pool.query(
      `SELECT DISTINCT d.code FROM services s JOIN departments d ON d.id = s.supplier_id ORDER BY 1`,
    )
  ).rows.map((r) => r.code);
  await pool.query(`UPDATE requests SET seq = seq + 10000000`);
  await generateHistory(pool, {
    count: HISTORY,
    supplierCodes: suppliers,
    from: new Date(Date.now() - 365 * 86_400_000).toISOString(),
  });
}

// (a) Scripts and stylesheets of a first visit to /sign-in, as served and gzipped.
async function signInPageWeight(page: Page, baseUrl: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const kinds = new Map<string, { url: string; type: string }>();
  const served = new Map<string, number>();
  cdp.on('Network.responseReceived', (e) =>
    kinds.set(e.requestId, { url: e.response.url, type: e.type }),
  );
  cdp.on('Network.loadingFinished', (e) => served.set(e.requestId, e.encodedDataLength));
  const bodies = new Map<string, Buffer>();
  page.on('response', async (r) => {
    if (/\.(js|css)(\?|$)/.test(r.url()))
      bodies.set(r.url(), await r.body().catch(() => Buffer.alloc(0)));
  });
  await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  let servedBytes = 0;
  let gzipBytes = 0;
  let rawBytes = 0;
  let files = 0;
  for (const [id, { url, type }] of kinds) {
    if (type !== 'Script' && type !== 'Stylesheet') continue;
    files++;
    servedBytes += served.get(id) ?? 0;
    const body = bodies.get(url) ?? Buffer.alloc(0);
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  await cdp.detach();
  return { files, servedBytes, rawBytes, gzipBytes };
}

async function signInBrowser(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

// (b) A fresh navigation to /queue until its first row shows, and the page's own GraphQL
// operations replayed alone with the agent's token.
async function queueFirstRow(page: Page, baseUrl: string, token: string) {
  const operations = new Map<string, string>();
  let navigationStart = process.hrtime.bigint();
  // When, after the navigation, the queue's own data arrived (the rest is the page's work).
  let queueDataAt = 0;
  let queueSentAt = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.method() === 'POST' && r.postData()) {
      const body = r.postData()!;
      if (body.includes('"operationName":"QueuePage"')) queueSentAt = ms(navigationStart);
      const name = /"operationName":"(\w+)"/.exec(body)?.[1] ?? body.slice(0, 40);
      operations.set(name, body);
    }
  });
  const quiet = quietWhenDone(page);
  // The last navigation's requests: what the page waits on before its data (ms after start).
  let timeline: { what: string; sent: number; done: number }[] = [];
  const what = (r: Request) =>
    /"operationName":"(\w+)"/.exec(r.postData() ?? '')?.[1] ??
    new URL(r.url()).pathname.replace(/-[\w-]{8}\.(js|css|woff2)$/, '.$1');
  const sent = new Map<Request, number>();
  page.on('request', (r) => sent.set(r, ms(navigationStart)));
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/graphql') && r.postData()?.includes('"operationName":"QueuePage"'))
      queueDataAt = ms(navigationStart);
    if (!r.url().startsWith('about:'))
      timeline.push({ what: what(r), sent: sent.get(r) ?? 0, done: ms(navigationStart) });
  });
  const times: number[] = [];
  const dataTimes: number[] = [];
  const sentTimes: number[] = [];
  let rows = 0;
  for (let i = 0; i <= RUNS; i++) {
    await quiet();
    await page.goto('about:blank');
    navigationStart = process.hrtime.bigint();
    timeline = [];
    await page.goto(`${baseUrl}/queue`);
    // A row of a request (not the loading placeholder).
    const requestRows = page
      .getByRole('table', { name: 'Queue' })
      .locator('tbody tr')
      .filter({ has: page.locator('a[href^="/requests/"]') });
    await requestRows.first().waitFor({ timeout: 30_000 });
    const t = ms(navigationStart);
    // The first warms the cache, as a returning agent has it.
    if (i > 0) {
      times.push(t);
      dataTimes.push(queueDataAt);
      sentTimes.push(queueSentAt);
    }
    rows = await requestRows.count();
  }
  // Each of the page's operations alone, with the agent's token.
  const alone: string[] = [];
  for (const [name, body] of operations) {
    if (name === 'LiveRequestChanged') continue;
    const opTimes: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const start = process.hrtime.bigint();
      await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      }).then((r) => r.text());
      if (i > 0) opTimes.push(ms(start));
    }
    alone.push(`${name} ${median(opTimes).toFixed(0)} ms`);
  }
  const steps = timeline
    .filter((t) => t.sent <= queueDataAt)
    .map((t) => `${t.what} ${t.sent.toFixed(0)}–${t.done.toFixed(0)}`)
    .join(', ');
  return {
    ms: median(times),
    sentMs: median(sentTimes),
    dataMs: median(dataTimes),
    rows,
    alone,
    timeline: steps,
  };
}

// (c) The agent changes a request's status through GraphQL; the member's open request page
// shows it. Node's clock on both ends (the page is polled on every animation frame).
async function liveChange(page: Page, baseUrl: string, agentToken: string, memberToken: string) {
  const url = `${baseUrl}/graphql`;
  const filed = (
    await graphql(
      url,
      memberToken,
      `
        mutation ($i: CreateRequestInput!) {
          createRequest(input: $i) {
            id
            number
            version
          }
        }
      `,
      {
        i: {
          supplierId: (
            await graphql(
              url,
              memberToken,
              `
                {
                  department(code: "IT") {
                    id
                  }
                }
              `,
            )
          ).department.id,
          title: 'Benchmark: live change',
          description: 'Watched by an open page',
        },
      },
    )
  ).createRequest;
  let version: number = filed.version;
  await page.goto(`${baseUrl}/requests/${filed.number}`);
  await page.getByRole('heading', { level: 1 }).filter({ hasText: filed.number }).waitFor();
  const labels: Record<string, string> = {
    IN_PROGRESS: 'In progress',
    WAITING_ON_CUSTOMER: 'Waiting on customer',
  };
  const change = (status: string) =>
    graphql(
      url,
      agentToken,
      `
        mutation ($id: ID!, $v: Int!, $s: RequestStatus!) {
          changeRequestStatus(id: $id, expectedVersion: $v, status: $s) {
            version
          }
        }
      `,
      {
        id: filed.id,
        v: version,
        s: status,
      },
    ).then((d) => (version = d.changeRequestStatus.version));
  const times: number[] = [];
  const apiTimes: number[] = [];
  for (let i = 0; i <= RUNS * 2; i++) {
    const status = i % 2 === 0 ? 'IN_PROGRESS' : 'WAITING_ON_CUSTOMER';
    const start = process.hrtime.bigint();
    const request = change(status).then(() => apiTimes.push(ms(start)));
    await page.waitForFunction(
      (text) => document.querySelector('main')?.textContent?.includes(`Status: ${text}`) ?? false,
      labels[status],
      { polling: 'raf', timeout: 10_000 },
    );
    const t = ms(start);
    await request;
    if (i > 0) times.push(t);
  }
  apiTimes.shift();
  return { ms: median(times), apiMs: median(apiTimes) };
}

// The GraphQL operations a page sent (by name), replayed alone with a token: median ms each.
async function replayAlone(
  baseUrl: string,
  token: string,
  operations: Map<string, string>,
  names: string[],
): Promise<string[]> {
  const alone: string[] = [];
  for (const name of names) {
    const body = operations.get(name);
    if (!body) continue;
    const opTimes: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const start = process.hrtime.bigint();
      await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      }).then((r) => r.text());
      if (i > 0) opTimes.push(ms(start));
    }
    alone.push(`${name} ${median(opTimes).toFixed(0)} ms`);
  }
  return alone;
}

// Waits until the page has no GraphQL request in flight (and none starts for a moment): each
// timed run then starts on a server that is not still computing the last run's reports (the
// browser leaving a page does not stop its queries in PostgreSQL, so they would be timed as
// part of the next run).
function quietWhenDone(page: Page): () => Promise<void> {
  const inFlight = new Set<Request>();
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql')) inFlight.add(r);
  });
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return async () => {
    const until = Date.now() + 60_000;
    let quietSince = Date.now();
    while (Date.now() < until) {
      if (inFlight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 300) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
}

function recordOperations(page: Page): Map<string, string> {
  const operations = new Map<string, string>();
  page.on('request', (r) => {
    const body = r.url().endsWith('/graphql') && r.method() === 'POST' ? r.postData() : null;
    const name = body && /"operationName":"(\w+)"/.exec(body)?.[1];
    if (name) operations.set(name, body);
  });
  return operations;
}

const REPORT_OPERATIONS = [
  'ReportsOptions',
  'ReportsSla',
  'ReportsSlaTimes',
  'ReportsSatisfaction',
  'ReportsTrend',
  'ReportsPairRanking',
  'ReportsMatrix',
];

// (d) A fresh navigation to /reports (every request, no filter) until the first chart's SVG is
// drawn: the SLA report's, at the top of the page.
async function reportsFirstChart(page: Page, baseUrl: string, token: string) {
  const operations = recordOperations(page);
  const quiet = quietWhenDone(page);
  let navigationStart = process.hrtime.bigint();
  let slaDataAt = 0;
  let slaSentAt = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/graphql') && r.postData()?.includes('"operationName":"ReportsSla"'))
      slaSentAt = ms(navigationStart);
  });
  page.on('requestfinished', (r) => {
    if (r.url().endsWith('/graphql') && r.postData()?.includes('"operationName":"ReportsSla"'))
      slaDataAt = ms(navigationStart);
  });
  const times: number[] = [];
  const dataTimes: number[] = [];
  const sentTimes: number[] = [];
  let chart = '';
  for (let i = 0; i <= RUNS; i++) {
    await quiet();
    await page.goto('about:blank');
    navigationStart = process.hrtime.bigint();
    await page.goto(`${baseUrl}/reports`);
    // The SLA report's chart ("SLA compliance by …"), whichever other chart draws first.
    const handle = await page.waitForFunction(
      () => {
        const drawn = [...document.querySelectorAll('[role="img"][data-state="drawn"]')].find(
          (el) => el.getAttribute('aria-label')?.startsWith('SLA compliance by'),
        );
        return drawn?.querySelector('svg path') ? drawn.getAttribute('aria-label') : null;
      },
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const t = ms(navigationStart);
    chart = String(await handle.jsonValue());
    if (i > 0) {
      times.push(t);
      dataTimes.push(slaDataAt);
      sentTimes.push(slaSentAt);
    }
  }
  const alone = await replayAlone(baseUrl, token, operations, REPORT_OPERATIONS);
  return { ms: median(times), dataMs: median(dataTimes), sentMs: median(sentTimes), chart, alone };
}

// (e) The reports page with From set to a year ago (drawn), then To set to today: until the
// heatmap has drawn the year's cells (its data-revision moves on, in the state drawn).
async function yearHeatmap(page: Page, baseUrl: string, token: string) {
  const operations = recordOperations(page);
  const quiet = quietWhenDone(page);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const to = day(new Date());
  const from = day(new Date(Date.now() - 364 * 86_400_000));
  const heatmapName = 'Resolution compliance by customer and supplier';
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i <= RUNS; i++) {
    await page.goto('about:blank');
    await page.goto(`${baseUrl}/reports?from=${from}`);
    // The matrix loads once scrolled near the viewport (and stays live for filter changes).
    await page.getByRole('region', { name: 'Department matrix' }).scrollIntoViewIfNeeded();
    const heatmap = page.getByRole('img', { name: heatmapName });
    await heatmap.and(page.locator('[data-state="drawn"]')).waitFor({ timeout: 60_000 });
    await page
      .getByRole('region', { name: 'Department matrix' })
      .and(page.locator('[aria-busy="false"]'))
      .waitFor({ timeout: 60_000 });
    await quiet();
    const before = await heatmap.getAttribute('data-revision');
    const start = process.hrtime.bigint();
    await page.getByLabel('To', { exact: true }).fill(to);
    // Drawn again: a new revision, in the state drawn.
    await page.waitForFunction(
      ([name, previous]) => {
        const el = document.querySelector(`[role="img"][aria-label="${name}"]`);
        return (
          el?.getAttribute('data-state') === 'drawn' &&
          el.getAttribute('data-revision') !== previous
        );
      },
      [heatmapName, before] as const,
      { polling: 'raf', timeout: 60_000 },
    );
    const t = ms(start);
    if (i > 0) times.push(t);
    cells = JSON.parse((await heatmap.getAttribute('data-figures')) ?? '[]').length;
  }
  const alone = await replayAlone(baseUrl, token, operations, ['ReportsMatrix']);
  return { ms: median(times), cells, from, to, alone };
}

// REPORTS_DATABASE_URL names a desk a run kept (KEEP_DATABASE=1) with its REPORT_HISTORY
// requests: (d) and (e) alone on it, without the ten minutes of generating them again.
async function reportsOnly(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 2 });
  const api = await startApiProcess({ databaseUrl: url, port: PORT, env: { SEED_DEMO: 'true' } });
  const browser = await launchChromium();
  try {
    const reportTotal = (await pool.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n;
    const opsToken = await login(`${api.baseUrl}/graphql`, OPS, DEMO_PASSWORD);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInBrowser(page, api.baseUrl, OPS);
    const reports = await reportsFirstChart(page, api.baseUrl, opsToken);
    const year = await yearHeatmap(page, api.baseUrl, opsToken);
    await context.close();
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const table = markdownTable(
      ['figure', 'measured', 'budget', 'ratio', 'the API alone'],
      [
        [
          `(d) navigation to the reports page's first chart drawn ("${reports.chart}", SVG), over ${reportTotal.toLocaleString('en')} requests (median of ${RUNS}, warm cache; ReportsSla sent at ${reports.sentMs.toFixed(0)} ms, its data in at ${reports.dataMs.toFixed(0)} ms)`,
          `${reports.ms.toFixed(0)} ms`,
          '1500 ms',
          (reports.ms / 1500).toFixed(2),
          reports.alone.join(', '),
        ],
        [
          `(e) choosing a year's range (To ${year.to}, From ${year.from} set) until the department matrix heatmap is redrawn (${year.cells} cells, ${reportTotal.toLocaleString('en')} requests; median of ${RUNS})`,
          `${year.ms.toFixed(0)} ms`,
          '1000 ms',
          (year.ms / 1000).toFixed(2),
          year.alone.join(', '),
        ],
      ],
    );
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const date = new Date().toISOString().slice(0, 10);
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium ${await browser.version()}, PostgreSQL server, load average ${load}`;
    console.log(`\n${table}\n`);
    const file = path.resolve(__dirname, 'results', `${date}-${commit}-web-reports.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      `# Web benchmark, reports only, ${date} (commit ${commit})\n\n${machine}; production build (NODE_ENV=production); (d) and (e) on a kept desk (REPORTS_DATABASE_URL).\n\n${table}\n`,
    );
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser.close();
    await api.stop();
    await pool.end();
  }
}

async function main(): Promise<void> {
  if (!CHROMIUM) {
    console.error('bench:web needs a Chromium: `apt-get install -y chromium` or set CHROMIUM_PATH');
    process.exit(1);
  }
  execFileSync('node', ['scripts/build-if-changed.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (process.env.REPORTS_DATABASE_URL) return reportsOnly(process.env.REPORTS_DATABASE_URL);
  const db = await benchDatabase('intradesk_bench_web');
  const pool = new Pool({ connectionString: db.url, max: 4 });
  let api = await startApiProcess({ databaseUrl: db.url, port: PORT, env: { SEED_DEMO: 'true' } });
  const browser = await launchChromium();
  try {
    let started = Date.now();
    await addHistory(pool);
    // Restarted so nothing the seeding warmed is still in the process.
    await api.stop();
    api = await startApiProcess({ databaseUrl: db.url, port: PORT, env: { SEED_DEMO: 'true' } });
    const total = (await pool.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n;
    console.log(
      `demo desk plus ${HISTORY.toLocaleString('en')} generated requests (${total.toLocaleString('en')} in all) in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    started = Date.now();
    const gql = `${api.baseUrl}/graphql`;
    const agentToken = await login(gql, AGENT, DEMO_PASSWORD);
    const memberToken = await login(gql, MEMBER, DEMO_PASSWORD);

    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const weight = await signInPageWeight(await fresh.newPage(), api.baseUrl);
    await fresh.close();

    const agentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const agentPage = await agentContext.newPage();
    await signInBrowser(agentPage, api.baseUrl, AGENT);
    const queue = await queueFirstRow(agentPage, api.baseUrl, agentToken);

    const memberContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const memberPage = await memberContext.newPage();
    await signInBrowser(memberPage, api.baseUrl, MEMBER);
    const live = await liveChange(memberPage, api.baseUrl, agentToken, memberToken);
    await Promise.all([agentContext.close(), memberContext.close()]);

    // The reports over REPORT_HISTORY requests: the rest generated now, the API restarted.
    started = Date.now();
    const more = Math.max(0, REPORT_HISTORY - HISTORY);
    if (more > 0) {
      await generateHistory(pool, {
        count: more,
        supplierCodes: (
          await pool.query(
            `SELECT DISTINCT d.code FROM services s JOIN departments d ON d.id = s.supplier_id`,
          )
        ).rows.map((r) => r.code),
        from: new Date(Date.now() - 365 * 86_400_000).toISOString(),
        numberPrefix: 'C-',
        seqOffset: 20_000_000,
      });
      await api.stop();
      api = await startApiProcess({ databaseUrl: db.url, port: PORT, env: { SEED_DEMO: 'true' } });
    }
    const reportTotal = (await pool.query(`SELECT count(*)::int AS n FROM requests`)).rows[0].n;
    console.log(
      `reports: ${reportTotal.toLocaleString('en')} requests (${more.toLocaleString('en')} more generated in ${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    const opsToken = await login(`${api.baseUrl}/graphql`, OPS, DEMO_PASSWORD);
    const opsContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const opsPage = await opsContext.newPage();
    await signInBrowser(opsPage, api.baseUrl, OPS);
    const reports = await reportsFirstChart(opsPage, api.baseUrl, opsToken);
    console.log(
      `(d) reports page's first chart: ${reports.ms.toFixed(0)} ms of 1500 (${reports.alone.join(', ')})`,
    );
    const year = await yearHeatmap(opsPage, api.baseUrl, opsToken);
    console.log(
      `(e) a year's range to the heatmap: ${year.ms.toFixed(0)} ms of 1000 (${year.alone.join(', ')})`,
    );
    await opsContext.close();

    // Other work on the machine slows the browser first: say how busy it was.
    const load = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const table = markdownTable(
      ['figure', 'measured', 'budget', 'ratio', 'the API alone'],
      [
        [
          `(a) sign-in page JS + CSS over the wire (${weight.files} files; ${kb(weight.rawBytes)} raw, ${kb(weight.gzipBytes)} at gzip -6)`,
          kb(weight.servedBytes),
          '200 KB',
          (weight.servedBytes / (200 * 1024)).toFixed(2),
          '-',
        ],
        [
          `(b) navigation to the first row of the queue (${queue.rows} rows; median of ${RUNS}, warm cache; QueuePage sent at ${queue.sentMs.toFixed(0)} ms, its data in at ${queue.dataMs.toFixed(0)} ms)`,
          `${queue.ms.toFixed(0)} ms`,
          '1000 ms',
          (queue.ms / 1000).toFixed(2),
          queue.alone.join(', '),
        ],
        [
          `(c) agent's status change to the member's open page (median of ${RUNS * 2})`,
          `${live.ms.toFixed(0)} ms`,
          '1000 ms',
          (live.ms / 1000).toFixed(2),
          `${live.apiMs.toFixed(0)} ms (changeRequestStatus)`,
        ],
        [
          `(d) navigation to the reports page's first chart drawn ("${reports.chart}", SVG), over ${reportTotal.toLocaleString('en')} requests (median of ${RUNS}, warm cache; ReportsSla sent at ${reports.sentMs.toFixed(0)} ms, its data in at ${reports.dataMs.toFixed(0)} ms)`,
          `${reports.ms.toFixed(0)} ms`,
          '1500 ms',
          (reports.ms / 1500).toFixed(2),
          reports.alone.join(', '),
        ],
        [
          `(e) choosing a year's range (To ${year.to}, From ${year.from} set) until the department matrix heatmap is redrawn (${year.cells} cells, ${reportTotal.toLocaleString('en')} requests; median of ${RUNS})`,
          `${year.ms.toFixed(0)} ms`,
          '1000 ms',
          (year.ms / 1000).toFixed(2),
          year.alone.join(', '),
        ],
      ],
    );
    const waterfall = `The last queue navigation, request by request until QueuePage's data (ms after the navigation started, sent–done): ${queue.timeline}.`;
    console.log(`\n${table}\n\n${waterfall}\n`);
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD']).toString().trim();
    const date = new Date().toISOString().slice(0, 10);
    const version = await browser.version();
    const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium ${version}, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL'}, load average ${load}`;
    const file = path.resolve(__dirname, 'results', `${date}-${commit}-web.md`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      `# Web benchmark ${date} (commit ${commit})\n\n${machine}; production build (NODE_ENV=production); the demo desk plus ${HISTORY.toLocaleString('en')} generated requests (${total.toLocaleString('en')} in all) for (a) to (c), ${reportTotal.toLocaleString('en')} for (d) and (e). (a) is what Chromium received (CDP encodedDataLength: the API gzips the app's files), beside the raw bytes and gzip -6 of them.\n\n${table}\n\n${waterfall}\n`,
    );
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await browser.close();
    await api.stop();
    await pool.end();
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
