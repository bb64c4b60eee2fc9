import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { AutoCloseJob } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, ASSIGN, fileRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { subscribe } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const LIST = `{ notifications(first: 100) { totalCount edges { node { id kind message requestId readAt
  request { number } actor { name } } } } unreadNotificationCount }`;
const nodes = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);
const PREFERENCES = '{ notificationPreferences { kind inApp } }';
const UPDATE_PREFERENCES = `mutation($input: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(input: $input) { kind inApp } }`;
const ADDED =
  'subscription { notificationAdded { kind message request { number } actor { name } } }';

interface Shown {
  kind: string;
  message: string;
  request: { number: string } | null;
  actor: { name: string } | null;
}

// In-app notifications of request events: who hears of what, in words, live, and by choice.
describe('in-app notifications of request events', () => {
  const time = new ManualTimeSource(new Date('2026-12-01T10:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let customer: GraphqlClient;
  let agent: GraphqlClient;
  let lead: GraphqlClient;
  let otherAgent: GraphqlClient;
  const names: Record<string, string> = {};
  let agentId: string;

  // Each client's notifications since the last call (marking them read).
  async function fresh(client: GraphqlClient): Promise<Shown[]> {
    const data = await client.data(LIST);
    const unread = nodes<{ readAt: string | null } & Shown>(data.notifications).filter(
      (n: { readAt: string | null }) => !n.readAt,
    );
    expect(data.unreadNotificationCount).toBe(unread.length);
    await client.data('mutation { markAllNotificationsRead }');
    return unread.map(({ kind, message, request, actor }: Shown) => ({
      kind,
      message,
      request,
      actor,
    }));
  }

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    customer = await t.login(demoEmail('MKT', 'member'));
    agent = await t.login(demoEmail('IT', 'agent'));
    lead = await t.login(demoEmail('IT', 'lead'));
    otherAgent = await t.login(demoEmail('HR', 'agent'));
    for (const [key, client] of Object.entries({ customer, agent, lead })) {
      names[key] = (await client.data('{ me { name } }')).me.name;
    }
    agentId = (await agent.data('{ me { id } }')).me.id;
  });
  afterAll(() => t.close());

  it("tells the supplier's agents and lead of a new request, not the one who filed it", async () => {
    const request = await fileRequest(customer, ids.IT, { title: 'New laptop', priority: 'P2' });
    const expected = {
      kind: 'REQUEST_CREATED',
      message: `${names.customer} of Marketing filed ${request.number} "New laptop" (P2) for IT; it is unassigned`,
      request: { number: request.number },
      actor: { name: names.customer },
    };
    expect(await fresh(agent)).toEqual([expected]);
    expect(await fresh(lead)).toEqual([expected]);
    expect(await fresh(customer)).toEqual([]);
    expect(await fresh(otherAgent)).toEqual([]);
  });

  it('tells the assignee, unless they assigned themselves', async () => {
    const request = await fileRequest(customer, ids.IT, { title: 'Printer' });
    await fresh(agent);
    const assigned = await lead.data(ASSIGN, { id: request.id, assigneeId: agentId, v: 1 });
    expect(await fresh(agent)).toEqual([
      expect.objectContaining({
        kind: 'REQUEST_ASSIGNED',
        message: `${names.lead} assigned ${request.number} "Printer" to you`,
      }),
    ]);
    const other = await fileRequest(customer, ids.IT);
    await fresh(agent);
    await agent.data(ASSIGN, { id: other.id, assigneeId: agentId, v: 1 });
    expect(await fresh(agent)).toEqual([]);
    expect(assigned.assignRequest.assignee.email).toBe(demoEmail('IT', 'agent'));
  });

  it('walks a conversation: each side hears the other, never internal notes or itself', async () => {
    let request = await fileRequest(customer, ids.IT, { title: 'VPN' });
    request = (await lead.data(ASSIGN, { id: request.id, assigneeId: agentId, v: 1 }))
      .assignRequest;
    await Promise.all([fresh(agent), fresh(lead), fresh(customer)]);

    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Internal', internal: true });
    expect(await fresh(customer)).toEqual([]);
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Which   office?' });
    expect(await fresh(customer)).toEqual([
      {
        kind: 'REQUEST_COMMENTED',
        message: `${names.agent} of IT replied on ${request.number} "VPN": Which office?`,
        request: { number: request.number },
        actor: { name: names.agent },
      },
    ]);
    request = await moveTo(agent, request, 'WAITING_ON_CUSTOMER');
    expect(await fresh(customer)).toEqual([
      expect.objectContaining({
        kind: 'REQUEST_STATUS_CHANGED',
        message: `${request.number} "VPN" is waiting on you: ${names.agent} of IT needs your answer`,
      }),
    ]);
    expect(await fresh(agent)).toEqual([]);

    await customer.data(ADD_COMMENT, { requestId: request.id, body: 'London' });
    expect(await fresh(agent)).toEqual([
      expect.objectContaining({
        kind: 'REQUEST_COMMENTED',
        message: `${names.customer} of Marketing replied on ${request.number} "VPN", so it is back in progress: London`,
      }),
    ]);
    expect(await fresh(customer)).toEqual([]);
    expect(await fresh(lead)).toEqual([]);

    request = (
      await agent.data(`query($id: ID!) { request(id: $id) { id number version status } }`, {
        id: request.id,
      })
    ).request;
    request = await moveTo(agent, request, 'RESOLVED');
    expect((await fresh(customer)).map((n) => n.kind).sort()).toEqual([
      'RATING_INVITATION',
      'REQUEST_STATUS_CHANGED',
    ]);
    await moveTo(customer, request, 'IN_PROGRESS');
    expect(await fresh(agent)).toEqual([
      expect.objectContaining({
        kind: 'REQUEST_STATUS_CHANGED',
        message: `${names.customer} of Marketing reopened ${request.number} "VPN"`,
      }),
    ]);
  });

  it('tells the requester when a resolved request closes by itself', async () => {
    const request = await moveTo(
      agent,
      await fileRequest(customer, ids.IT, { title: 'Old' }),
      'RESOLVED',
    );
    await fresh(customer);
    time.advance(73 * 3_600_000);
    const feed = await subscribe<{ notificationAdded: Shown }>(
      `${t.baseUrl}/graphql`,
      customer.token,
      ADDED,
    );
    try {
      expect(await t.app.get(AutoCloseJob).run()).toBeGreaterThanOrEqual(1);
      const expected = {
        kind: 'REQUEST_STATUS_CHANGED',
        message: `${request.number} "Old" was closed automatically, 72 hours after it was resolved`,
        request: { number: request.number },
        actor: null,
      };
      expect((await feed.waitFor(1))[0].notificationAdded).toEqual(expected);
      expect(await fresh(customer)).toEqual([expected]);
    } finally {
      await feed.close();
    }
  });

  it('shows null for a request the recipient may no longer see', async () => {
    const request = await fileRequest(customer, ids.IT);
    const [me] = await t.dataSource.query('SELECT id FROM users WHERE email = $1', [
      demoEmail('HR', 'agent'),
    ]);
    await t.dataSource.query(
      `INSERT INTO notifications (user_id, kind, message, request_id, created_at)
       VALUES ($1, 'REQUEST_CREATED', 'About a request of IT', $2, now())`,
      [me.id, request.id],
    );
    expect(await fresh(otherAgent)).toEqual([
      { kind: 'REQUEST_CREATED', message: 'About a request of IT', request: null, actor: null },
    ]);
  });

  it('reads a long list with a fixed number of statements', async () => {
    for (let i = 0; i < 3; i++) await fileRequest(customer, ids.IT);
    // Signed-in users are cached for a few seconds: warm it so both calls compare alike.
    await agent.data('{ me { id } }');
    t.statements.reset();
    await agent.data(LIST);
    const few = t.statements.total;
    for (let i = 0; i < 12; i++) await fileRequest(customer, ids.IT);
    await agent.data('{ me { id } }');
    t.statements.reset();
    const data = await agent.data(LIST);
    expect(data.notifications.edges.length).toBeGreaterThan(12);
    expect(data.notifications.totalCount).toBe(data.notifications.edges.length);
    expect(t.statements.total).toBe(few);
  });

  it('keeps a per-kind setting, all on by default', async () => {
    const defaults = (await customer.data(PREFERENCES)).notificationPreferences;
    expect(defaults).toContainEqual({ kind: 'REQUEST_COMMENTED', inApp: true });
    expect(defaults.map((p: { kind: string }) => p.kind)).toEqual(
      expect.arrayContaining([
        'REQUEST_CREATED',
        'REQUEST_ASSIGNED',
        'REQUEST_COMMENTED',
        'REQUEST_STATUS_CHANGED',
        'RATING_INVITATION',
        'SURVEY_INVITATION',
        'SLA_WARNING',
        'SLA_BREACHED',
        'SLA_ESCALATED',
      ]),
    );
    expect(defaults.every((p: { inApp: boolean }) => p.inApp)).toBe(true);
    const updated = (
      await customer.data(UPDATE_PREFERENCES, {
        input: [{ kind: 'REQUEST_COMMENTED', inApp: false }],
      })
    ).updateNotificationPreferences;
    expect(updated).toHaveLength(defaults.length);
    expect(updated).toContainEqual({ kind: 'REQUEST_COMMENTED', inApp: false });
    expect(updated).toContainEqual({ kind: 'REQUEST_STATUS_CHANGED', inApp: true });

    const request = await fileRequest(customer, ids.IT);
    await fresh(customer);
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Hello' });
    await moveTo(agent, request, 'IN_PROGRESS');
    expect((await fresh(customer)).map((n) => n.kind)).toEqual(['REQUEST_STATUS_CHANGED']);

    const duplicate = await customer.error(UPDATE_PREFERENCES, {
      input: [
        { kind: 'REQUEST_COMMENTED', inApp: true },
        { kind: 'REQUEST_COMMENTED', inApp: false },
      ],
    });
    expect(duplicate.extensions?.code).toBe('BAD_USER_INPUT');
    await customer.data(UPDATE_PREFERENCES, {
      input: [{ kind: 'REQUEST_COMMENTED', inApp: true }],
    });
    expect((await customer.data(PREFERENCES)).notificationPreferences).toEqual(defaults);
  });

  it('delivers each new notification live to its recipient only, from any API process', async () => {
    const other = await startTestApp({ sameDatabaseAs: t, time });
    const url = `${t.baseUrl}/graphql`;
    const agentFeed = await subscribe<{ notificationAdded: Shown }>(url, agent.token, ADDED);
    const customerFeed = await subscribe<{ notificationAdded: Shown }>(url, customer.token, ADDED);
    try {
      // Filed through the other process: LISTEN/NOTIFY brings it to this one's subscribers.
      const viaOther = other.graphql.as(customer.token);
      const request = await fileRequest(viaOther, ids.IT, { title: 'Live one' });
      const [event] = await agentFeed.waitFor(1);
      expect(event.notificationAdded).toEqual({
        kind: 'REQUEST_CREATED',
        message: expect.stringContaining(`${request.number} "Live one"`),
        request: { number: request.number },
        actor: { name: names.customer },
      });
      await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Seen' });
      const [reply] = await customerFeed.waitFor(1);
      expect(reply.notificationAdded.kind).toBe('REQUEST_COMMENTED');
      // Nothing more (no copy from the other process, nothing to the actor): a later event for
      // each feed comes next, through the same channel and in commit order.
      await fileRequest(viaOther, ids.IT, { title: 'Next one' });
      await moveTo(agent, request, 'IN_PROGRESS');
      const agentEvents = await agentFeed.waitFor(2);
      const customerEvents = await customerFeed.waitFor(2);
      expect(agentEvents).toHaveLength(2);
      expect(agentEvents[1].notificationAdded.message).toContain('"Next one"');
      expect(customerEvents.map((e) => e.notificationAdded.kind)).toEqual([
        'REQUEST_COMMENTED',
        'REQUEST_STATUS_CHANGED',
      ]);
    } finally {
      await agentFeed.close();
      await customerFeed.close();
      await other.close();
    }
  });

  it('counts and clears unread notifications, and writes no ids into messages', async () => {
    await fileRequest(customer, ids.IT);
    const { unreadNotificationCount } = await lead.data('{ unreadNotificationCount }');
    expect(unreadNotificationCount).toBeGreaterThan(0);
    const cleared = await lead.data('mutation { markAllNotificationsRead }');
    expect(cleared.markAllNotificationsRead).toBe(unreadNotificationCount);
    expect((await lead.data('{ unreadNotificationCount }')).unreadNotificationCount).toBe(0);
    expect(
      (await lead.data('mutation { markAllNotificationsRead }')).markAllNotificationsRead,
    ).toBe(0);
    const rows: { message: string }[] = await t.dataSource.query(
      'SELECT message FROM notifications',
    );
    expect(rows.filter((r) => UUID.test(r.message))).toEqual([]);
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    expect((await ops.data('{ unreadNotificationCount }')).unreadNotificationCount).toBe(0);
  });
});
