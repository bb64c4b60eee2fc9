import { demoEmail } from '@intradesk/organization';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest } from '../factories/requests.factory';
import { startTestApp, TestApp } from '../utils/test-app';

// History is told in the order things happened, whatever order its rows were written in (an
// import writes a request's history in bulk).
describe('request history order', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists entries by time, not by insertion', async () => {
    const ids = await departmentIds(t.dataSource);
    const member = await t.login(demoEmail('MKT', 'member'));
    const request = await fileRequest(member, ids.IT);
    const [{ at }] = await t.dataSource.query(
      `SELECT at FROM request_history WHERE request_id = $1`,
      [request.id],
    );
    // Written later, happened in between.
    await t.dataSource.query(
      `INSERT INTO request_history (request_id, at, kind, from_value, to_value, internal)
       VALUES ($1, $2::timestamptz + interval '2 hours', 'STATUS_CHANGED', 'IN_PROGRESS', 'RESOLVED', false),
              ($1, $2::timestamptz + interval '1 hour', 'STATUS_CHANGED', 'NEW', 'IN_PROGRESS', false)`,
      [request.id, at],
    );
    const { request: read } = await member.data(
      'query($id: ID!) { request(id: $id) { history { kind to } } }',
      { id: request.id },
    );
    expect(read.history).toEqual([
      { kind: 'CREATED', to: 'NEW' },
      { kind: 'STATUS_CHANGED', to: 'IN_PROGRESS' },
      { kind: 'STATUS_CHANGED', to: 'RESOLVED' },
    ]);
  });
});
