import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { DemoRequestsSeeder } from '@intradesk/requests';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

// 1,000 calls alternating between people of different departments and roles, through every read
// path that returns requests or what hangs off them; each answer is checked against the database.
const DEPARTMENTS = ['IT', 'HR', 'MKT', 'SALES', 'FIN', 'LOG', 'PROD'];
const CALLS = 1000;

interface Caller {
  email: string;
  client: GraphqlClient;
  id: string;
  role: string;
  departmentId: string;
}

interface RequestRow {
  id: string;
  number: string;
  customer_id: string;
  supplier_id: string;
  requester_id: string;
}

describe('nobody sees what is not theirs: a sweep over every read path', () => {
  let t: TestApp;
  let callers: Caller[];
  let requests: RequestRow[];
  let internalComments: Set<string>;
  let ids: Record<string, string>;

  const seesAll = (c: Caller) => c.role === 'OPS' || c.role === 'ADMIN';
  const sees = (c: Caller, r: RequestRow) =>
    seesAll(c) || r.customer_id === c.departmentId || r.supplier_id === c.departmentId;
  const seesInternal = (c: Caller, r: RequestRow) => seesAll(c) || r.supplier_id === c.departmentId;
  const byId = (id: string) => requests.find((r) => r.id === id)!;

  beforeAll(async () => {
    // The demo's catalogue and stories without its months of history (the sweep adds its own
    // traffic between the departments below).
    t = await startTestApp();
    await t.app.get(DemoRequestsSeeder).seedIfEmpty({ history: false });
    ids = await departmentIds(t.dataSource);
    const emails = [
      ...DEPARTMENTS.flatMap((code) =>
        ['member', 'agent', 'lead'].map((who) => demoEmail(code, who as 'lead')),
      ),
      `ops@${DEMO_EMAIL_DOMAIN}`,
    ];
    callers = [];
    for (const email of emails) {
      const [user] = await t.dataSource.query(
        'SELECT id, role, department_id FROM users WHERE email = $1',
        [email],
      );
      callers.push({
        email,
        client: await t.login(email),
        id: user.id,
        role: user.role,
        departmentId: user.department_id,
      });
    }
    // More traffic between the sweep's departments, with internal notes on each supplier side.
    for (const [i, customer] of DEPARTMENTS.entries()) {
      const supplier = DEPARTMENTS[(i + 2) % DEPARTMENTS.length];
      const filer = callers.find((c) => c.email === demoEmail(customer, 'member'))!;
      const agent = callers.find((c) => c.email === demoEmail(supplier, 'agent'))!;
      for (let n = 0; n < 3; n++) {
        const request = await fileRequest(filer.client, ids[supplier], {
          title: `${customer} asks ${supplier} #${n}`,
        });
        await agent.client.data(ADD_COMMENT, {
          requestId: request.id,
          body: `INTERNAL ${request.number}`,
          internal: true,
        });
        await agent.client.data(ADD_COMMENT, { requestId: request.id, body: 'public' });
      }
    }
    requests = await t.dataSource.query(
      'SELECT id, number, customer_id, supplier_id, requester_id FROM requests',
    );
    internalComments = new Set(
      (await t.dataSource.query('SELECT id FROM request_comments WHERE internal')).map(
        (r: { id: string }) => r.id,
      ),
    );
  });
  afterAll(() => t.close());

  it(`answers ${CALLS} alternating calls with 0 rows that are not the caller's`, async () => {
    const leaks: string[] = [];
    const leak = (c: Caller, path: string, what: string) =>
      leaks.push(`${c.email} ${path}: ${what}`);
    const NODE =
      'id customer { id } supplier { id } comments { id internal } history { internal } kudos { id }';

    const paths: ((c: Caller, i: number) => Promise<void>)[] = [
      async (c) => {
        const data = await c.client.data(
          `{ requests(first: 100) { totalCount edges { node { ${NODE} } } } }`,
        );
        const visible = requests.filter((r) => sees(c, r)).length;
        if (data.requests.totalCount !== visible)
          leak(c, 'requests', `totalCount ${data.requests.totalCount} != ${visible}`);
        for (const { node } of data.requests.edges) {
          const row = byId(node.id);
          if (!sees(c, row)) leak(c, 'requests', row.number);
          for (const comment of node.comments)
            if (internalComments.has(comment.id) && !seesInternal(c, row))
              leak(c, 'requests.comments', row.number);
          if (node.history.some((h: { internal: boolean }) => h.internal) && !seesInternal(c, row))
            leak(c, 'requests.history', row.number);
        }
      },
      async (c, i) => {
        const row = requests[i % requests.length];
        const result = await c.client.request<{ request: { comments: { id: string }[] } }>(
          `query($id: ID!) { request(id: $id) { ${NODE} } }`,
          { id: row.id },
        );
        const code = result.errors?.[0]?.extensions?.code;
        if (sees(c, row) ? code !== undefined : code !== 'NOT_FOUND')
          leak(c, 'request(id)', `${row.number} ${code}`);
        for (const comment of result.data?.request?.comments ?? [])
          if (internalComments.has(comment.id) && !seesInternal(c, row))
            leak(c, 'request.comments', row.number);
      },
      async (c, i) => {
        const row = requests[(i * 7) % requests.length];
        const result = await c.client.request('query($n: String!) { request(number: $n) { id } }', {
          n: row.number,
        });
        const code = result.errors?.[0]?.extensions?.code;
        if (sees(c, row) ? code !== undefined : code !== 'NOT_FOUND')
          leak(c, 'request(number)', `${row.number} ${code}`);
      },
      async (c, i) => {
        // Filtering by another department's id never widens what the caller sees.
        const other = ids[DEPARTMENTS[i % DEPARTMENTS.length]];
        const data = await c.client.data(
          'query($d: [ID!]) { requests(first: 100, filter: { customerIds: $d }) { edges { node { id } } } }',
          { d: [other] },
        );
        for (const { node } of data.requests.edges)
          if (!sees(c, byId(node.id))) leak(c, 'requests(filter)', byId(node.id).number);
      },
      async (c) => {
        const data = await c.client.data(
          '{ notifications(first: 100) { edges { node { id requestId } } } }',
        );
        const mine = new Set(
          (await t.dataSource.query('SELECT id FROM notifications WHERE user_id = $1', [c.id])).map(
            (r: { id: string }) => r.id,
          ),
        );
        for (const { node: n } of data.notifications.edges)
          if (!mine.has(n.id)) leak(c, 'notifications', n.id);
      },
      async (c) => {
        const data = await c.client.data(
          '{ pendingRatings(first: 100) { edges { node { request { id } } } } }',
        );
        for (const { node: p } of data.pendingRatings.edges) {
          const row = byId(p.request.id);
          if (row.requester_id !== c.id) leak(c, 'pendingRatings', row.number);
        }
      },
      async (c, i) => {
        const supplier = ids[DEPARTMENTS[i % DEPARTMENTS.length]];
        const result = await c.client.request<{ atRiskRequests: { request: { id: string } }[] }>(
          'query($s: ID!) { atRiskRequests(supplierId: $s, withinMinutes: 500000) { request { id } } }',
          { s: supplier },
        );
        const allowed = seesAll(c) || c.departmentId === supplier;
        if (!allowed && result.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
          leak(c, 'atRiskRequests', 'not refused');
        for (const clock of result.data?.atRiskRequests ?? [])
          if (byId(clock.request.id).supplier_id !== supplier)
            leak(c, 'atRiskRequests', clock.request.id);
      },
      async (c, i) => {
        const department = ids[DEPARTMENTS[i % DEPARTMENTS.length]];
        const data = await c.client.data(
          'query($d: ID) { kudosReceived(departmentId: $d, first: 100) { edges { node { request { id } } } } }',
          { d: department },
        );
        for (const { node: k } of data.kudosReceived.edges)
          if (k.request && !sees(c, byId(k.request.id)))
            leak(c, 'kudosReceived.request', k.request.id);
      },
      async (c) => {
        const result = await c.client.request<{ slaReport: { total: number }[] }>(
          '{ slaReport { total } }',
        );
        if (c.role !== 'LEAD' && !seesAll(c)) {
          if (result.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
            leak(c, 'slaReport', 'not refused');
          return;
        }
        const visible = requests.filter((r) => sees(c, r)).length;
        const total = result.data!.slaReport.reduce(
          (sum: number, row: { total: number }) => sum + row.total,
          0,
        );
        if (total !== visible) leak(c, 'slaReport', `total ${total} != ${visible}`);
      },
    ];

    let calls = 0;
    for (let i = 0; i < CALLS; i++) {
      const caller = callers[i % callers.length];
      const path = paths[Math.floor(i / callers.length) % paths.length];
      await path(caller, i);
      calls++;
    }
    expect(calls).toBe(CALLS);
    expect(requests.length).toBeGreaterThan(30);
    expect(leaks).toEqual([]);
  });

  it('a caller marks only their own notifications read', async () => {
    const [theirs] = await t.dataSource.query(
      'SELECT id, user_id FROM notifications WHERE read_at IS NULL LIMIT 1',
    );
    const stranger = callers.find((c) => c.id !== theirs.user_id && !seesAll(c))!;
    const result = await stranger.client.data(
      'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }',
      { ids: [theirs.id] },
    );
    expect(result.markNotificationsRead).toBe(0);
    const [after] = await t.dataSource.query('SELECT read_at FROM notifications WHERE id = $1', [
      theirs.id,
    ]);
    expect(after.read_at).toBeNull();
  });
});
