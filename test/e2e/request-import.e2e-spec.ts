import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const IMPORT =
  'mutation($n: String!) { importRequests(ndjson: $n) { imported errors { line message } } }';
const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({
    day,
    start: '00:00',
    end: '24:00',
  }),
);

// The example line of API.md.
const EXAMPLE = {
  ref: 'OLD-17',
  supplier: 'IT',
  customer: 'HR',
  requester: 'ana@example.org',
  service: 'Laptop',
  priority: 'P2',
  title: 'New laptop',
  events: [
    { at: '2026-03-02T08:15:00Z', type: 'CREATED' },
    { at: '2026-03-02T09:40:00Z', type: 'COMMENT', by: 'SUPPLIER' },
    { at: '2026-03-03T10:00:00Z', type: 'STATUS', to: 'WAITING_ON_CUSTOMER' },
    { at: '2026-03-04T12:00:00Z', type: 'STATUS', to: 'IN_PROGRESS' },
    { at: '2026-03-05T16:30:00Z', type: 'STATUS', to: 'RESOLVED' },
    { at: '2026-03-06T09:00:00Z', type: 'RATING', score: 4, comment: 'fast' },
  ],
};

describe('importRequests', () => {
  let t: TestApp;
  let ops: GraphqlClient;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    ids = await departmentIds(t.dataSource);
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    await admin.data('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: {
        email: 'ana@example.org',
        name: 'Ana',
        password: 'ana-password',
        departmentCode: 'HR',
        role: 'MEMBER',
      },
    });
    await (
      await t.login(demoEmail('IT', 'lead'))
    ).data('mutation($i: CreateServiceInput!) { createService(input: $i) { id } }', {
      i: { supplierId: ids.IT, name: 'Laptop' },
    });
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
        resolutionMinutes: 4000,
        calendarId: calendar,
      },
    });
  });
  afterAll(() => t.close());

  it('imports API.md’s example with its clocks computed as if they had run live', async () => {
    expect((await ops.data(IMPORT, { n: JSON.stringify(EXAMPLE) })).importRequests).toEqual({
      imported: 1,
      errors: [],
    });
    const { requests } = await ops.data(`{ requests(filter: { text: "laptop" }) { edges { node {
      number status relationshipType firstRespondedAt resolvedAt history { kind to }
      rating { score comment createdAt rater { email } }
      sla { firstResponse { state elapsedMinutes } resolution { state elapsedMinutes } } } } } }`);
    const imported = requests.edges[0].node;
    expect(imported).toMatchObject({
      number: 'IT-1',
      status: 'RESOLVED',
      relationshipType: 'HORIZONTAL',
      firstRespondedAt: '2026-03-02T09:40:00.000Z',
      resolvedAt: '2026-03-05T16:30:00.000Z',
    });
    // The RATING event is the requester's rating, as given at the time.
    expect(imported.rating).toEqual({
      score: 4,
      comment: 'fast',
      createdAt: '2026-03-06T09:00:00.000Z',
      rater: { email: EXAMPLE.requester },
    });
    // First response 08:15 -> 09:40 = 85 min (target 60: breached).
    expect(imported.sla.firstResponse).toEqual({ state: 'BREACHED', elapsedMinutes: 85 });
    // Resolution: 25 h 45 min until waiting, paused 26 h, then 28 h 30 min: 3255 min of 4000.
    expect(imported.sla.resolution).toEqual({ state: 'MET', elapsedMinutes: 3255 });
    expect(
      imported.history.map((h: { kind: string; to: string | null }) => `${h.kind}:${h.to ?? ''}`),
    ).toEqual([
      'CREATED:NEW',
      'COMMENTED:',
      'STATUS_CHANGED:WAITING_ON_CUSTOMER',
      'STATUS_CHANGED:IN_PROGRESS',
      'STATUS_CHANGED:RESOLVED',
    ]);
  });

  it('imports nothing when one line is bad, and names every bad line', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM requests');
    const lines = [
      JSON.stringify({ ...EXAMPLE, ref: 'NEW-1' }),
      JSON.stringify({ ...EXAMPLE, ref: 'NEW-2', supplier: 'NOPE' }),
      '',
      JSON.stringify({ ...EXAMPLE, ref: 'OLD-17' }),
      '{ broken',
      JSON.stringify({
        ...EXAMPLE,
        ref: 'NEW-3',
        events: [EXAMPLE.events[0], { at: '2026-03-02T09:00:00Z', type: 'RATING', score: 5 }],
      }),
    ].join('\n');
    const result = (await ops.data(IMPORT, { n: lines })).importRequests;
    expect(result.imported).toBe(0);
    expect(result.errors).toEqual([
      { line: 2, message: 'unknown supplier NOPE' },
      { line: 4, message: 'ref OLD-17 was imported before' },
      { line: 5, message: 'not valid JSON' },
      { line: 6, message: 'events[1]: a request is rated only once resolved (it is NEW)' },
    ]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM requests')).toEqual(before);
  });

  it('is for operations and administrators only', async () => {
    const lead = await t.login(demoEmail('IT', 'lead'));
    expect(
      (await lead.error(IMPORT, { n: JSON.stringify({ ...EXAMPLE, ref: 'X' }) })).extensions?.code,
    ).toBe('FORBIDDEN');
  });
});
