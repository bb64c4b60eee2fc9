import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { startTestApp, TestApp } from '../utils/test-app';

// DATABASE_REPLICA_URLS: reports read the replica; everything else, and every write, the primary.
describe('read replicas', () => {
  let t: TestApp;
  const REPLICA = 'intradesk-replica-probe';
  const replicaConnections = async (): Promise<{ query: string }[]> =>
    t.dataSource.query(
      `SELECT query FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
      [REPLICA],
    );

  beforeAll(async () => {
    t = await startTestApp({ replicaApplicationName: REPLICA });
  });
  afterAll(() => t.close());

  it('sends writes and ordinary reads to the primary only', async () => {
    const ids = await departmentIds(t.dataSource);
    const member = await t.login(demoEmail('MKT', 'member'));
    await fileRequest(member, ids.IT);
    await member.data(`{ requests(first: 5) { edges { node { number } } } }`);
    // The replica pool has connected (at start) but run nothing.
    for (const { query } of await replicaConnections()) expect(query).toBe('');
  });

  it('sends report queries to the replica', async () => {
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    const [row] = (await ops.data(`{ slaReport { total } }`)).slaReport;
    expect(row.total).toBe(1);
    const connections = await replicaConnections();
    expect(connections.length).toBeGreaterThan(0);
    // pg_stat_activity keeps the first 1,024 characters of the last statement.
    expect(connections.map((c) => c.query).join('\n')).toMatch(/first_response_met/);
    for (const { query } of connections) expect(query).not.toMatch(/^\s*(INSERT|UPDATE|DELETE)/i);
  });
});
