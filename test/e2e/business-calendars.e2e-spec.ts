import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const CREATE = `mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) {
  id name timeZone weeklyHours { day start end } holidays isDefault version } }`;
const OFFICE = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

describe('business calendars', () => {
  let t: TestApp;
  let ops: GraphqlClient;
  let member: GraphqlClient;
  let londonId: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    member = await t.login(demoEmail('IT', 'member'));
    ids = await departmentIds(t.dataSource);
  });
  afterAll(() => t.close());

  it('lets operations create a calendar, which everyone can read', async () => {
    const data = await ops.data(CREATE, {
      i: {
        name: 'London office',
        timeZone: 'Europe/London',
        weeklyHours: OFFICE,
        holidays: ['2026-12-25', '2026-12-28', '2026-12-25'],
      },
    });
    londonId = data.createBusinessCalendar.id;
    expect(data.createBusinessCalendar).toMatchObject({
      timeZone: 'Europe/London',
      holidays: ['2026-12-25', '2026-12-28'],
      isDefault: false,
    });
    expect(
      (await member.data('{ businessCalendars { name isDefault } }')).businessCalendars,
    ).toEqual([
      { name: 'Office hours', isDefault: true },
      { name: 'London office', isDefault: false },
    ]);
  });

  it('answers businessTime and businessDueAt to the second', async () => {
    const time = await member.data(
      `query($c: ID!) { businessTime(calendarId: $c, from: "2026-12-24T16:00:30Z", to: "2026-12-29T09:30:00Z") { seconds minutes } }`,
      { c: londonId },
    );
    // Thursday 16:00:30-17:00 (59.5 min), Christmas and the 28th off, Tuesday 09:00-09:30.
    expect(time.businessTime).toEqual({ seconds: 5370, minutes: 89 });
    const due = await member.data(
      `query($c: ID!) { businessDueAt(calendarId: $c, start: "2026-12-24T16:00:00Z", minutes: 90) }`,
      {
        c: londonId,
      },
    );
    expect(due.businessDueAt).toBe('2026-12-29T09:30:00.000Z');
  });

  it('refuses bad calendars with the field at fault, and creates nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { weeklyHours: [{ day: 'MONDAY', start: '17:00', end: '09:00' }] },
        'input.weeklyHours.0.end',
      ],
      [
        { weeklyHours: [{ day: 'MONDAY', start: '09:00', end: '24:30' }] },
        'input.weeklyHours.0.end',
      ],
      [{ timeZone: 'Mars/Olympus' }, 'input.timeZone'],
      [{ holidays: ['2026-02-30'] }, 'input.holidays.0'],
      [{ weeklyHours: [] }, 'input.weeklyHours'],
    ];
    for (const [override, field] of cases) {
      const error = await ops.error(CREATE, {
        i: { name: `Bad ${field}`, timeZone: 'UTC', weeklyHours: OFFICE, ...override },
      });
      expect(error.extensions?.code).toBe('BAD_USER_INPUT');
      expect(error.extensions?.fields).toContain(field);
    }
    expect((await member.data('{ businessCalendars { id } }')).businessCalendars).toHaveLength(2);
    const duplicate = await ops.error(CREATE, {
      i: { name: 'London office', timeZone: 'UTC', weeklyHours: OFFICE },
    });
    expect(duplicate.extensions?.code).toBe('CONFLICT');
  });

  it('is FORBIDDEN to members and leads', async () => {
    for (const client of [member, await t.login(demoEmail('IT', 'lead'))]) {
      const error = await client.error(CREATE, {
        i: { name: 'Mine', timeZone: 'UTC', weeklyHours: OFFICE },
      });
      expect(error.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('gives every department a calendar: its own, else the default', async () => {
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    expect(
      (await member.data('{ department(code: "IT") { calendar { name } } }')).department.calendar
        .name,
    ).toBe('Office hours');
    await admin.data(
      'mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { id } }',
      {
        i: { id: ids.IT, calendarId: londonId },
      },
    );
    expect(
      (await member.data('{ department(code: "IT") { calendar { name } } }')).department.calendar
        .name,
    ).toBe('London office');
    const unknown = await admin.error(
      'mutation($i: UpdateDepartmentInput!) { updateDepartment(input: $i) { id } }',
      {
        i: { id: ids.IT, calendarId: '00000000-0000-4000-8000-000000000000' },
      },
    );
    expect(unknown.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.calendarId'],
    });
  });

  it('refuses out-of-range targets and spans', async () => {
    const negative = await member.error(
      `{ businessDueAt(calendarId: "${londonId}", start: "2026-01-01T00:00:00Z", minutes: -1) }`,
    );
    expect(negative.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['minutes'] });
    const huge = await member.error(
      `{ businessTime(calendarId: "${londonId}", from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { seconds } }`,
    );
    expect(huge.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
