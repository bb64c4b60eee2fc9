import { AuthUser, ManualTimeSource, Role } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { ReportFactsAudit, ReportsService, RequestsCsvService } from '@intradesk/reporting';
import { BreachScanJob, RequestsService } from '@intradesk/requests';
import { parse } from 'csv-parse/sync';
import { departmentIds } from '../factories/organization.factory';
import { syntheticHistory } from '../factories/history.factory';
import { ASSIGN, fileRequest, FiledRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const SUPPLIERS = ['IT', 'HR', 'FIN'];
const CUSTOMERS = ['IT', 'HR', 'FIN', 'MKT', 'SALES', 'LOG', 'PROD'];
const IMPORT = `mutation($n: String!) { importRequests(ndjson: $n) { imported errors { line message } } }`;
const SLA_FIELDS = `total open firstResponseMet firstResponseBreached resolutionMet resolutionBreached
  resolutionCompliance medianResolutionMinutes p90ResolutionMinutes`;
const SAT_FIELDS = `total ratings averageScore distribution responseRate`;
const KEYS = `supplier { code } customer { code } service { name } priority relationshipType period`;

interface Fact {
  number: string;
  supplier: string;
  customer: string;
  service: string | null;
  priority: string;
  relationshipType: string;
  createdAt: string;
  status: string;
  fr: { state: string; elapsedMinutes: number };
  res: { state: string; elapsedMinutes: number };
  score: number | null;
}

// percentile_cont, written out: linear interpolation between the closest ranks.
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

function slaFigures(facts: Fact[]) {
  const count = (pred: (f: Fact) => boolean) => facts.filter(pred).length;
  const met = count((f) => f.res.state === 'MET');
  const breached = count((f) => f.res.state === 'BREACHED');
  const stopped = facts.filter(
    (f) =>
      f.res.state === 'MET' ||
      (f.res.state === 'BREACHED' && ['RESOLVED', 'CLOSED'].includes(f.status)),
  );
  return {
    total: facts.length,
    open: count((f) => !['RESOLVED', 'CLOSED', 'CANCELLED'].includes(f.status)),
    firstResponseMet: count((f) => f.fr.state === 'MET'),
    firstResponseBreached: count((f) => f.fr.state === 'BREACHED'),
    resolutionMet: met,
    resolutionBreached: breached,
    resolutionCompliance: met + breached ? met / (met + breached) : null,
    medianResolutionMinutes: percentile(
      stopped.map((f) => f.res.elapsedMinutes),
      0.5,
    ),
    p90ResolutionMinutes: percentile(
      stopped.map((f) => f.res.elapsedMinutes),
      0.9,
    ),
  };
}

function satisfactionFigures(facts: Fact[]) {
  const scores = facts.map((f) => f.score).filter((s): s is number => s !== null);
  const stopped = facts.filter(
    (f) => ['RESOLVED', 'CLOSED'].includes(f.status) && f.res.state !== 'CANCELLED',
  ).length;
  return {
    total: facts.length,
    ratings: scores.length,
    averageScore: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    distribution: [1, 2, 3, 4, 5].map((s) => scores.filter((x) => x === s).length),
    responseRate: stopped ? scores.length / stopped : null,
  };
}

function groupBy(facts: Fact[], key: (f: Fact) => string): Map<string, Fact[]> {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  return groups;
}

// Floats computed in a different order may differ in the last bits.
function close(actual: Record<string, unknown>, expected: Record<string, unknown>) {
  for (const [key, value] of Object.entries(expected)) {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      expect([key, actual[key]]).toEqual([key, expect.closeTo(value, 9)]);
    } else {
      expect([key, actual[key]]).toEqual([key, value]);
    }
  }
}

