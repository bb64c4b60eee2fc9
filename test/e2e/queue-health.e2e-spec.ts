import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { BreachScanJob } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import { ASSIGN, fileRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const MINUTE = 60_000;
const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({ day, start: '00:00', end: '24:00' }),
);
const HEALTH = `query($d: ID!, $w: Int!) { departmentQueueHealth(departmentId: $d, withinMinutes: $w) {
  department { code } withinMinutes open unassigned atRisk breached
  workload { agent { email } open atRisk breached } } }`;
const COUNTS = `query($d: ID!) { departmentQueueHealth(departmentId: $d) {
  open unassigned atRisk breached workload { open atRisk breached } } }`;
const ESCALATIONS = `query($d: ID!) { escalationsReceived(departmentId: $d) {
  clockKind rung occurredAt request { number title } } }`;

describe('Queue health and escalations received (team lead home)', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let lead: GraphqlClient;
  let ops: GraphqlClient;
  let agentId: string;

  beforeAll(async () => {
    t = await startTestApp({ time, env: { ESCALATION_DELAY_MINUTES: '60' } });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    lead = await t.login(demoEmail('IT', 'lead'));
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    agentId = (await agent.data('{ me { id } }')).me.id;
    const calendar = (
      await ops.data(
        'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }',
        { i: { name: '24x7', timeZone: 'UTC', weeklyHours: ALL_WEEK } },
      )
    ).createBusinessCalendar.id;
    await ops.data('mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }', {
      i: {
        supplierId: ids.IT,
        firstResponseMinutes: 60,
        resolutionMinutes: 600,
        calendarId: calendar,
      },
    });
  });
  afterAll(() => t.close());

  it('counts open, unassigned, at-risk and breached requests and each agent’s share, in one statement', async () => {
    await fileRequest(customer, ids.IT, { title: 'Printer on fire' });
    time.advance(61 * MINUTE); // its first response is now overdue
    const soon = await fileRequest(customer, ids.IT, { title: 'VPN slow' });
    const assigned = await lead.data(ASSIGN, { id: soon.id, assigneeId: agentId, v: soon.version });
    await fileRequest(customer, ids.IT, { title: 'New mouse' });
    const done = await fileRequest(customer, ids.IT, { title: 'Done already' });
    await moveTo(agent, await moveTo(agent, done, 'IN_PROGRESS'), 'RESOLVED');
    expect(assigned.assignRequest.assignee.email).toBe(demoEmail('IT', 'agent'));

    t.statements.reset();
    await lead.data(COUNTS, { d: ids.IT });
    expect(t.statements.total).toBe(1); // the counts and the workload: one statement
    t.statements.reset();
    const { departmentQueueHealth: h } = await lead.data(HEALTH, { d: ids.IT, w: 60 });
    // Plus one for the department and one for all the agents (batched), whatever their number.
    expect(t.statements.total).toBe(3);
    expect(h).toMatchObject({
      withinMinutes: 60,
      open: 3,
      unassigned: 2,
      breached: 1, // Printer on fire
      atRisk: 2, // VPN slow and New mouse: first responses due within the hour
    });
    const byEmail = Object.fromEntries(
      h.workload.map((w: { agent: { email: string } }) => [w.agent.email, w]),
    );
    expect(byEmail[demoEmail('IT', 'agent')]).toMatchObject({ open: 1, atRisk: 1, breached: 0 });
    expect(byEmail[demoEmail('IT', 'lead')]).toMatchObject({ open: 0, atRisk: 0, breached: 0 });
    expect(h.workload[0].agent.email).toBe(demoEmail('IT', 'agent')); // busiest first

    // A window of 0 minutes: only the breached one counts.
    const narrow = (await ops.data(HEALTH, { d: ids.IT, w: 0 })).departmentQueueHealth;
    expect(narrow).toMatchObject({ open: 3, atRisk: 0, breached: 1, department: { code: 'IT' } });
  });

  it('is for the department’s lead, operations and admins only', async () => {
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    expect((await admin.data(HEALTH, { d: ids.IT, w: 60 })).departmentQueueHealth.open).toBe(3);
    for (const caller of [agent, customer, await t.login(demoEmail('HR', 'lead'))]) {
      const error = await caller.error(HEALTH, { d: ids.IT, w: 60 });
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_DEPARTMENT' });
      const refused = await caller.error(ESCALATIONS, { d: ids.IT });
      expect(refused.extensions?.code).toBe('FORBIDDEN');
    }
    // Another department's lead watches their own.
    const hrLead = await t.login(demoEmail('HR', 'lead'));
    expect((await hrLead.data(HEALTH, { d: ids.HR, w: 60 })).departmentQueueHealth.open).toBe(0);
    expect(
      (await ops.error(HEALTH, { d: '00000000-0000-4000-8000-000000000000', w: 60 })).extensions
        ?.code,
    ).toBe('NOT_FOUND');
    expect((await lead.error(HEALTH, { d: ids.IT, w: -1 })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lists the escalations the department’s lead received, newest first', async () => {
    expect((await lead.data(ESCALATIONS, { d: ids.IT })).escalationsReceived).toEqual([]);
    const worker = t.app.get(BreachScanJob);
    await worker.runUntilIdle(); // Printer on fire: breached, rung 1 to IT's lead (unassigned)
    time.advance(61 * MINUTE);
    await worker.runUntilIdle(); // rung 2 to IT's lead
    const { escalationsReceived: list } = await lead.data(ESCALATIONS, { d: ids.IT });
    const printer = list.filter(
      (e: { request: { title: string } }) => e.request.title === 'Printer on fire',
    );
    expect(printer.map((e: { rung: number; clockKind: string }) => [e.rung, e.clockKind])).toEqual([
      [2, 'FIRST_RESPONSE'],
      [1, 'FIRST_RESPONSE'],
    ]);
    expect((await ops.data(ESCALATIONS, { d: ids.IT })).escalationsReceived).toEqual(list);
    // Marketing's lead received none of them.
    const mktLead = await t.login(demoEmail('MKT', 'lead'));
    expect((await mktLead.data(ESCALATIONS, { d: ids.MKT })).escalationsReceived).toEqual([]);
  });

  it('checks its arguments as one validated input each: ids, the window and the page size', async () => {
    const AT_RISK = `query($s: ID!, $w: Int!, $f: Int) {
      atRiskRequests(supplierId: $s, withinMinutes: $w, first: $f) { request { id } } }`;
    const PAGE = `query($d: ID!, $f: Int!) { escalationsReceived(departmentId: $d, first: $f) { rung } }`;
    const refused = async (
      client: GraphqlClient,
      query: string,
      variables: Record<string, unknown>,
    ) => (await client.error(query, variables)).extensions;
    for (const [query, variables, field, message] of [
      [AT_RISK, { s: ids.IT, w: 60, f: 101 }, 'first', 'first must be between 1 and 100'],
      [AT_RISK, { s: ids.IT, w: 60, f: 0 }, 'first', 'first must be between 1 and 100'],
      [AT_RISK, { s: ids.IT, w: 366 * 1440 + 1 }, 'withinMinutes', 'withinMinutes must be'],
      [AT_RISK, { s: 'IT', w: 60 }, 'supplierId', 'supplierId must be an id (UUID)'],
      [HEALTH, { d: ids.IT, w: -1 }, 'withinMinutes', 'withinMinutes must be between 0 and'],
      [PAGE, { d: ids.IT, f: 101 }, 'first', 'first must be between 1 and 100'],
      [PAGE, { d: 'nope', f: 10 }, 'departmentId', 'departmentId must be an id (UUID)'],
    ] as const) {
      const error = await ops.error(query, variables);
      expect([field, error.extensions]).toMatchObject([
        field,
        { code: 'BAD_USER_INPUT', fields: [field] },
      ]);
      expect(error.message).toContain(message);
    }
    // An upper-case id is the same department (as UuidPipe lower-cases lone ids).
    const upper = await lead.data(AT_RISK, { s: ids.IT.toUpperCase(), w: 60, f: 100 });
    expect(Array.isArray(upper.atRiskRequests)).toBe(true);
    expect(await refused(agent, AT_RISK, { s: ids.HR, w: 60 })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
