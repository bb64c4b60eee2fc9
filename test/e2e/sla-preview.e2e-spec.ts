import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const PREVIEW = `query($s: ID!, $svc: ID, $p: Priority!) { slaPreview(supplierId: $s, serviceId: $svc, priority: $p) {
  relationshipType explanation policy { name } firstResponseMinutes resolutionMinutes
  firstResponseDueAt resolutionDueAt } }`;
const SLA = `query($id: ID!) { request(id: $id) { sla {
  firstResponse { dueAt state countingNow } resolution { dueAt state countingNow } } } }`;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

// The new-request wizard shows what will apply before filing; the clocks say when they count.
describe('SLA preview and counting now', () => {
  // Tuesday 1 December 2026, 16:00 UTC: one working hour left today.
  const time = new ManualTimeSource(new Date('2026-12-01T16:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let serviceId: string;

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    const lead = await t.login(demoEmail('IT', 'lead'));
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const calendar = (
      await ops.data(
        'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }',
        { i: { name: 'Office UTC', timeZone: 'UTC', weeklyHours: WEEKDAYS } },
      )
    ).createBusinessCalendar.id;
    serviceId = (
      await lead.data(
        `mutation($s: ID!) { createService(input: { supplierId: $s, name: "Laptop", defaultPriority: P3 }) { id } }`,
        { s: ids.IT },
      )
    ).createService.id;
    const policy = 'mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }';
    await lead.data(policy, {
      i: {
        name: 'IT P2',
        supplierId: ids.IT,
        priority: 'P2',
        firstResponseMinutes: 120,
        resolutionMinutes: 960,
        calendarId: calendar,
      },
    });
    await lead.data(policy, {
      i: {
        name: 'IT laptops',
        supplierId: ids.IT,
        serviceId,
        firstResponseMinutes: 30,
        resolutionMinutes: 480,
        calendarId: calendar,
      },
    });
  });
  afterAll(() => t.close());

  it('answers the relationship and the targets and due times filing would give', async () => {
    const preview = (await customer.data(PREVIEW, { s: ids.IT, p: 'P2' })).slaPreview;
    expect(preview).toEqual({
      relationshipType: 'HORIZONTAL',
      explanation: expect.stringContaining('MKT'),
      policy: { name: 'IT P2' },
      firstResponseMinutes: 120,
      resolutionMinutes: 960,
      // One hour today, then from 09:00 on Wednesday.
      firstResponseDueAt: '2026-12-02T10:00:00.000Z',
      resolutionDueAt: '2026-12-03T16:00:00.000Z',
    });
    const request = await fileRequest(customer, ids.IT, { priority: 'P2' });
    const { sla } = (await customer.data(SLA, { id: request.id })).request;
    expect(sla.firstResponse.dueAt).toBe(preview.firstResponseDueAt);
    expect(sla.resolution.dueAt).toBe(preview.resolutionDueAt);
    const withService = (await customer.data(PREVIEW, { s: ids.IT, svc: serviceId, p: 'P2' }))
      .slaPreview;
    expect(withService).toMatchObject({ policy: { name: 'IT laptops' }, firstResponseMinutes: 30 });
  });

  it('answers nulls when no policy applies, and refuses what filing would refuse', async () => {
    const preview = (await customer.data(PREVIEW, { s: ids.SALES, p: 'P4' })).slaPreview;
    expect(preview).toEqual({
      relationshipType: 'HORIZONTAL',
      explanation: expect.any(String),
      policy: null,
      firstResponseMinutes: null,
      resolutionMinutes: null,
      firstResponseDueAt: null,
      resolutionDueAt: null,
    });
    const own = (await agent.data(PREVIEW, { s: ids.IT, p: 'P4' })).slaPreview;
    expect(own.relationshipType).toBe('SAME_DEPARTMENT');
    const wrongService = await customer.error(PREVIEW, { s: ids.SALES, svc: serviceId, p: 'P2' });
    expect(wrongService.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SERVICE_NOT_OFFERED',
      fields: ['serviceId'],
    });
    await t.dataSource.query('UPDATE users SET department_id = NULL WHERE email = $1', [
      demoEmail('HR', 'member'),
    ]);
    const nobody = await t.login(demoEmail('HR', 'member'));
    expect((await nobody.error(PREVIEW, { s: ids.IT, p: 'P2' })).extensions).toMatchObject({
      reason: 'NO_DEPARTMENT',
    });
  });

  it('says whether each clock is counting at this moment', async () => {
    let request = await fileRequest(customer, ids.IT, { priority: 'P2' });
    const counting = async () => {
      const { sla } = (await customer.data(SLA, { id: request.id })).request;
      return [sla.firstResponse.countingNow, sla.resolution.countingNow];
    };
    expect(await counting()).toEqual([true, true]);
    time.set(new Date('2026-12-01T18:00:00Z')); // after hours
    expect(await counting()).toEqual([false, false]);
    time.set(new Date('2026-12-02T09:30:00Z'));
    request = await moveTo(agent, request, 'WAITING_ON_CUSTOMER');
    // First response given (stopped), resolution paused.
    expect(await counting()).toEqual([false, false]);
    request = await moveTo(customer, request, 'IN_PROGRESS');
    expect(await counting()).toEqual([false, true]);
  });
});