describe('Reports over an imported history', () => {
  // Well after the history: open clocks past their targets count as breached.
  const time = new ManualTimeSource(new Date('2026-03-20T12:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let ops: GraphqlClient;
  let facts: Fact[];

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const itLead = await t.login(demoEmail('IT', 'lead'));
    for (const name of ['Laptop', 'Access']) {
      await itLead.data(`mutation($i: CreateServiceInput!) { createService(input: $i) { id } }`, {
        i: { supplierId: ids.IT, name },
      });
    }
    await ops.data(`mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }`, {
      i: { name: 'Everyone', firstResponseMinutes: 120, resolutionMinutes: 960 },
    });
    const lines = syntheticHistory({
      count: 320,
      seed: 7,
      start: new Date('2026-01-05T07:00:00Z'),
      days: 60,
      suppliers: SUPPLIERS,
      customers: CUSTOMERS,
      requesterOf: (code) => demoEmail(code, 'member'),
      servicesOf: (code) => (code === 'IT' ? ['Laptop', 'Access'] : []),
    });
    expect((await ops.data(IMPORT, { n: lines.join('\n') })).importRequests).toEqual({
      imported: 320,
      errors: [],
    });
    // The independent side: every request as the API shows it, one page at a time.
    facts = [];
    let after: string | null = null;
    do {
      const page: any = (
        await ops.data(
          `query($after: String) { requests(first: 100, after: $after) {
            pageInfo { hasNextPage endCursor }
            edges { node { number supplier { code } customer { code } service { name } priority relationshipType
              createdAt status rating { score }
              sla { firstResponse { state elapsedMinutes } resolution { state elapsedMinutes } } } } } }`,
          { after },
        )
      ).requests;
      for (const { node } of page.edges) {
        facts.push({
          number: node.number,
          supplier: node.supplier.code,
          customer: node.customer.code,
          service: node.service?.name ?? null,
          priority: node.priority,
          relationshipType: node.relationshipType,
          createdAt: node.createdAt,
          status: node.status,
          fr: node.sla.firstResponse,
          res: node.sla.resolution,
          score: node.rating?.score ?? null,
        });
      }
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(facts).toHaveLength(320);
  });
  afterAll(() => t.close());

  it('slaReport matches an independent computation, overall and per supplier', async () => {
    const [overall] = (await ops.data(`{ slaReport { ${SLA_FIELDS} } }`)).slaReport;
    close(overall, slaFigures(facts));
    expect(overall.resolutionBreached).toBeGreaterThan(0);
    expect(overall.resolutionMet).toBeGreaterThan(0);

    const rows = (
      await ops.data(`{ slaReport(groupBy: [SUPPLIER, PRIORITY]) { ${KEYS} ${SLA_FIELDS} } }`)
    ).slaReport;
    const expected = groupBy(facts, (f) => `${f.supplier}/${f.priority}`);
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      expect(row.customer).toBeNull();
      expect(row.period).toBeNull();
      close(row, slaFigures(expected.get(`${row.supplier.code}/${row.priority}`)!));
    }
  });

  it('groups by month in the root department’s time zone, filtered', async () => {
    const filter = {
      supplierIds: [ids.IT],
      from: '2026-01-15T00:00:00Z',
      to: '2026-02-20T00:00:00Z',
    };
    const rows = (
      await ops.data(
        `query($f: ReportFilter) { slaReport(filter: $f, groupBy: [SERVICE], period: MONTH) { ${KEYS} ${SLA_FIELDS} } }`,
        { f: filter },
      )
    ).slaReport;
    const inFilter = facts.filter(
      (f) =>
        f.supplier === 'IT' &&
        f.createdAt >= '2026-01-15T00:00:00.000Z' &&
        f.createdAt < '2026-02-20T00:00:00.000Z',
    );
    // London is on GMT in January and February: the local month is the UTC month.
    const expected = groupBy(inFilter, (f) => `${f.createdAt.slice(0, 7)}-01/${f.service}`);
    expect(rows.map((r: any) => `${r.period}/${r.service?.name ?? null}`).sort()).toEqual(
      [...expected.keys()].sort(),
    );
    for (const row of rows) {
      close(row, slaFigures(expected.get(`${row.period}/${row.service?.name ?? null}`)!));
    }
    expect(rows[0].period).toBe('2026-01-01');
  });

  it('satisfactionReport matches an independent computation per customer', async () => {
    const rows = (
      await ops.data(`{ satisfactionReport(groupBy: [CUSTOMER]) { ${KEYS} ${SAT_FIELDS} kudos } }`)
    ).satisfactionReport;
    const expected = groupBy(facts, (f) => f.customer);
    expect(rows.map((r: any) => r.customer.code)).toEqual([...expected.keys()].sort());
    for (const row of rows) close(row, satisfactionFigures(expected.get(row.customer.code)!));
  });

  it('departmentMatrix has one cell per pair with traffic, matching the raw data', async () => {
    const cells = (
      await ops.data(`{ departmentMatrix { customer { code } supplier { code } requests relationshipType
        resolutionCompliance averageScore } }`)
    ).departmentMatrix;
    const expected = groupBy(facts, (f) => `${f.customer}>${f.supplier}`);
    expect(cells).toHaveLength(expected.size);
    for (const cell of cells) {
      const pair = expected.get(`${cell.customer.code}>${cell.supplier.code}`)!;
      close(cell, {
        requests: pair.length,
        relationshipType: pair[0].relationshipType,
        resolutionCompliance: slaFigures(pair).resolutionCompliance,
        averageScore: satisfactionFigures(pair).averageScore,
      });
    }
  });

  it('ranks the best and worst pairs, and gives a trend per period', async () => {
    const { departmentPairRanking: ranking } =
      await ops.data(`{ departmentPairRanking(minRequests: 5, limit: 3) {
      best { customer { code } supplier { code } requests resolutionCompliance }
      worst { customer { code } supplier { code } requests resolutionCompliance } } }`);
    expect(ranking.best).toHaveLength(3);
    expect(ranking.best[0].resolutionCompliance).toBeGreaterThanOrEqual(
      ranking.best[2].resolutionCompliance,
    );
    expect(ranking.worst[0].resolutionCompliance).toBeLessThanOrEqual(
      ranking.best[0].resolutionCompliance,
    );
    for (const cell of [...ranking.best, ...ranking.worst])
      expect(cell.requests).toBeGreaterThanOrEqual(5);
    const trend = (
      await ops.data(
        `{ reportTrend(period: MONTH) { period total resolutionCompliance averageScore } }`,
      )
    ).reportTrend;
    expect(trend.map((p: any) => p.period)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
    expect(trend.reduce((n: number, p: any) => n + p.total, 0)).toBe(320);
    // Periods without requests are there, as zero-count rows: every month of the filter's range
    // (months of the organisation's time zone, Europe/London: May starts at 23:00 UTC).
    const ranged = (
      await ops.data(
        `{ reportTrend(period: MONTH, filter: { from: "2025-11-01T00:00:00Z", to: "2026-04-30T23:00:00Z" }) {
          period total open resolutionCompliance averageScore } }`,
      )
    ).reportTrend;
    expect(ranged.map((p: any) => p.period)).toEqual([
      '2025-11-01',
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    for (const empty of [ranged[0], ranged[1], ranged[5]])
      expect(empty).toMatchObject({
        total: 0,
        open: 0,
        resolutionCompliance: null,
        averageScore: null,
      });
    expect(ranged.slice(2, 5).map((p: any) => p.total)).toEqual(trend.map((p: any) => p.total));
    const days = (
      await ops.data(
        `{ reportTrend(period: DAY, filter: { from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z" }) { period total } }`,
      )
    ).reportTrend;
    expect(days).toHaveLength(31 + 28);
    expect(days[0].period).toBe('2026-01-01');
    expect(days[3]).toMatchObject({ period: '2026-01-04', total: 0 });
    expect(days.reduce((n: number, p: any) => n + p.total, 0)).toBe(
      trend[0].total + trend[1].total,
    );
    const tooLong = await ops.error(
      `{ reportTrend(period: DAY, filter: { from: "2000-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { period } }`,
    );
    expect(tooLong.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('serves the same rows as CSV (header row, RFC 4180 quoting) with the same filters', async () => {
    const token = (
      await t.graphql.data(
        `mutation { login(email: "ops@${DEMO_EMAIL_DOMAIN}", password: "intradesk-demo") { accessToken } }`,
      )
    ).login.accessToken;
    const download = (path: string, auth = `Bearer ${token}`) =>
      fetch(`${t.baseUrl}${path}`, { headers: { authorization: auth } });
    const response = await download('/reports/sla.csv?groupBy=SUPPLIER,CUSTOMER&priorities=P1,P3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'supplier_code,supplier_name,customer_code,customer_name,total,open,first_response_met,first_response_breached,resolution_met,resolution_breached,resolution_compliance,first_response_compliance,median_resolution_minutes,p90_resolution_minutes',
    );
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const rows = (
      await ops.data(`{ slaReport(groupBy: [SUPPLIER, CUSTOMER], filter: { priorities: [P1, P3] }) {
        supplier { code name } customer { code } total resolutionCompliance medianResolutionMinutes } }`)
    ).slaReport;
    expect(records).toHaveLength(rows.length);
    records.forEach((record: Record<string, string>, i: number) => {
      const row = rows[i];
      expect(record.supplier_code).toBe(row.supplier.code);
      expect(record.supplier_name).toBe(row.supplier.name);
      expect(record.customer_code).toBe(row.customer.code);
      expect(Number(record.total)).toBe(row.total);
      expect(
        record.resolution_compliance === '' ? null : Number(record.resolution_compliance),
      ).toBe(row.resolutionCompliance);
      expect(
        record.median_resolution_minutes === '' ? null : Number(record.median_resolution_minutes),
      ).toBe(row.medianResolutionMinutes);
    });
    const matrix = await (await download('/reports/department-matrix.csv')).text();
    expect(parse(matrix, { columns: true })).toHaveLength(
      (await ops.data('{ departmentMatrix { requests } }')).departmentMatrix.length,
    );
    const ranking = parse(
      await (await download('/reports/department-pair-ranking.csv?priorities=P1,P2,P3')).text(),
      { columns: true },
    ) as Record<string, string>[];
    const { departmentPairRanking: pairs } = await ops.data(
      `{ departmentPairRanking(minRequests: 5, limit: 5, filter: { priorities: [P1, P2, P3] }) {
        best { customer { code } supplier { code } requests resolutionCompliance }
        worst { customer { code } supplier { code } requests resolutionCompliance } } }`,
    );
    expect(
      ranking.map((r) => [r.list, r.rank, r.customer_code, r.supplier_code, Number(r.requests)]),
    ).toEqual([
      ...pairs.best.map((p: any, i: number) => [
        'best',
        String(i + 1),
        p.customer.code,
        p.supplier.code,
        p.requests,
      ]),
      ...pairs.worst.map((p: any, i: number) => [
        'worst',
        String(i + 1),
        p.customer.code,
        p.supplier.code,
        p.requests,
      ]),
    ]);
    expect((await download('/reports/sla.csv')).status).toBe(200);
    expect((await download('/reports/sla.csv', 'Bearer nope')).status).toBe(401);
    const bad = await download('/reports/sla.csv?groupBy=NOPE');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['groupBy'],
    });
    const member = (
      await t.graphql.data(
        `mutation { login(email: "${demoEmail('IT', 'member')}", password: "intradesk-demo") { accessToken } }`,
      )
    ).login.accessToken;
    expect((await download('/reports/sla.csv', `Bearer ${member}`)).status).toBe(403);
  });

  it('exports every request of the filter as CSV, walked in batches, scoped like the reports', async () => {
    t.app.get(RequestsCsvService).batchSize = 40;
    const tokenOf = async (email: string) =>
      (
        await t.graphql.data(
          `mutation { login(email: "${email}", password: "intradesk-demo") { accessToken } }`,
        )
      ).login.accessToken;
    const download = async (path: string, email: string) =>
      fetch(`${t.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await tokenOf(email)}` },
      });
    const from = '2026-01-15T00:00:00.000Z';
    const to = '2026-02-20T00:00:00.000Z';
    const response = await download(
      `/reports/requests.csv?supplierIds=${ids.IT}&from=${from}&to=${to}`,
      `ops@${DEMO_EMAIL_DOMAIN}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await response.text();
    expect(text.split('\r\n')[0]).toBe(
      'number,title,customer_code,customer_name,supplier_code,supplier_name,service,priority,relationship_type,status,created_at,resolved_at,first_response,resolution,first_response_minutes,resolution_minutes,rating',
    );
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const expected = facts.filter(
      (f) => f.supplier === 'IT' && f.createdAt >= from && f.createdAt < to,
    );
    expect(expected.length).toBeGreaterThan(40);
    expect(records.map((r) => r.number).sort()).toEqual(expected.map((f) => f.number).sort());
    const created = records.map((r) => r.created_at);
    expect(created).toEqual([...created].sort());
    const byNumber = new Map(facts.map((f) => [f.number, f]));
    for (const record of records) {
      const fact = byNumber.get(record.number)!;
      expect(record).toMatchObject({
        customer_code: fact.customer,
        supplier_code: 'IT',
        service: fact.service ?? '',
        priority: fact.priority,
        relationship_type: fact.relationshipType,
        status: fact.status,
        created_at: fact.createdAt,
        first_response: fact.fr.state,
        resolution: fact.res.state,
        rating: fact.score === null ? '' : String(fact.score),
      });
      const stopped =
        fact.res.state === 'MET' ||
        (fact.res.state === 'BREACHED' && ['RESOLVED', 'CLOSED'].includes(fact.status));
      expect(record.resolution_minutes).toBe(stopped ? String(fact.res.elapsedMinutes) : '');
    }
    // The same count as the SLA report of the same filter.
    const [overall] = (
      await ops.data(`query($f: ReportFilter) { slaReport(filter: $f) { total } }`, {
        f: { supplierIds: [ids.IT], from, to },
      })
    ).slaReport;
    expect(records).toHaveLength(overall.total);

    const lead = parse(
      await (await download('/reports/requests.csv', demoEmail('HR', 'lead'))).text(),
      { columns: true },
    ) as Record<string, string>[];
    expect(lead).toHaveLength(
      facts.filter((f) => f.supplier === 'HR' || f.customer === 'HR').length,
    );
    for (const record of lead) expect([record.customer_code, record.supplier_code]).toContain('HR');
    expect((await download('/reports/requests.csv', demoEmail('HR', 'member'))).status).toBe(403);
    const bad = await download('/reports/requests.csv?from=yesterday', `ops@${DEMO_EMAIL_DOMAIN}`);
    expect(bad.status).toBe(400);
  });

  it('shows a team lead only what their department supplied or filed; members and agents nothing', async () => {
    const lead = await t.login(demoEmail('HR', 'lead'));
    const cells = (
      await lead.data(`{ departmentMatrix { customer { code } supplier { code } requests } }`)
    ).departmentMatrix;
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect([cell.customer.code, cell.supplier.code]).toContain('HR');
    const [overall] = (await lead.data(`{ slaReport { total } }`)).slaReport;
    expect(overall.total).toBe(
      facts.filter((f) => f.supplier === 'HR' || f.customer === 'HR').length,
    );
    for (const who of [demoEmail('HR', 'member'), demoEmail('HR', 'agent')]) {
      const client = await t.login(who);
      for (const query of [
        '{ slaReport { total } }',
        '{ satisfactionReport { total } }',
        '{ departmentMatrix { requests } }',
      ]) {
        expect((await client.error(query)).extensions?.code).toBe('FORBIDDEN');
      }
    }
  });

  it('resolves the rows’ departments and services in a fixed number of statements', async () => {
    t.statements.reset();
    await ops.data(`{ slaReport(groupBy: [SUPPLIER, CUSTOMER, SERVICE]) { ${KEYS} total } }`);
    const grouped = t.statements.total;
    t.statements.reset();
    await ops.data(`{ slaReport(groupBy: [SUPPLIER]) { ${KEYS} total } }`);
    expect(grouped).toBeLessThanOrEqual(t.statements.total + 2);
    expect(grouped).toBeLessThanOrEqual(8);
  });

  it('computes the percentiles only when they are asked for, with the same counts', async () => {
    const sorted = () =>
      t.statements.recent.filter(
        (s) => /FROM request_report_facts r/.test(s) && /percentile_cont/.test(s),
      ).length;
    const counts = `supplier { code } total open firstResponseMet firstResponseBreached resolutionMet resolutionBreached resolutionCompliance`;
    t.statements.reset();
    const without = await ops.data(`{ slaReport(groupBy: [SUPPLIER]) { ${counts} } }`);
    expect(sorted()).toBe(0);
    t.statements.reset();
    const withTimes = await ops.data(
      `{ slaReport(groupBy: [SUPPLIER]) { ${counts} ...Times } } fragment Times on SlaReportRow { medianResolutionMinutes }`,
    );
    expect(sorted()).toBe(1);
    expect(
      withTimes.slaReport.map(
        ({ medianResolutionMinutes: _, ...rest }: Record<string, unknown>) => rest,
      ),
    ).toEqual(without.slaReport);
    expect(
      withTimes.slaReport.some(
        (r: { medianResolutionMinutes: number | null }) => r.medianResolutionMinutes !== null,
      ),
    ).toBe(true);
  });

  it('computes the matrix once when the pair ranking is asked for beside it', async () => {
    const facts = () =>
      t.statements.recent.filter((s) => /FROM request_report_facts r/.test(s)).length;
    t.statements.reset();
    await ops.data(`{ departmentMatrix { requests } }`);
    await ops.data(`{ departmentPairRanking(minRequests: 1, limit: 3) { best { requests } } }`);
    expect(facts()).toBe(2);
    // Asked at once (as the reports page does, and as one operation's two root fields are once
    // their guards pass): the ranking shares the matrix's computation in flight.
    const reports = t.app.get(ReportsService);
    const caller: AuthUser = {
      id: '00000000-0000-4000-8000-000000000000',
      email: `ops@${DEMO_EMAIL_DOMAIN}`,
      name: 'Ops',
      role: Role.OPS,
      departmentId: null,
    };
    t.statements.reset();
    const [cells, ranking] = await Promise.all([
      reports.matrix(caller, {}),
      reports.pairs(caller, {}, 1, 3),
    ]);
    expect(facts()).toBe(1);
    expect(ranking.best.length).toBeGreaterThan(0);
    const max = Math.max(...cells.map((c) => c.total));
    expect(ranking.best.every((c) => c.total <= max)).toBe(true);
  });

  it('refuses bad report arguments', async () => {
    const backwards = await ops.error(
      `{ slaReport(filter: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" }) { total } }`,
    );
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['filter.to'] });
    const twice = await ops.error(`{ slaReport(groupBy: [SUPPLIER, SUPPLIER]) { total } }`);
    expect(twice.extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await ops.error(`{ slaReport(filter: { supplierIds: ["nope"] }) { total } }`);
    expect(badId.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('simulates a proposed policy: the same policy reproduces the actual figures, a looser one does better', async () => {
    const SIMULATE = `query($i: SimulateSlaPolicyInput!) { simulateSlaPolicy(input: $i) { requests
      actual { firstResponseMet firstResponseBreached resolutionMet resolutionBreached resolutionCompliance }
      simulated { firstResponseMet firstResponseBreached resolutionMet resolutionBreached resolutionCompliance }
      wouldHaveMet wouldHaveBreached } }`;
    const same = (
      await ops.data(SIMULATE, {
        i: { policy: { firstResponseMinutes: 120, resolutionMinutes: 960 } },
      })
    ).simulateSlaPolicy;
    expect(same.requests).toBe(320);
    expect(same.simulated).toEqual(same.actual);
    expect(same.actual.resolutionMet).toBe(slaFigures(facts).resolutionMet);
    expect(same.wouldHaveMet + same.wouldHaveBreached).toBe(0);

    const looser = (
      await ops.data(SIMULATE, {
        i: { policy: { resolutionMinutes: 4800, calendarMode: 'SUPPLIER' } },
      })
    ).simulateSlaPolicy;
    expect(looser.simulated.resolutionCompliance).toBeGreaterThan(
      looser.actual.resolutionCompliance,
    );
    expect(looser.wouldHaveMet).toBeGreaterThan(0);
    expect(looser.simulated.firstResponseMet + looser.simulated.firstResponseBreached).toBe(0);

    const bad = await ops.error(SIMULATE, { i: { policy: { resolutionMinutes: 0 } } });
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
    const member = await t.login(demoEmail('IT', 'member'));
    expect(
      (await member.error(SIMULATE, { i: { policy: { resolutionMinutes: 60 } } })).extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('keeps the report facts equal to the raw rows through every kind of change', async () => {
    const audit = t.app.get(ReportFactsAudit);
    expect(await audit.differences()).toEqual({ missingOrWrong: 0, extra: 0 });
    // Live changes: filing, assignment, priority, waiting, resolution, reopening, cancellation,
    // ratings both ways (given and changed), kudos, the worker's breaches, auto-close.
    const member = await t.login(demoEmail('MKT', 'member'));
    const agent = await t.login(demoEmail('IT', 'agent'));
    const agentId = (await agent.data('{ me { id } }')).me.id;
    const file = async () =>
      (await fileRequest(member, ids.IT, { priority: 'P3' })) as FiledRequest;
    const a = await file();
    const assigned = (await agent.data(ASSIGN, { id: a.id, assigneeId: agentId, v: a.version }))
      .assignRequest;
    const urgent = (
      await agent.data(
        `mutation($id: ID!, $v: Int!) { changeRequestPriority(id: $id, priority: P1, expectedVersion: $v) { id version status } }`,
        { id: a.id, v: assigned.version },
      )
    ).changeRequestPriority;
    const waiting = await moveTo(agent, urgent, 'WAITING_ON_CUSTOMER');
    const back = await moveTo(member, waiting, 'IN_PROGRESS');
    const resolved = await moveTo(agent, back, 'RESOLVED');
    await member.data(`mutation($id: ID!) { rateRequest(requestId: $id, score: 2) { id } }`, {
      id: a.id,
    });
    await member.data(`mutation($id: ID!) { rateRequest(requestId: $id, score: 5) { id } }`, {
      id: a.id,
    });
    await agent.data(`mutation($id: ID!) { rateRequestQuality(requestId: $id, score: 3) { id } }`, {
      id: a.id,
    });
    await member.data(`mutation($i: GiveKudosInput!) { giveKudos(input: $i) { id } }`, {
      i: { requestId: a.id, toDepartmentId: ids.IT, message: 'Thanks' },
    });
    await moveTo(member, resolved, 'IN_PROGRESS');
    await moveTo(member, await file(), 'CANCELLED');
    await file();
    time.advance(30 * 24 * 3_600_000);
    while ((await t.app.get(BreachScanJob).runOnce()) > 0);
    await t.app.get(RequestsService).closeResolvedRequests();
    expect(await audit.differences()).toEqual({ missingOrWrong: 0, extra: 0 });
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM request_report_facts`);
    expect(n).toBe(323);
  });
});
