import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { startTestApp, TestApp } from '../utils/test-app';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'];
const office = (name: string, timeZone: string) => ({
  name,
  timeZone,
  weeklyHours: WEEKDAYS.map((day) => ({ day, start: '09:00', end: '17:00' })),
});

// A London supplier and a New York customer overlap 14:00-17:00 UTC in winter.
describe('SLA clocks in calendar mode BOTH', () => {
  const time = new ManualTimeSource(new Date('2026-02-02T09:00:00Z')); // a Monday
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ time });
    const ids = await departmentIds(t.dataSource);
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    const create =
      'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }';
    const london = (await ops.data(create, { i: office('London', 'Europe/London') }))
      .createBusinessCalendar.id;
    const newYork = (await ops.data(create, { i: office('New York', 'America/New_York') }))
      .createBusinessCalendar.id;
    const assign = 'mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { id } }';
    await admin.data(assign, { i: { id: ids.IT, calendarId: london } });
    await admin.data(assign, { i: { id: ids.SALES, calendarId: newYork } });
    await ops.data(
      'mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { calendarMode } }',
      {
        i: {
          supplierId: ids.IT,
          firstResponseMinutes: 60,
          resolutionMinutes: 360,
          calendarMode: 'BOTH',
        },
      },
    );
  });
  afterAll(() => t.close());

  it('counts only the hours when both departments work', async () => {
    const ids = await departmentIds(t.dataSource);
    const request = await fileRequest(await t.login(demoEmail('SALES', 'member')), ids.IT);
    const { request: found } = await (
      await t.login(demoEmail('IT', 'agent'))
    ).data(
      `{ request(id: "${request.id}") { sla { firstResponse { dueAt } resolution { dueAt } } } }`,
    );
    // Monday 14:00-17:00 UTC is common: first response by 15:00; six hours need Tuesday's three too.
    expect(found.sla.firstResponse.dueAt).toBe('2026-02-02T15:00:00.000Z');
    expect(found.sla.resolution.dueAt).toBe('2026-02-03T17:00:00.000Z');
  });
});
