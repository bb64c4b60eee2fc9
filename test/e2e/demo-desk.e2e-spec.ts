import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { startTestApp, TestApp } from '../utils/test-app';

describe('the demo desk', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seedDemoRequests: true });
  });
  afterAll(() => t.close());

  it('has requests in every state, with history, over the past weeks', async () => {
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const { requests } = await ops.data(
      '{ requests(first: 100) { totalCount edges { node { status createdAt history { kind } } } } }',
    );
    expect(requests.totalCount).toBe(20);
    const statuses = new Set(
      requests.edges.map((e: { node: { status: string } }) => e.node.status),
    );
    expect([...statuses].sort()).toEqual([
      'CANCELLED',
      'CLOSED',
      'IN_PROGRESS',
      'NEW',
      'RESOLVED',
      'WAITING_ON_CUSTOMER',
    ]);
    const oldest = Math.min(
      ...requests.edges.map((e: { node: { createdAt: string } }) => Date.parse(e.node.createdAt)),
    );
    expect(Date.now() - oldest).toBeGreaterThan(20 * 86_400_000);
    expect((await ops.data('{ services { name } }')).services.length).toBe(10);
    const clocks = await ops.data(
      '{ requests(first: 100) { edges { node { sla { policy { name } resolution { state } } } } } }',
    );
    const states = new Set(
      clocks.requests.edges.map(
        (e: { node: { sla: { resolution: { state: string } } } }) => e.node.sla.resolution.state,
      ),
    );
    expect(states.has('MET') || states.has('BREACHED')).toBe(true);
    expect(states.has('RUNNING') || states.has('PAUSED')).toBe(true);
  });

  it('keeps internal notes from the customer of the demo', async () => {
    const lineA = await t.login(demoEmail('LINE-A', 'member'));
    const { requests } = await lineA.data(
      '{ requests { edges { node { title comments { body internal } } } } }',
    );
    const scanner = requests.edges.find((e: { node: { title: string } }) =>
      e.node.title.includes('scanner'),
    );
    expect(scanner.node.comments).toEqual([
      { body: 'A technician is on the way with a spare scanner.', internal: false },
    ]);
  });
});
