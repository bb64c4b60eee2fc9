import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, fileRequest, FiledRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const MINUTE = 60_000;
const SLA = `query($id: ID!) { request(id: $id) { id version status sla {
  policy { name }
  firstResponse { state targetMinutes elapsedMinutes remainingMinutes dueAt breachedAt }
  resolution { state targetMinutes elapsedMinutes remainingMinutes dueAt breachedAt } } } }`;
const POLICY = 'mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id name } }';
const CALENDAR =
  'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }';
const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({
    day,
    start: '00:00',
    end: '24:00',
  }),
);

describe('SLA clocks on requests', () => {
  // Monday 2 March 2026, 09:00 UTC (GMT in London).
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let lead: GraphqlClient;
  let ops: GraphqlClient;
  let allWeekId: string;

  const sla = async (request: { id: string }) =>
    (await agent.data(SLA, { id: request.id })).request;
  const advance = (minutes: number) => time.advance(minutes * MINUTE);
  const iso = (minutesFromNow: number) =>
    new Date(time.now().getTime() + minutesFromNow * MINUTE).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    lead = await t.login(demoEmail('IT', 'lead'));
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    allWeekId = (
      await ops.data(CALENDAR, { i: { name: '24x7', timeZone: 'UTC', weeklyHours: ALL_WEEK } })
    ).createBusinessCalendar.id;
    await lead.data(POLICY, {
      i: {
        name: 'IT standard',
        supplierId: ids.IT,
        firstResponseMinutes: 60,
        resolutionMinutes: 240,
        calendarId: allWeekId,
      },
    });
    await lead.data(POLICY, {
      i: {
        name: 'IT urgent',
        supplierId: ids.IT,
        priority: 'P1',
        firstResponseMinutes: 15,
        resolutionMinutes: 120,
        calendarId: allWeekId,
      },
    });
  });
  afterAll(() => t.close());

  it('starts both clocks at creation under the most specific policy', async () => {
    const request = await fileRequest(customer, ids.IT);
    const { sla: clocks } = await sla(request);
    expect(clocks.policy.name).toBe('IT standard');
    expect(clocks.firstResponse).toEqual({
      state: 'RUNNING',
      targetMinutes: 60,
      elapsedMinutes: 0,
      remainingMinutes: 60,
      dueAt: iso(60),
      breachedAt: null,
    });
    expect(clocks.resolution).toMatchObject({ state: 'RUNNING', dueAt: iso(240) });
    const urgent = await fileRequest(customer, ids.IT, { priority: 'P1' });
    expect((await sla(urgent)).sla.policy.name).toBe('IT urgent');
  });

  it('has no clocks where no policy applies', async () => {
    const request = await fileRequest(customer, ids.SALES);
    expect((await customer.data(SLA, { id: request.id })).request.sla).toBeNull();
  });

  it('stops first response at the first public reply, pauses while waiting, keeps elapsed across reopen, breaches at the due time', async () => {
    let request: FiledRequest = await fileRequest(customer, ids.IT);
    advance(30);
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'On it' });
    let now = await sla(request);
    expect(now.sla.firstResponse).toMatchObject({ state: 'MET', elapsedMinutes: 30, dueAt: null });
    expect(now.sla.resolution).toMatchObject({ state: 'RUNNING', elapsedMinutes: 30 });

    advance(30);
    request = await moveTo(agent, { ...request, version: now.version }, 'WAITING_ON_CUSTOMER');
    advance(300); // five hours waiting on the customer do not count
    now = await sla(request);
    expect(now.sla.resolution).toMatchObject({
      state: 'PAUSED',
      elapsedMinutes: 60,
      remainingMinutes: 180,
      dueAt: null,
    });

    request = await moveTo(customer, request, 'IN_PROGRESS');
    now = await sla(request);
    expect(now.sla.resolution).toMatchObject({
      state: 'RUNNING',
      elapsedMinutes: 60,
      dueAt: iso(180),
    });
    const dueAt = now.sla.resolution.dueAt;

    advance(180);
    expect((await sla(request)).sla.resolution).toMatchObject({
      state: 'RUNNING',
      elapsedMinutes: 240,
      remainingMinutes: 0,
    });
    advance(1);
    expect((await sla(request)).sla.resolution).toMatchObject({
      state: 'BREACHED',
      remainingMinutes: -1,
      breachedAt: dueAt,
    });

    request = await moveTo(agent, request, 'RESOLVED');
    advance(60);
    expect((await sla(request)).sla.resolution).toMatchObject({
      state: 'BREACHED',
      elapsedMinutes: 241,
      breachedAt: dueAt,
    });
    request = await moveTo(customer, request, 'IN_PROGRESS'); // reopened
    advance(10);
    expect((await sla(request)).sla.resolution).toMatchObject({
      state: 'BREACHED',
      elapsedMinutes: 251,
      breachedAt: dueAt,
    });
  });

  it('meets a resolution target when resolved in time', async () => {
    const request = await fileRequest(customer, ids.IT);
    advance(100);
    await moveTo(agent, request, 'RESOLVED');
    const { sla: clocks } = await sla(request);
    expect(clocks.firstResponse).toMatchObject({ state: 'BREACHED', elapsedMinutes: 100 });
    expect(clocks.resolution).toMatchObject({
      state: 'MET',
      elapsedMinutes: 100,
      breachedAt: null,
    });
  });

  it('cancels the clocks with the request', async () => {
    const request = await fileRequest(customer, ids.IT);
    advance(5);
    await moveTo(customer, request, 'CANCELLED');
    const { sla: clocks } = await sla(request);
    expect(clocks.firstResponse.state).toBe('CANCELLED');
    expect(clocks.resolution).toMatchObject({ state: 'CANCELLED', elapsedMinutes: 5 });
  });

  it('re-targets running clocks when the priority changes, keeping elapsed time', async () => {
    const request = await fileRequest(customer, ids.IT);
    advance(20);
    await agent.data(
      'mutation($id: ID!) { changeRequestPriority(id: $id, priority: P1, expectedVersion: 1) { id } }',
      { id: request.id },
    );
    const { sla: clocks } = await sla(request);
    expect(clocks.policy.name).toBe('IT urgent');
    expect(clocks.firstResponse).toMatchObject({
      state: 'BREACHED',
      targetMinutes: 15,
      elapsedMinutes: 20,
    });
    expect(clocks.resolution).toMatchObject({
      state: 'RUNNING',
      targetMinutes: 120,
      elapsedMinutes: 20,
      dueAt: iso(100),
    });
  });

  it('follows the supplier’s business calendar by default', async () => {
    const office = (
      await ops.data(CALENDAR, {
        i: {
          name: 'Payroll office',
          timeZone: 'Europe/London',
          weeklyHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
            day,
            start: '09:00',
            end: '17:00',
          })),
        },
      })
    ).createBusinessCalendar.id;
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    await admin.data(
      'mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { id } }',
      { i: { id: ids.PAY, calendarId: office } },
    );
    await ops.data(POLICY, {
      i: { supplierId: ids.PAY, firstResponseMinutes: 120, resolutionMinutes: 960 },
    });
    time.set(new Date('2026-03-06T16:00:00Z')); // Friday 16:00 in London
    const request = await fileRequest(customer, ids.PAY);
    const { sla: clocks } = (await customer.data(SLA, { id: request.id })).request;
    expect(clocks.firstResponse.dueAt).toBe('2026-03-09T10:00:00.000Z');
    expect(clocks.resolution.dueAt).toBe('2026-03-10T16:00:00.000Z');

    // Monday becomes a holiday: the running clocks' due dates move.
    await ops.data(
      'mutation($i: UpdateBusinessCalendarInput!) { updateBusinessCalendar(input: $i) { id } }',
      {
        i: { id: office, holidays: ['2026-03-09'] },
      },
    );
    const after = (await customer.data(SLA, { id: request.id })).request.sla;
    expect(after.firstResponse.dueAt).toBe('2026-03-10T10:00:00.000Z');
  });

  it('lists at-risk clocks of a supplier, soonest first, to its members and operations only', async () => {
    time.set(new Date('2026-03-16T09:00:00Z'));
    const late = await fileRequest(customer, ids.IT, { title: 'late' });
    advance(61); // first response breached
    const soon = await fileRequest(customer, ids.IT, { title: 'soon', priority: 'P1' }); // first response due in 15
    await fileRequest(customer, ids.IT, { title: 'later' }); // due in 60
    const AT_RISK = `query($s: ID!, $w: Int!) { atRiskRequests(supplierId: $s, withinMinutes: $w, first: 100) {
      clock { kind state dueAt } request { title } } }`;
    const list = (await agent.data(AT_RISK, { s: ids.IT, w: 30 })).atRiskRequests;
    const titles = list.map((r: { request: { title: string } }) => r.request.title);
    expect(titles).toContain('late');
    expect(titles).toContain('soon');
    expect(titles).not.toContain('later');
    const dues = list.map((r: { clock: { dueAt: string } }) => Date.parse(r.clock.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    expect(
      list.find((r: { request: { title: string } }) => r.request.title === 'late').clock.state,
    ).toBe('BREACHED');
    expect(late.id).toBeDefined();
    expect(soon.id).toBeDefined();
    const outsider = await t.login(demoEmail('HR', 'lead'));
    expect((await outsider.error(AT_RISK, { s: ids.IT, w: 30 })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await ops.data(AT_RISK, { s: ids.IT, w: 30 })).atRiskRequests.length).toBe(list.length);
  });

  it('lets leads set policies only for their own department', async () => {
    const hrLead = await t.login(demoEmail('HR', 'lead'));
    const error = await hrLead.error(POLICY, {
      i: { supplierId: ids.IT, firstResponseMinutes: 5, resolutionMinutes: 10 },
    });
    expect(error.extensions?.code).toBe('FORBIDDEN');
    const orgWide = await hrLead.error(POLICY, {
      i: { firstResponseMinutes: 5, resolutionMinutes: 10 },
    });
    expect(orgWide.extensions?.code).toBe('FORBIDDEN');
    const bad = await ops.error(POLICY, {
      i: { supplierId: ids.IT, firstResponseMinutes: 0, resolutionMinutes: 10 },
    });
    expect(bad.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.firstResponseMinutes'],
    });
  });
});
