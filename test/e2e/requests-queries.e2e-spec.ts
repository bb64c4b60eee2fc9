import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, ASSIGN, fileRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const PAGE = `query($first: Int, $after: String, $filter: RequestFilter, $orderBy: RequestOrder) {
  requests(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { number priority status createdAt } }
  } }`;

const NESTED = `query($first: Int) { requests(first: $first) { edges { node {
  number customer { code } supplier { code lead { email } } service { name supplier { code } }
  requester { email department { code } } assignee { email }
  comments { body author { email } } history { kind actor { email } }
} } } }`;

describe('requests queries', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let ops: GraphqlClient;
  let itLead: GraphqlClient;
  let serviceId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ids = await departmentIds(t.dataSource);
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    itLead = await t.login(demoEmail('IT', 'lead'));
    const agentId = (await (await t.login(demoEmail('IT', 'agent'))).data('{ me { id } }')).me.id;
    serviceId = (
      await itLead.data('mutation($i: CreateServiceInput!) { createService(input: $i) { id } }', {
        i: { supplierId: ids.IT, name: 'Laptop', defaultPriority: 'P2' },
      })
    ).createService.id;
    const filers = await Promise.all(
      ['MKT', 'HR', 'LINE-A'].map((c) => t.login(demoEmail(c, 'member'))),
    );
    for (let i = 0; i < 60; i++) {
      const request = await fileRequest(filers[i % 3], ids.IT, {
        title: i === 7 ? 'Broken printer on floor three' : `Request ${i}`,
        priority: ['P1', 'P2', 'P3', 'P4'][i % 4],
        serviceId: i % 2 ? serviceId : null,
      });
      await itLead.data(ADD_COMMENT, {
        requestId: request.id,
        body: `note ${i}`,
        internal: i % 3 === 0,
      });
      if (i % 5 === 0) await itLead.data(ASSIGN, { id: request.id, assigneeId: agentId, v: 1 });
    }
  });
  afterAll(() => t.close());

  it('costs the same number of SQL statements for 5 or 50 requests with every nested field', async () => {
    // Signed-in users are cached for a few seconds: warm it so both calls compare alike.
    await ops.data('{ me { id } }');
    t.statements.reset();
    const five = await ops.data(NESTED, { first: 5 });
    const costOfFive = t.statements.total;
    await ops.data('{ me { id } }');
    t.statements.reset();
    const fifty = await ops.data(NESTED, { first: 50 });
    const costOfFifty = t.statements.total;
    expect(five.requests.edges).toHaveLength(5);
    expect(fifty.requests.edges).toHaveLength(50);
    expect(fifty.requests.edges.some((e: { node: { assignee: unknown } }) => e.node.assignee)).toBe(
      true,
    );
    expect(costOfFifty).toBe(costOfFive);
    expect(costOfFifty).toBeLessThanOrEqual(10);
  });

  it('pages through everything with opaque cursors, no duplicates, no gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const { requests }: { requests: any } = await ops.data(PAGE, { first: 25, after });
      expect(requests.totalCount).toBe(60);
      seen.push(...requests.edges.map((e: { node: { number: string } }) => e.node.number));
      pages++;
      if (!requests.pageInfo.hasNextPage) break;
      after = requests.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(60);
    expect(seen[0]).toBe('IT-60'); // newest first by default
  });

  it('orders by priority (most urgent first) and by number, across pages', async () => {
    const collect = async (orderBy: Record<string, string>) => {
      const all: { number: string; priority: string }[] = [];
      let after: string | null = null;
      do {
        const { requests }: { requests: any } = await ops.data(PAGE, { first: 7, after, orderBy });
        all.push(
          ...requests.edges.map((e: { node: { number: string; priority: string } }) => e.node),
        );
        after = requests.pageInfo.hasNextPage ? requests.pageInfo.endCursor : null;
      } while (after);
      return all;
    };
    const byPriority = await collect({ field: 'PRIORITY', direction: 'ASC' });
    expect(byPriority.map((r) => r.priority)).toEqual(
      [...byPriority.map((r) => r.priority)].sort(),
    );
    expect(new Set(byPriority.map((r) => r.number)).size).toBe(60);
    const byNumber = await collect({ field: 'NUMBER', direction: 'ASC' });
    expect(byNumber.map((r) => r.number)).toEqual(
      Array.from({ length: 60 }, (_, i) => `IT-${i + 1}`),
    );
  });

  it.each([
    [{ priorities: ['P1'] }, 15],
    [{ customerIds: ['MKT'] }, 20],
    [{ relationshipTypes: ['DIAGONAL'] }, 20],
    [{ unassigned: true }, 48],
    [{ statuses: ['NEW'] }, 60],
    [{ text: 'printer floor' }, 1],
    [{ priorities: ['P1', 'P2'], customerIds: ['HR'] }, 10],
  ])('filters %j', async (filter, expected) => {
    const resolved = Object.fromEntries(
      Object.entries(filter).map(([k, v]) => [
        k,
        k.endsWith('Ids') ? (v as string[]).map((c) => ids[c]) : v,
      ]),
    );
    const { requests } = await ops.data(PAGE, { first: 100, filter: resolved });
    expect(requests.totalCount).toBe(expected);
    expect(requests.edges).toHaveLength(expected);
  });

  it('filters by service, assignee and creation time', async () => {
    const byService = await ops.data(PAGE, { first: 100, filter: { serviceIds: [serviceId] } });
    expect(byService.requests.totalCount).toBe(30);
    const agentId = (await (await t.login(demoEmail('IT', 'agent'))).data('{ me { id } }')).me.id;
    const byAssignee = await ops.data(PAGE, { first: 100, filter: { assigneeIds: [agentId] } });
    expect(byAssignee.requests.totalCount).toBe(12);
    const future = await ops.data(PAGE, {
      filter: { createdFrom: new Date(Date.now() + 60_000).toISOString() },
    });
    expect(future.requests.totalCount).toBe(0);
  });

  it('refuses a page larger than 100 and a forged cursor', async () => {
    expect((await ops.error(PAGE, { first: 101 })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['first'],
    });
    expect((await ops.error(PAGE, { after: 'bm9wZQ' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['after'],
    });
  });

  it('reflects status changes in the queue', async () => {
    const { requests } = await ops.data(PAGE, { first: 1 });
    const number = requests.edges[0].node.number;
    const { request } = await itLead.data(`{ request(number: "${number}") { id version } }`);
    await moveTo(
      itLead,
      { id: request.id, version: request.version, number, status: 'NEW' },
      'IN_PROGRESS',
    );
    const progressing = await ops.data(PAGE, { filter: { statuses: ['IN_PROGRESS'] } });
    expect(
      progressing.requests.edges.map((e: { node: { number: string } }) => e.node.number),
    ).toEqual([number]);
  });
});
