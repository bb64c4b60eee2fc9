import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { ReportFactsAudit } from '@intradesk/reporting';
import { DemoRequestsSeeder } from '@intradesk/requests';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

// "Now" is a Tuesday morning in London, so working-hour checks do not depend on when the test
// runs (the demo is generated relative to the injected time source).
const NOW = new Date('2026-11-17T10:40:00Z');
const DAY = 86_400_000;

describe('the demo desk', () => {
  let t: TestApp;
  let ops: GraphqlClient;
  let ids: Record<string, string>;
  const sql = async <T = Record<string, number>>(query: string, params: unknown[] = []) =>
    (await t.dataSource.query(query, params))[0] as T;

  beforeAll(async () => {
    t = await startTestApp({ seedDemoRequests: true, time: new ManualTimeSource(NOW) });
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    ids = Object.fromEntries(
      (await t.dataSource.query('SELECT code, id FROM departments')).map(
        (d: { code: string; id: string }) => [d.code, d.id],
      ),
    );
    // Seeding takes seconds, more on a busy machine.
  }, 180_000);
  afterAll(() => t.close());

  it('has months of traffic, more on weekdays and in working hours, and open requests in every state', async () => {
    const counts = await sql(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE extract(isodow FROM created_at AT TIME ZONE 'Europe/London') >= 6)::int AS weekend,
              count(*) FILTER (WHERE (created_at AT TIME ZONE 'Europe/London')::time BETWEEN '07:00' AND '19:00')::int AS daytime,
              extract(epoch FROM $1::timestamptz - min(created_at))::int / 86400 AS days,
              count(DISTINCT customer_id)::int AS customers, count(DISTINCT supplier_id)::int AS suppliers,
              count(DISTINCT requester_id)::int AS requesters
         FROM requests`,
      [NOW],
    );
    expect(counts.total).toBeGreaterThanOrEqual(1500);
    expect(counts.total).toBeLessThanOrEqual(3000);
    expect(counts.days).toBeGreaterThanOrEqual(110);
    expect(counts.weekend / counts.total).toBeLessThan(0.05);
    expect(counts.daytime / counts.total).toBeGreaterThan(0.9);
    expect(counts.customers).toBe(13);
    expect(counts.suppliers).toBeGreaterThanOrEqual(7);
    expect(counts.requesters).toBeGreaterThan(30);
    const { requests } = await ops.data('{ requests(first: 1) { totalCount } }');
    expect(requests.totalCount).toBe(counts.total);
    const statuses: { status: string; n: number }[] = await t.dataSource.query(
      'SELECT status, count(*)::int AS n FROM requests GROUP BY status',
    );
    expect(statuses.map((s) => s.status).sort()).toEqual([
      'CANCELLED',
      'CLOSED',
      'IN_PROGRESS',
      'NEW',
      'RESOLVED',
      'WAITING_ON_CUSTOMER',
    ]);
    // Nothing happens after "now".
    const future = await sql(
      `SELECT (SELECT count(*) FROM request_history WHERE at > $1)::int
            + (SELECT count(*) FROM request_comments WHERE created_at > $1)::int
            + (SELECT count(*) FROM request_ratings WHERE created_at > $1)::int AS n`,
      [NOW],
    );
    expect(future.n).toBe(0);
    expect((await ops.data('{ services { name } }')).services.length).toBe(15);
  });

  it('replayed realistic lifecycles: waits, reopens, cancellations, assignees, comments by people', async () => {
    const story = await sql(
      `SELECT count(*) FILTER (WHERE to_value = 'WAITING_ON_CUSTOMER')::int AS waits,
              count(*) FILTER (WHERE from_value = 'RESOLVED' AND to_value = 'IN_PROGRESS')::int AS reopens,
              count(*) FILTER (WHERE to_value = 'CANCELLED')::int AS cancellations,
              count(*) FILTER (WHERE kind = 'ASSIGNED')::int AS assignments,
              count(*) FILTER (WHERE kind = 'STATUS_CHANGED' AND actor_id IS NULL)::int AS by_the_desk,
              count(*) FILTER (WHERE kind = 'STATUS_CHANGED')::int AS moves
         FROM request_history`,
    );
    expect(story.waits).toBeGreaterThan(200);
    expect(story.reopens).toBeGreaterThan(30);
    expect(story.cancellations).toBeGreaterThan(30);
    expect(story.assignments).toBeGreaterThan(1000);
    // Only the auto-closes are nobody's.
    expect(story.by_the_desk).toBeGreaterThan(0);
    expect(story.by_the_desk).toBeLessThan(story.moves / 4);
    const authors = await sql(
      `SELECT count(DISTINCT author_id)::int AS n, count(*) FILTER (WHERE internal)::int AS internal
         FROM request_comments`,
    );
    expect(authors.n).toBeGreaterThan(30);
    expect(authors.internal).toBeGreaterThan(50);
  });

  it('has breaches, varied resolution times by service and compliance that differs by supplier', async () => {
    const { slaReport: overall } = await ops.data(
      '{ slaReport { total resolutionMet resolutionBreached firstResponseBreached resolutionCompliance } }',
    );
    expect(overall[0].resolutionBreached).toBeGreaterThan(100);
    expect(overall[0].firstResponseBreached).toBeGreaterThan(20);
    expect(overall[0].resolutionCompliance).toBeGreaterThan(0.7);
    expect(overall[0].resolutionCompliance).toBeLessThan(0.97);
    const { slaReport: byService } = await ops.data(
      '{ slaReport(groupBy: [SERVICE]) { service { name } total medianResolutionMinutes p90ResolutionMinutes resolutionCompliance } }',
    );
    const medians = byService
      .filter((r: { total: number }) => r.total >= 30)
      .map((r: { medianResolutionMinutes: number }) => r.medianResolutionMinutes);
    expect(medians.length).toBeGreaterThanOrEqual(10);
    expect(new Set(medians.map(Math.round)).size).toBeGreaterThanOrEqual(medians.length - 2);
    expect(Math.max(...medians) / Math.min(...medians)).toBeGreaterThan(5);
    for (const row of byService.filter((r: { total: number }) => r.total >= 30))
      expect(row.p90ResolutionMinutes).toBeGreaterThan(row.medianResolutionMinutes * 1.5);
    const { slaReport: bySupplier } = await ops.data(
      '{ slaReport(groupBy: [SUPPLIER]) { supplier { code } total resolutionCompliance } }',
    );
    const compliance = bySupplier
      .filter((r: { total: number }) => r.total >= 50)
      .map((r: { resolutionCompliance: number }) => r.resolutionCompliance);
    expect(Math.max(...compliance) - Math.min(...compliance)).toBeGreaterThan(0.05);
  });

  it('replayed every clock through the live rules, and the report facts agree with the rows', async () => {
    const clocks = await sql(
      `SELECT count(*) FILTER (WHERE r.status IN ('RESOLVED', 'CLOSED') AND c.stopped_at IS DISTINCT FROM r.resolved_at)::int AS unstopped,
              count(*) FILTER (WHERE r.status = 'WAITING_ON_CUSTOMER' AND c.running_since IS NOT NULL)::int AS running_while_waiting,
              count(*) FILTER (WHERE r.status = 'CANCELLED' AND c.cancelled_at IS NULL)::int AS uncancelled,
              count(*) FILTER (WHERE c.breached_at IS NOT NULL AND c.breached_at <> c.due_at)::int AS odd_breaches
         FROM requests r JOIN sla_clocks c ON c.request_id = r.id AND c.kind = 'RESOLUTION'`,
    );
    expect(clocks).toEqual({
      unstopped: 0,
      running_while_waiting: 0,
      uncancelled: 0,
      odd_breaches: 0,
    });
    expect(await t.app.get(ReportFactsAudit).differences()).toEqual({
      missingOrWrong: 0,
      extra: 0,
    });
  });

  it('has ratings with short comments that follow the service, and kudos', async () => {
    const { satisfactionReport } = await ops.data(
      '{ satisfactionReport { ratings averageScore distribution responseRate kudos qualityRatings } }',
    );
    const [all] = satisfactionReport;
    expect(all.ratings).toBeGreaterThan(500);
    expect(all.averageScore).toBeGreaterThan(3.3);
    expect(all.averageScore).toBeLessThan(4.6);
    expect(all.distribution.every((n: number) => n > 0)).toBe(true);
    expect(all.responseRate).toBeGreaterThan(0.3);
    expect(all.responseRate).toBeLessThan(0.8);
    expect(all.kudos).toBeGreaterThan(30);
    expect(all.qualityRatings).toBeGreaterThan(50);
    const scores = await sql<{ met: number; breached: number; commented: number; longest: number }>(
      `SELECT avg(rr.score) FILTER (WHERE c.breached_at IS NULL)::float AS met,
              avg(rr.score) FILTER (WHERE c.breached_at IS NOT NULL)::float AS breached,
              count(*) FILTER (WHERE rr.comment <> '')::int AS commented,
              max(length(rr.comment))::int AS longest
         FROM request_ratings rr
         JOIN sla_clocks c ON c.request_id = rr.request_id AND c.kind = 'RESOLUTION'
        WHERE rr.side = 'CUSTOMER'`,
    );
    expect(scores.breached).toBeLessThan(scores.met - 0.8);
    expect(scores.commented).toBeGreaterThan(all.ratings / 3);
    expect(scores.longest).toBeLessThanOrEqual(80);
  });

  it('has requests at risk now for IT, one of them already breached', async () => {
    const lead = await t.login(demoEmail('IT', 'lead'));
    const { atRiskRequests } = await lead.data(
      `query($s: ID!) { atRiskRequests(supplierId: $s, withinMinutes: 120) {
         clock { kind state remainingMinutes dueAt } request { title status assignee { email } } } }`,
      { s: ids.IT },
    );
    const resolution = atRiskRequests.filter(
      (r: { clock: { kind: string } }) => r.clock.kind === 'RESOLUTION',
    );
    const scanner = resolution.find(
      (r: { request: { title: string } }) =>
        r.request.title === 'Barcode scanner on line A offline',
    );
    expect(scanner.clock).toMatchObject({ state: 'RUNNING', remainingMinutes: 50 });
    expect(scanner.request.assignee.email).toBe(demoEmail('IT', 'agent'));
    const vpn = resolution.find(
      (r: { request: { title: string } }) =>
        r.request.title === 'VPN drops for the field sales team',
    );
    expect(vpn.clock).toMatchObject({ state: 'RUNNING', remainingMinutes: 75 });
    expect(
      resolution.some(
        (r: { clock: { state: string }; request: { title: string } }) =>
          r.clock.state === 'BREACHED' && r.request.title === 'Accounts for the new HR system',
      ),
    ).toBe(true);
    // The IT queue is worked by its agents and lead.
    const queue = await sql(
      `SELECT count(*)::int AS open, count(DISTINCT assignee_id)::int AS people,
              count(*) FILTER (WHERE u.email = $2)::int AS mine
         FROM requests r LEFT JOIN users u ON u.id = r.assignee_id
        WHERE r.supplier_id = $1 AND r.status IN ('NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')`,
      [ids.IT, demoEmail('IT', 'agent')],
    );
    expect(queue.open).toBeGreaterThan(10);
    expect(queue.people).toBeGreaterThanOrEqual(3);
    expect(queue.mine).toBeGreaterThan(2);
  });

  it('asks member.mkt to rate a recent laptop, and files a new one to IT with the laptop OLA', async () => {
    const member = await t.login(demoEmail('MKT', 'member'));
    const pendingRatings = (
      await member.data(
        '{ pendingRatings(first: 100) { edges { node { rateBy request { number title status service { name } } } } } }',
      )
    ).pendingRatings.edges.map((e: { node: unknown }) => e.node);
    const laptop = pendingRatings.find(
      (p: { request: { title: string } }) => p.request.title === 'Laptop for the new designer',
    );
    expect(laptop.request).toMatchObject({ status: 'RESOLVED', service: { name: 'Laptop' } });
    expect(Date.parse(laptop.rateBy)).toBeGreaterThan(NOW.getTime() + 10 * DAY);
    const notifications = (
      await member.data('{ notifications(first: 100) { edges { node { kind message } } } }')
    ).notifications.edges.map((e: { node: unknown }) => e.node);
    expect(
      notifications.some(
        (n: { kind: string; message: string }) =>
          n.kind === 'RATING_INVITATION' && n.message.includes(laptop.request.number),
      ),
    ).toBe(true);

    const { services } = await member.data('{ services { id name supplier { code } } }');
    const service = services.find(
      (s: { name: string; supplier: { code: string } }) =>
        s.name === 'Laptop' && s.supplier.code === 'IT',
    );
    const { createRequest } = await member.data(
      `mutation($i: CreateRequestInput!) { createRequest(input: $i) {
         relationshipType sla { policy { name } resolution { targetMinutes state } } } }`,
      { i: { supplierId: ids.IT, serviceId: service.id, title: 'Laptop for the autumn intern' } },
    );
    expect(createRequest).toEqual({
      relationshipType: 'HORIZONTAL',
      sla: {
        policy: { name: 'IT laptops' },
        resolution: { targetMinutes: 2400, state: 'RUNNING' },
      },
    });
  });

  it('keeps internal notes from the customer of the demo', async () => {
    const lineA = await t.login(demoEmail('LINE-A', 'member'));
    const { requests } = await lineA.data(
      '{ requests(filter: { text: "scanner" }, first: 50) { edges { node { title comments { body internal } } } } }',
    );
    const scanner = requests.edges.find(
      (e: { node: { title: string } }) => e.node.title === 'Barcode scanner on line A offline',
    );
    expect(scanner.node.comments).toEqual([
      { body: 'A technician is on the way with a spare scanner.', internal: false },
    ]);
  });

  it('seeds only an empty desk', async () => {
    expect(await t.app.get(DemoRequestsSeeder).seedIfEmpty()).toBe(0);
  });
});
