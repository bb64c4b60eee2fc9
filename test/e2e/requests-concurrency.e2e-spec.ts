import { demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { CHANGE_STATUS, CREATE_REQUEST, fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

describe('requests under concurrency', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let mktMember: GraphqlClient;
  let itAgent: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { DATABASE_POOL_SIZE: '10' } });
    ids = await departmentIds(t.dataSource);
    mktMember = await t.login(demoEmail('MKT', 'member'));
    itAgent = await t.login(demoEmail('IT', 'agent'));
  });
  afterAll(() => t.close());

  it('20 concurrent creations with one idempotency key make one request', async () => {
    const input = { supplierId: ids.HR, title: 'Payslip copy', idempotencyKey: 'retry-me-123' };
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        mktMember.request<{ createRequest: { id: string } }>(CREATE_REQUEST, { input }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(new Set(results.map((r) => r.data!.createRequest.id)).size).toBe(1);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM requests WHERE idempotency_key = 'retry-me-123'`,
    );
    expect(n).toBe(1);
    const [{ h }] = await t.dataSource.query(
      `SELECT count(*)::int AS h FROM request_history WHERE request_id = $1`,
      [results[0].data!.createRequest.id],
    );
    expect(h).toBe(1);
  });

  it('the same key with a different payload is a CONFLICT; another user may reuse the key', async () => {
    const error = await mktMember.error(CREATE_REQUEST, {
      input: { supplierId: ids.HR, title: 'Something else', idempotencyKey: 'retry-me-123' },
    });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', fields: ['input.idempotencyKey'] });
    const other = await t.login(demoEmail('MKT', 'agent'));
    const theirs = await fileRequest(other, ids.HR, {
      title: 'Payslip copy',
      idempotencyKey: 'retry-me-123',
    });
    expect(theirs.number).toMatch(/^HR-\d+$/);
  });

  it('50 concurrent status changes with one expectedVersion: exactly one wins, one history row', async () => {
    const request = await fileRequest(mktMember, ids.IT);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        itAgent.request(CHANGE_STATUS, {
          id: request.id,
          status: 'IN_PROGRESS',
          v: request.version,
        }),
      ),
    );
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    expect(new Set(lost.map((r) => r.errors![0].extensions?.code))).toEqual(new Set(['CONFLICT']));
    const rows = await t.dataSource.query(
      `SELECT kind FROM request_history WHERE request_id = $1 ORDER BY id`,
      [request.id],
    );
    expect(rows.map((r: { kind: string }) => r.kind)).toEqual(['CREATED', 'STATUS_CHANGED']);
  });

  it('100 concurrent creations to one supplier get numbers 1..100 with no gap or duplicate', async () => {
    const filers = await Promise.all(
      ['MKT', 'SALES', 'HR', 'FIN'].map((code) => t.login(demoEmail(code, 'member'))),
    );
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        filers[i % filers.length].request<{ createRequest: { number: string } }>(CREATE_REQUEST, {
          input: { supplierId: ids.LOG, title: `Shipment ${i}` },
        }),
      ),
    );
    expect(results.filter((r) => r.errors)).toEqual([]);
    const numbers = results
      .map((r) => Number(r.data!.createRequest.number.replace('LOG-', '')))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('a refused creation does not use up a number', async () => {
    await fileRequest(mktMember, ids.PAY);
    const refused = await mktMember.error(CREATE_REQUEST, {
      input: { supplierId: ids.PAY, title: 'x', serviceId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await fileRequest(mktMember, ids.PAY)).number).toBe('PAY-2');
  });
});
