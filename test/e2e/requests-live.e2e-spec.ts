import { demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, fileRequest, moveTo } from '../factories/requests.factory';
import { subscribe } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const CHANGES = `subscription($departmentId: ID) { requestChanged(departmentId: $departmentId) {
  kind request { number status comments { body internal } } } }`;

async function tokenOf(t: TestApp, email: string): Promise<string> {
  const data = await t.graphql.data<{ login: { accessToken: string } }>(
    `mutation { login(email: "${email}", password: "intradesk-demo") { accessToken } }`,
  );
  return data.login.accessToken;
}

describe('live queue: subscriptions across two API processes', () => {
  let a: TestApp;
  let b: TestApp;
  let ids: Record<string, string>;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ sameDatabaseAs: a });
    ids = await departmentIds(a.dataSource);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('delivers a change made through one instance to subscribers on the other, by visibility', async () => {
    const itQueue = await subscribe(
      a.baseUrl + '/graphql',
      await tokenOf(a, demoEmail('IT', 'agent')),
      CHANGES,
      {
        departmentId: ids.IT,
      },
    );
    const marketing = await subscribe(
      a.baseUrl + '/graphql',
      await tokenOf(a, demoEmail('MKT', 'member')),
      CHANGES,
    );
    const sales = await subscribe(
      a.baseUrl + '/graphql',
      await tokenOf(a, demoEmail('SALES', 'agent')),
      CHANGES,
    );

    // All the changes go through instance B.
    const customer = await b.login(demoEmail('MKT', 'member'));
    const agent = await b.login(demoEmail('IT', 'agent'));
    const request = await fileRequest(customer, ids.IT, { title: 'Live one' });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'SECRET-NOTE', internal: true });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'on my way' });
    const current = (
      await agent.data(`{ request(id: "${request.id}") { id version number status } }`)
    ).request;
    await moveTo(agent, current, 'IN_PROGRESS');

    const itEvents = await itQueue.waitFor(4);
    expect(itEvents.map((e) => e.requestChanged.kind)).toEqual([
      'CREATED',
      'COMMENTED',
      'COMMENTED',
      'STATUS_CHANGED',
    ]);
    expect(itEvents[3].requestChanged.request).toMatchObject({
      number: request.number,
      status: 'IN_PROGRESS',
    });

    // Nothing else reaches Marketing or Sales: a later change each of them sees comes next (the
    // same channel, in commit order), with nothing before it that they should not have had.
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'done soon' });
    const salesRequest = await fileRequest(await b.login(demoEmail('SALES', 'agent')), ids.IT);
    const mktEvents = await marketing.waitFor(4);
    expect(mktEvents.map((e) => e.requestChanged.kind)).toEqual([
      'CREATED',
      'COMMENTED',
      'STATUS_CHANGED',
      'COMMENTED',
    ]);
    expect(JSON.stringify(mktEvents)).not.toContain('SECRET-NOTE');
    const salesEvents = await sales.waitFor(1);
    expect(
      salesEvents.map((e) => [e.requestChanged.kind, e.requestChanged.request.number]),
    ).toEqual([['CREATED', salesRequest.number]]);

    await Promise.all([itQueue.close(), marketing.close(), sales.close()]);
  });

  it('refuses a socket without a valid token', async () => {
    await expect(subscribe(a.baseUrl + '/graphql', 'not-a-token', CHANGES)).rejects.toMatchObject({
      code: 4403,
    });
    await expect(subscribe(a.baseUrl + '/graphql', undefined, CHANGES)).rejects.toMatchObject({
      code: 4403,
    });
  });
});
