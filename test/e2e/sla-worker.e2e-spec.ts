import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { BreachScanJob } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import { CREATE_REQUEST, fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { subscribe } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const MINUTE = 60_000;
const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({
    day,
    start: '00:00',
    end: '24:00',
  }),
);

describe('SLA worker: warnings, breaches and escalation, exactly once', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let a: TestApp;
  let b: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;

  const events = async (requestId: string) =>
    (
      await a.dataSource.query(
        `SELECT e.kind, e.rung, u.email AS recipient, e.occurred_at FROM sla_events e
           JOIN sla_clocks c ON c.id = e.clock_id LEFT JOIN users u ON u.id = e.recipient_id
          WHERE e.request_id = $1 AND c.kind = 'FIRST_RESPONSE' ORDER BY e.id`,
        [requestId],
      )
    ).map(
      (e: { kind: string; rung: number; recipient: string | null }) =>
        `${e.kind}:${e.rung}:${e.recipient ?? '-'}`,
    );

  beforeAll(async () => {
    a = await startTestApp({ time, env: { ESCALATION_DELAY_MINUTES: '60' } });
    b = await startTestApp({ time, sameDatabaseAs: a, env: { ESCALATION_DELAY_MINUTES: '60' } });
    ids = await departmentIds(a.dataSource);
    customer = await a.login(demoEmail('LINE-A', 'member'));
    const ops = await a.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const calendar = (
      await ops.data(
        'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }',
        {
          i: { name: '24x7', timeZone: 'UTC', weeklyHours: ALL_WEEK },
        },
      )
    ).createBusinessCalendar.id;
    await ops.data('mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }', {
      i: {
        supplierId: ids.IT,
        firstResponseMinutes: 60,
        resolutionMinutes: 600,
        calendarId: calendar,
        warnAtPercent: 80,
      },
    });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('warns at 80%, records the breach at the due time, then escalates up to the lead above both sides', async () => {
    // An IT agent watches SLA events on the other API instance.
    const agentToken = (
      await a.graphql.data<{ login: { accessToken: string } }>(
        `mutation { login(email: "${demoEmail('IT', 'agent')}", password: "intradesk-demo") { accessToken } }`,
      )
    ).login.accessToken;
    const live = await subscribe(
      b.baseUrl + '/graphql',
      agentToken,
      'subscription { slaEvents { kind clockKind rung request { title } } }',
    );
    const request = await fileRequest(customer, ids.IT, { title: 'Scanner down' });
    const worker = a.app.get(BreachScanJob);
    time.advance(47 * MINUTE);
    await worker.runUntilIdle();
    expect(await events(request.id)).toEqual([]);

    time.advance(2 * MINUTE); // 49 minutes: past 80% of 60
    await worker.runUntilIdle();
    expect(await events(request.id)).toEqual([`WARNING:0:${demoEmail('IT', 'lead')}`]);

    time.advance(11 * MINUTE); // exactly at the due time: not yet exceeded
    await worker.runUntilIdle();
    expect(await events(request.id)).toHaveLength(1);

    time.advance(1000);
    await worker.runUntilIdle();
    expect(await events(request.id)).toEqual([
      `WARNING:0:${demoEmail('IT', 'lead')}`,
      'BREACHED:0:-',
      `ESCALATED:1:${demoEmail('IT', 'lead')}`, // nobody assigned: the supplier's lead
    ]);

    time.advance(60 * MINUTE);
    await worker.runUntilIdle();
    time.advance(60 * MINUTE);
    await worker.runUntilIdle();
    time.advance(600 * MINUTE);
    await worker.runUntilIdle();
    const all = await events(request.id);
    // LINE-A (Operations) and IT (Corporate) meet at the company root.
    const delivered = await live.waitFor(6);
    expect(
      delivered
        .filter((e) => e.slaEvents.clockKind === 'FIRST_RESPONSE')
        .map((e) => `${e.slaEvents.kind}:${e.slaEvents.rung}:${e.slaEvents.request.title}`),
    ).toEqual([
      'WARNING:0:Scanner down',
      'BREACHED:0:Scanner down',
      'ESCALATED:1:Scanner down',
      'ESCALATED:2:Scanner down',
      'ESCALATED:3:Scanner down',
    ]);
    await live.close();
    expect(all.slice(3)).toEqual([
      `ESCALATED:2:${demoEmail('IT', 'lead')}`,
      `ESCALATED:3:${demoEmail('CO', 'lead')}`,
    ]);

    const [{ occurred }] = await a.dataSource.query(
      `SELECT e.occurred_at AS occurred FROM sla_events e JOIN sla_clocks c ON c.id = e.clock_id
        WHERE e.request_id = $1 AND e.kind = 'BREACHED' AND c.kind = 'FIRST_RESPONSE'`,
      [request.id],
    );
    expect(new Date(occurred).toISOString()).toBe('2026-03-02T10:00:00.000Z');

    const coLead = await a.login(demoEmail('CO', 'lead'));
    const inbox = {
      notifications: (
        await coLead.data('{ notifications { edges { node { kind message requestId readAt } } } }')
      ).notifications.edges.map((e: { node: unknown }) => e.node),
    };
    // Both clocks of the request have reached the top rung by now: one notification each.
    expect(inbox.notifications.map((n: { message: string }) => n.message).sort()).toEqual([
      `${request.number} "Scanner down": first response target missed at 2026-03-02T10:00:00.000Z (escalation 3 of 3)`,
      `${request.number} "Scanner down": resolution target missed at 2026-03-02T19:00:00.000Z (escalation 3 of 3)`,
    ]);
    expect(
      inbox.notifications.every(
        (n: { kind: string; readAt: null }) => n.kind === 'SLA_ESCALATED' && !n.readAt,
      ),
    ).toBe(true);
  });

  it('two workers on one database record every event of thousands of due clocks exactly once', async () => {
    const filers = await Promise.all(
      ['MKT', 'HR', 'SALES', 'FIN'].map((c) => a.login(demoEmail(c, 'member'))),
    );
    for (let i = 0; i < 400; i += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, j) =>
          filers[(i + j) % 4].request(CREATE_REQUEST, {
            input: { supplierId: ids.IT, title: `Bulk ${i + j}` },
          }),
        ),
      );
    }
    time.advance(300 * MINUTE); // every first response and its three rungs are due
    const workers = [a.app.get(BreachScanJob), b.app.get(BreachScanJob)];
    await Promise.all([
      workers[0].runUntilIdle(),
      workers[1].runUntilIdle(),
      workers[0].runOnce(),
      workers[1].runOnce(),
    ]);
    await Promise.all(workers.map((w) => w.runUntilIdle()));
    const [{ clocks, warnings, breaches, escalations, duplicates }] = await a.dataSource.query(`
      SELECT
        (SELECT count(*)::int FROM sla_clocks c JOIN requests r ON r.id = c.request_id
          WHERE r.title LIKE 'Bulk %' AND c.kind = 'FIRST_RESPONSE') AS clocks,
        (SELECT count(*)::int FROM sla_events e JOIN requests r ON r.id = e.request_id JOIN sla_clocks c ON c.id = e.clock_id
          WHERE r.title LIKE 'Bulk %' AND c.kind = 'FIRST_RESPONSE' AND e.kind = 'WARNING') AS warnings,
        (SELECT count(*)::int FROM sla_events e JOIN requests r ON r.id = e.request_id JOIN sla_clocks c ON c.id = e.clock_id
          WHERE r.title LIKE 'Bulk %' AND c.kind = 'FIRST_RESPONSE' AND e.kind = 'BREACHED') AS breaches,
        (SELECT count(*)::int FROM sla_events e JOIN requests r ON r.id = e.request_id JOIN sla_clocks c ON c.id = e.clock_id
          WHERE r.title LIKE 'Bulk %' AND c.kind = 'FIRST_RESPONSE' AND e.kind = 'ESCALATED') AS escalations,
        (SELECT count(*)::int FROM (SELECT user_id, request_id, message FROM notifications GROUP BY 1, 2, 3 HAVING count(*) > 1) d) AS duplicates`);
    expect(clocks).toBe(400);
    expect(warnings).toBe(400);
    expect(breaches).toBe(400);
    expect(escalations).toBe(1200);
    expect(duplicates).toBe(0);
  });

  it('sends nothing while a request waits on its customer', async () => {
    const agent = await a.login(demoEmail('IT', 'agent'));
    const request = await fileRequest(customer, ids.IT, { title: 'Waiting one' });
    // Moving out of NEW stops first response; resolution pauses while waiting.
    await agent.data(
      'mutation($id: ID!) { changeRequestStatus(id: $id, status: WAITING_ON_CUSTOMER, expectedVersion: 1) { id } }',
      {
        id: request.id,
      },
    );
    time.advance(2000 * MINUTE);
    await a.app.get(BreachScanJob).runUntilIdle();
    const [{ n }] = await a.dataSource.query(
      'SELECT count(*)::int AS n FROM sla_events WHERE request_id = $1',
      [request.id],
    );
    expect(n).toBe(0);
  });
});
