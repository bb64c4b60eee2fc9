import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const APPLICABLE = `query($s: ID!, $c: ID!, $svc: ID, $p: Priority!) {
  applicableSlaPolicy(supplierId: $s, customerId: $c, serviceId: $svc, priority: $p) {
    relationshipType policy { name } firstResponseMinutes resolutionMinutes firstResponseDueAt } }`;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

// Settings' "Which policy applies?": the policy a request from any customer would get, chosen as
// createRequest chooses it (most specific first), for every signed-in role.
describe('applicableSlaPolicy', () => {
  const time = new ManualTimeSource(new Date('2026-12-01T16:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let ops: GraphqlClient;
  let member: GraphqlClient;
  let serviceId: string;

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    member = await t.login(demoEmail('MKT', 'member'));
    const lead = await t.login(demoEmail('IT', 'lead'));
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
    for (const i of [
      { name: 'IT P2', supplierId: ids.IT, priority: 'P2' },
      { name: 'IT laptops', supplierId: ids.IT, serviceId },
      { name: 'IT for HR', supplierId: ids.IT, customerId: ids.HR },
    ]) {
      await ops.data(policy, {
        i: { ...i, firstResponseMinutes: 60, resolutionMinutes: 480, calendarId: calendar },
      });
    }
  });
  afterAll(() => t.close());

  it('picks the most specific matching policy for the sample, as filing would', async () => {
    const ask = async (c: GraphqlClient, vars: Record<string, unknown>) =>
      (await c.data(APPLICABLE, { s: ids.IT, p: 'P2', ...vars })).applicableSlaPolicy;
    expect(await ask(ops, { c: ids.MKT })).toMatchObject({
      relationshipType: 'HORIZONTAL',
      policy: { name: 'IT P2' },
      firstResponseMinutes: 60,
      // 16:00 Tuesday + one working hour: 17:00.
      firstResponseDueAt: '2026-12-01T17:00:00.000Z',
    });
    expect((await ask(ops, { c: ids.HR })).policy.name).toBe('IT for HR');
    expect((await ask(ops, { c: ids.HR, svc: serviceId })).policy.name).toBe('IT laptops');
    expect((await ask(ops, { c: ids['LINE-A'], p: 'P4' })).policy).toBeNull();
    // Policies are published: a member may ask about any pair too.
    expect((await ask(member, { c: ids.HR })).policy.name).toBe('IT for HR');
  });

  it('renames a policy (what it matches stays) and refuses an empty name', async () => {
    const { slaPolicies } = await ops.data('{ slaPolicies { id name } }');
    const id = slaPolicies.find((p: { name: string }) => p.name === 'IT for HR').id;
    const RENAME = `mutation($i: UpdateSlaPolicyInput!) { updateSlaPolicy(input: $i) { name customerId } }`;
    expect(
      (await ops.data(RENAME, { i: { id, name: '  IT for Human Resources ' } })).updateSlaPolicy,
    ).toEqual({ name: 'IT for Human Resources', customerId: ids.HR });
    const empty = await ops.error(RENAME, { i: { id, name: '   ' } });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.name'] });
    const still = await ops.data(APPLICABLE, { s: ids.IT, c: ids.HR, p: 'P2' });
    expect(still.applicableSlaPolicy.policy.name).toBe('IT for Human Resources');
  });

  it('refuses an unknown department and a service of another supplier', async () => {
    const other = await ops.error(APPLICABLE, {
      s: ids.HR,
      c: ids.MKT,
      svc: serviceId,
      p: 'P2',
    });
    expect(other.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SERVICE_NOT_OFFERED',
    });
  });
});
