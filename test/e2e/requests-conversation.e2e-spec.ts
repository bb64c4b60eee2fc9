import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import {
  ADD_COMMENT,
  ASSIGN,
  CHANGE_STATUS,
  fileRequest,
  moveTo,
} from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { subscribe } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const HOUR = 3_600_000;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const HISTORY = `query($id: ID!) { request(id: $id) { status version
  sla { resolution { state countingNow } }
  history { kind from to actor { name } fromUser { name } toUser { name } } } }`;
const ALL_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'].map(
  (day) => ({ day, start: '00:00', end: '24:00' }),
);

// The conversation on a request page: comments never conflict with moves, the customer's
// answer resumes the work, refusals say why in machine-readable words, history names people.
describe('requests: conversation, conflicts and refusals', () => {
  const time = new ManualTimeSource(new Date('2026-12-01T10:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let lead: GraphqlClient;
  let agentId: string;
  let leadId: string;
  // Names as the demo organisation spells them.
  let agentName: string;
  let leadName: string;
  let customerName: string;

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    lead = await t.login(demoEmail('IT', 'lead'));
    ({ id: agentId, name: agentName } = (await agent.data('{ me { id name } }')).me);
    ({ id: leadId, name: leadName } = (await lead.data('{ me { id name } }')).me);
    customerName = (await customer.data('{ me { name } }')).me.name;
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const calendar = await ops.data(
      'mutation($i: CreateBusinessCalendarInput!) { createBusinessCalendar(input: $i) { id } }',
      { i: { name: '24x7', timeZone: 'UTC', weeklyHours: ALL_WEEK } },
    );
    await lead.data('mutation($i: CreateSlaPolicyInput!) { createSlaPolicy(input: $i) { id } }', {
      i: {
        name: 'IT all week',
        supplierId: ids.IT,
        firstResponseMinutes: 60,
        resolutionMinutes: 600,
        calendarId: calendar.createBusinessCalendar.id,
      },
    });
  });
  afterAll(() => t.close());

  it('lets an agent comment and then move the request with the version they had', async () => {
    const request = await fileRequest(customer, ids.IT);
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Looking into it' });
    await customer.data(ADD_COMMENT, { requestId: request.id, body: 'Thanks!' });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Note', internal: true });
    const moved = await moveTo(agent, request, 'IN_PROGRESS');
    expect(moved).toMatchObject({ status: 'IN_PROGRESS', version: request.version + 1 });
  });

  it('names who changed what and when on a real conflict', async () => {
    const request = await fileRequest(customer, ids.IT);
    time.advance(42 * 60_000);
    await moveTo(agent, request, 'IN_PROGRESS');
    const error = await lead.error(CHANGE_STATUS, {
      id: request.id,
      status: 'RESOLVED',
      v: request.version,
    });
    expect(error.message).toContain(
      `${agentName} changed the status to IN_PROGRESS at 2026-12-01T10:42:00.000Z`,
    );
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
      fields: ['expectedVersion'],
      lastChange: { actorName: agentName, kind: 'STATUS_CHANGED', at: '2026-12-01T10:42:00.000Z' },
    });
    const assigned = await lead.data(ASSIGN, {
      id: request.id,
      assigneeId: agentId,
      v: request.version + 1,
    });
    const stale = await agent.error(ASSIGN, {
      id: request.id,
      assigneeId: null,
      v: request.version + 1,
    });
    expect(stale.message).toContain(`${leadName} assigned it to ${agentName} at `);
    expect(stale.extensions?.lastChange).toMatchObject({ kind: 'ASSIGNED' });
    expect(assigned.assignRequest.version).toBe(request.version + 2);
  });

  it("takes a request waiting on the customer back to work on the customer's public reply", async () => {
    let request = await fileRequest(customer, ids.IT);
    request = await moveTo(agent, request, 'WAITING_ON_CUSTOMER');
    const before = (await agent.data(HISTORY, { id: request.id })).request;
    expect(before.sla.resolution).toEqual({ state: 'PAUSED', countingNow: false });

    // The supplier's own comments and internal notes do not count as the answer.
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Any news?' });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'chase', internal: true });
    expect((await agent.data(HISTORY, { id: request.id })).request.status).toBe(
      'WAITING_ON_CUSTOMER',
    );

    const live = await subscribe(
      t.baseUrl + '/graphql',
      agent.token,
      'subscription($d: ID) { requestChanged(departmentId: $d) { kind request { number status } } }',
      { d: ids.IT },
    );
    try {
      time.advance(HOUR);
      await customer.data(ADD_COMMENT, { requestId: request.id, body: 'Here is the serial' });
      const events = await live.waitFor(2);
      expect(events.map((e) => e.requestChanged.kind)).toEqual(['COMMENTED', 'STATUS_CHANGED']);
      expect(events[1].requestChanged.request.status).toBe('IN_PROGRESS');
    } finally {
      await live.close();
    }
    const after = (await agent.data(HISTORY, { id: request.id })).request;
    expect(after).toMatchObject({
      status: 'IN_PROGRESS',
      version: request.version + 1,
      sla: { resolution: { state: 'RUNNING', countingNow: true } },
    });
    expect(after.history.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'COMMENTED', actor: { name: customerName } }),
      expect.objectContaining({
        kind: 'STATUS_CHANGED',
        from: 'WAITING_ON_CUSTOMER',
        to: 'IN_PROGRESS',
        actor: { name: customerName },
      }),
    ]);
    const [moves] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM request_history WHERE request_id = $1 AND kind = 'STATUS_CHANGED'`,
      [request.id],
    );
    expect(moves.n).toBe(2);
    // The agent can move on with the version the reply left.
    await agent.data(CHANGE_STATUS, { id: request.id, status: 'RESOLVED', v: after.version });
  });

  it('gives every business refusal a machine-readable reason', async () => {
    const request = await fileRequest(customer, ids.IT);
    const illegal = await agent.error(CHANGE_STATUS, {
      id: request.id,
      status: 'CLOSED',
      v: request.version,
    });
    expect(illegal.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ILLEGAL_TRANSITION',
      allowed: ['IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED'],
    });
    const notYours = await customer.error(CHANGE_STATUS, {
      id: request.id,
      status: 'RESOLVED',
      v: request.version,
    });
    expect(notYours.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_YOUR_MOVE',
      allowed: ['CANCELLED'],
    });
    const outsider = (await customer.data('{ me { id } }')).me.id;
    const wrongAssignee = await lead.error(ASSIGN, {
      id: request.id,
      assigneeId: outsider,
      v: request.version,
    });
    expect(wrongAssignee.extensions).toMatchObject({ reason: 'ASSIGNEE_NOT_IN_SUPPLIER' });
    const note = await customer.error(ADD_COMMENT, {
      requestId: request.id,
      body: 'x',
      internal: true,
    });
    expect(note.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'INTERNAL_NOTES_SUPPLIER_ONLY',
    });
    const rate = `mutation($id: ID!) { rateRequest(requestId: $id, score: 5) { score } }`;
    expect((await customer.error(rate, { id: request.id })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_RESOLVED',
    });

    const resolved = await moveTo(agent, request, 'RESOLVED');
    const kudos = `mutation($r: ID!, $u: ID!) { giveKudos(input: { requestId: $r, toUserId: $u, message: "Thanks" }) { id } }`;
    await customer.data(kudos, { r: request.id, u: agentId });
    expect((await customer.error(kudos, { r: request.id, u: agentId })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
    });
    time.advance(15 * 24 * HOUR);
    expect((await customer.error(rate, { id: request.id })).extensions).toMatchObject({
      reason: 'RATING_WINDOW_PASSED',
    });
    const reopen = await customer.error(CHANGE_STATUS, {
      id: request.id,
      status: 'IN_PROGRESS',
      v: resolved.version,
    });
    expect(reopen.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REOPEN_WINDOW_PASSED',
    });
  });

  it('names the people of an assignment, with no N+1 over a long history', async () => {
    const request = await fileRequest(customer, ids.IT);
    let version = request.version;
    for (const assignee of [agentId, leadId, null, agentId]) {
      version = (await lead.data(ASSIGN, { id: request.id, assigneeId: assignee, v: version }))
        .assignRequest.version;
    }
    const { request: shown } = await customer.data(HISTORY, { id: request.id });
    expect(
      shown.history
        .filter((h: { kind: string }) => h.kind === 'ASSIGNED')
        .map((h: { fromUser: { name: string } | null; toUser: { name: string } | null }) => [
          h.fromUser?.name ?? null,
          h.toUser?.name ?? null,
        ]),
    ).toEqual([
      [null, agentName],
      [agentName, leadName],
      [leadName, null],
      [null, agentName],
    ]);
    const page = `{ requests(first: 50) { edges { node { history { actor { name } fromUser { name } toUser { name } } } } } }`;
    // Signed-in users are cached for a few seconds: warm it so both calls compare alike.
    await lead.data('{ me { id } }');
    t.statements.reset();
    await lead.data(page);
    const cost = t.statements.total;
    for (let i = 0; i < 5; i++) {
      const more = await fileRequest(customer, ids.IT);
      await lead.data(ASSIGN, { id: more.id, assigneeId: agentId, v: more.version });
    }
    await lead.data('{ me { id } }');
    t.statements.reset();
    await lead.data(page);
    expect(t.statements.total).toBe(cost);
  });

  it('writes no ids into messages', async () => {
    const rows: { message: string }[] = await t.dataSource.query(
      'SELECT message FROM notifications',
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => UUID.test(r.message))).toEqual([]);
  });
});
