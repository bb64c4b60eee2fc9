import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { countRows, departmentIds } from '../factories/organization.factory';
import { fileRequest, FiledRequest, moveTo } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const RATE = `mutation($id: ID!, $score: Int!, $comment: String) {
  rateRequest(requestId: $id, score: $score, comment: $comment) { id side score comment rater { email } } }`;
const RATE_QUALITY = `mutation($id: ID!, $score: Int!, $comment: String) {
  rateRequestQuality(requestId: $id, score: $score, comment: $comment) { id side score comment } }`;
const RATINGS = `query($id: ID!) { request(id: $id) { rating { score comment } qualityRating { score } } }`;
const PENDING = `{ pendingRatings(first: 100) { edges { node { request { number } rateBy } } } }`;
const nodes = <T>(connection: { edges: { node: T }[] }): T[] => connection.edges.map((e) => e.node);
const NOTIFICATIONS = `{ notifications { edges { node { kind message } } } }`;
const KUDOS = `mutation($i: GiveKudosInput!) { giveKudos(input: $i) { id message from { email }
  toUser { email } toDepartment { code } request { number } } }`;
const HOUR = 3_600_000;

describe('Request ratings, two-way feedback and kudos', () => {
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  let t: TestApp;
  let ids: Record<string, string>;
  let requester: GraphqlClient;
  let colleague: GraphqlClient;
  let agent: GraphqlClient;
  let ops: GraphqlClient;
  let outsider: GraphqlClient;

  // A request from Marketing to IT, answered and resolved by IT's agent.
  async function resolvedRequest(): Promise<FiledRequest> {
    const request = await fileRequest(requester, ids.IT);
    const started = await moveTo(agent, request, 'IN_PROGRESS');
    return moveTo(agent, started, 'RESOLVED');
  }

  beforeAll(async () => {
    t = await startTestApp({ time });
    ids = await departmentIds(t.dataSource);
    requester = await t.login(demoEmail('MKT', 'member'));
    colleague = await t.login(demoEmail('MKT', 'lead'));
    agent = await t.login(demoEmail('IT', 'agent'));
    ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    outsider = await t.login(demoEmail('HR', 'member'));
  });
  afterAll(() => t.close());

  it('invites the requester at resolution and lists the pending rating until it is given', async () => {
    const request = await resolvedRequest();
    const notes = (await requester.data(NOTIFICATIONS)).notifications.edges.map(
      (e: { node: unknown }) => e.node,
    );
    expect(notes).toContainEqual(
      expect.objectContaining({
        kind: 'RATING_INVITATION',
        message: expect.stringContaining(request.number),
      }),
    );
    const pending = nodes((await requester.data(PENDING)).pendingRatings);
    expect(pending).toContainEqual({
      request: { number: request.number },
      rateBy: new Date(time.now().getTime() + 14 * 24 * HOUR).toISOString(),
    });
    const rated = (await requester.data(RATE, { id: request.id, score: 4, comment: 'quick' }))
      .rateRequest;
    expect(rated).toMatchObject({
      side: 'CUSTOMER',
      score: 4,
      comment: 'quick',
      rater: { email: demoEmail('MKT', 'member') },
    });
    expect(nodes((await requester.data(PENDING)).pendingRatings)).not.toContainEqual(
      expect.objectContaining({ request: { number: request.number } }),
    );
    // Both sides see the customer's rating.
    expect((await agent.data(RATINGS, { id: request.id })).request.rating).toEqual({
      score: 4,
      comment: 'quick',
    });
  });

  it('keeps one rating per request: a second call, by any customer member, updates it', async () => {
    const request = await resolvedRequest();
    const first = (await requester.data(RATE, { id: request.id, score: 2 })).rateRequest;
    const second = (await colleague.data(RATE, { id: request.id, score: 5, comment: 'fixed' }))
      .rateRequest;
    expect(second.id).toBe(first.id);
    expect(second).toMatchObject({ score: 5, comment: 'fixed' });
    const rows = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM request_ratings WHERE request_id = $1`,
      [request.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('refuses a rating before resolution, by the supplier side, out of range, or after the window, and changes nothing', async () => {
    const open = await fileRequest(requester, ids.IT);
    const before = await countRows(t.dataSource, 'request_ratings');
    const early = await requester.error(RATE, { id: open.id, score: 4 });
    expect(early.extensions?.code).toBe('BAD_USER_INPUT');
    expect(early.message).toMatch(/once it is resolved/);

    const resolved = await resolvedRequest();
    expect((await agent.error(RATE, { id: resolved.id, score: 5 })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await ops.error(RATE, { id: resolved.id, score: 5 })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await outsider.error(RATE, { id: resolved.id, score: 5 })).extensions?.code).toBe(
      'NOT_FOUND',
    );
    for (const score of [0, 6, -1]) {
      const error = await requester.error(RATE, { id: resolved.id, score });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['score'] });
    }
    const longComment = await requester.error(RATE, {
      id: resolved.id,
      score: 3,
      comment: 'x'.repeat(2001),
    });
    expect(longComment.extensions?.code).toBe('BAD_USER_INPUT');
    time.advance(15 * 24 * HOUR);
    const late = await requester.error(RATE, { id: resolved.id, score: 3 });
    expect(late.extensions?.code).toBe('BAD_USER_INPUT');
    expect(late.message).toMatch(/no longer be rated/);
    expect(await countRows(t.dataSource, 'request_ratings')).toBe(before);
  });

  it('withdraws the pending rating when the request is reopened', async () => {
    const request = await resolvedRequest();
    const pendingNumbers = async () =>
      nodes<{ request: { number: string } }>((await requester.data(PENDING)).pendingRatings).map(
        (p: { request: { number: string } }) => p.request.number,
      );
    expect(await pendingNumbers()).toContain(request.number);
    const reopened = await moveTo(requester, request, 'IN_PROGRESS');
    expect(await pendingNumbers()).not.toContain(request.number);
    expect((await requester.error(RATE, { id: reopened.id, score: 3 })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it("lets the supplier rate the request's quality, shown to the supplier side and operations only", async () => {
    const request = await resolvedRequest();
    const quality = (
      await agent.data(RATE_QUALITY, { id: request.id, score: 2, comment: 'no screenshots' })
    ).rateRequestQuality;
    expect(quality).toMatchObject({ side: 'SUPPLIER', score: 2 });
    expect((await agent.data(RATINGS, { id: request.id })).request.qualityRating).toEqual({
      score: 2,
    });
    expect((await ops.data(RATINGS, { id: request.id })).request.qualityRating).toEqual({
      score: 2,
    });
    expect((await requester.data(RATINGS, { id: request.id })).request.qualityRating).toBeNull();
    expect(
      (await requester.error(RATE_QUALITY, { id: request.id, score: 5 })).extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('stores kudos to a person or a department and refuses duplicates and strangers', async () => {
    const request = await resolvedRequest();
    const agentId = (await agent.data('{ me { id } }')).me.id;
    const kudos = (
      await requester.data(KUDOS, {
        i: { requestId: request.id, toUserId: agentId, message: 'Thank you!' },
      })
    ).giveKudos;
    expect(kudos).toMatchObject({
      message: 'Thank you!',
      from: { email: demoEmail('MKT', 'member') },
      toUser: { email: demoEmail('IT', 'agent') },
      toDepartment: null,
      request: { number: request.number },
    });
    await requester.data(KUDOS, {
      i: { requestId: request.id, toDepartmentId: ids.IT, message: 'Great team' },
    });
    const again = await requester.error(KUDOS, {
      i: { requestId: request.id, toUserId: agentId, message: 'Thanks again' },
    });
    expect(again.extensions?.code).toBe('CONFLICT');
    const wrongDepartment = await requester.error(KUDOS, {
      i: { requestId: request.id, toDepartmentId: ids.HR, message: 'Hi' },
    });
    expect(wrongDepartment.extensions?.code).toBe('BAD_USER_INPUT');
    const both = await requester.error(KUDOS, {
      i: { requestId: request.id, toDepartmentId: ids.IT, toUserId: agentId, message: 'Hi' },
    });
    expect(both.extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (
        await outsider.error(KUDOS, {
          i: { requestId: request.id, toDepartmentId: ids.IT, message: 'Hi' },
        })
      ).extensions?.code,
    ).toBe('NOT_FOUND');
    // Recognition is public; the request behind it is shown only to those who may see it.
    const received = `query($d: ID!) { kudosReceived(departmentId: $d, first: 100) { edges { node { message request { number } } } } }`;
    expect(nodes((await outsider.data(received, { d: ids.IT })).kudosReceived)).toContainEqual({
      message: 'Great team',
      request: null,
    });
    expect(nodes((await agent.data(received, { d: ids.IT })).kudosReceived)).toContainEqual({
      message: 'Great team',
      request: { number: request.number },
    });
    expect(
      (
        await agent.data(`query($id: ID!) { request(id: $id) { kudos { message } } }`, {
          id: request.id,
        })
      ).request.kudos,
    ).toHaveLength(2);
  });

  it('pages kudosReceived and pendingRatings as Relay connections, newest kudos and oldest pending first', async () => {
    // Three more kudos to IT, a millisecond apart, and three requests waiting for a rating.
    const waiting: string[] = [];
    for (let i = 0; i < 3; i++) {
      time.advance(1000);
      const request = await resolvedRequest();
      waiting.push(request.number);
      await requester.data(KUDOS, {
        i: { requestId: request.id, toDepartmentId: ids.IT, message: `Page ${i}` },
      });
    }
    const KUDOS_PAGE = `query($d: ID!, $after: String) { kudosReceived(departmentId: $d, first: 2, after: $after) {
      edges { cursor node { message } } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } }`;
    const walk = async (query: string, field: string, variables: Record<string, unknown>) => {
      const seen: unknown[] = [];
      let after: string | null = null;
      let total: number;
      for (;;) {
        const page: {
          edges: { node: unknown }[];
          pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
          totalCount: number;
        } = (await agent.data(query, { ...variables, after }))[field];
        expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
        expect(page.edges.length).toBeLessThanOrEqual(2);
        seen.push(...page.edges.map((e) => e.node));
        total = page.totalCount;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      return { seen, total };
    };
    const kudos = await walk(KUDOS_PAGE, 'kudosReceived', { d: ids.IT });
    expect(kudos.seen).toHaveLength(kudos.total);
    expect(kudos.total).toBe(
      (
        await t.dataSource.query(
          'SELECT count(*)::int AS n FROM kudos WHERE to_department_id = $1',
          [ids.IT],
        )
      )[0].n,
    );
    expect(kudos.seen.slice(0, 3)).toEqual([
      { message: 'Page 2' },
      { message: 'Page 1' },
      { message: 'Page 0' },
    ]);

    const PENDING_PAGE = `query($after: String) { pendingRatings(first: 2, after: $after) {
      edges { node { request { number } } } pageInfo { hasNextPage hasPreviousPage endCursor } totalCount } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        edges: { node: { request: { number: string } } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
        totalCount: number;
      } = (await requester.data(PENDING_PAGE, { after })).pendingRatings;
      seen.push(...page.edges.map((e) => e.node.request.number));
      expect(page.totalCount).toBeGreaterThanOrEqual(3);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Oldest resolved first: the three just resolved come last, in order.
    expect(seen.slice(-3)).toEqual(waiting);
    expect(new Set(seen).size).toBe(seen.length);

    // first is checked, and a forged cursor is bad input, not a server error.
    for (const variables of [{ first: 0 }, { first: 101 }]) {
      const error = await requester.error(
        'query($first: Int) { pendingRatings(first: $first) { totalCount } }',
        variables,
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['first'] });
    }
    const forged = Buffer.from(JSON.stringify(['2026-03-02T09:00:00Z', "1' OR '1'='1"])).toString(
      'base64url',
    );
    const error = await agent.error(KUDOS_PAGE, { d: ids.IT, after: forged });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['after'] });
    // A page costs the same statements however long it is (people, departments and requests
    // come through the loaders).
    const LIST = `query($d: ID!, $first: Int) { kudosReceived(departmentId: $d, first: $first) {
      totalCount edges { node { message from { name department { code } } toDepartment { code }
      request { number } } } } }`;
    const statements = async (first: number) => {
      t.statements.reset();
      await agent.data(LIST, { d: ids.IT, first });
      return t.statements.total;
    };
    expect(await statements(5)).toBe(await statements(1));
    expect(await statements(5)).toBeLessThanOrEqual(6);
    const neither = await agent.error('{ kudosReceived { totalCount } }');
    expect(neither.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('loads ratings and kudos of a page of requests in a fixed number of statements', async () => {
    const page = `{ requests(first: 50) { edges { node { number rating { score rater { name } }
      qualityRating { score } kudos { message from { name } } } } } }`;
    t.statements.reset();
    await ops.data(page);
    const few = t.statements.total;
    for (let i = 0; i < 8; i++) {
      const request = await resolvedRequest();
      await requester.data(RATE, { id: request.id, score: 3 });
    }
    t.statements.reset();
    await ops.data(page);
    // Loaders may batch users in one or two rounds, depending on which fields resolve first.
    expect(t.statements.total).toBeLessThanOrEqual(Math.max(few, 6));
    expect(few).toBeLessThanOrEqual(6);
  });
});
