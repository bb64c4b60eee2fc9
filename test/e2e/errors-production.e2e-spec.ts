import { DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

describe('errors in production mode', () => {
  let t: TestApp;
  let admin: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
  });
  afterAll(() => t.close());

  it('keeps codes and field paths on user errors, without stack traces', async () => {
    const result = await admin.request(
      'mutation { createDepartment(input: { code: "X Y", name: "x" }) { id } }',
    );
    const error = result.errors![0];
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['input.code'] });
  });

  it('masks unexpected failures: no message details, SQL or stack', async () => {
    // Break the database under the API to force a genuine internal error.
    await t.dataSource.query('ALTER TABLE departments RENAME TO departments_gone');
    try {
      const result = await admin.request('{ departments { id } }');
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'Internal server error',
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        }),
      ]);
      expect(JSON.stringify(result)).not.toMatch(/departments_gone|relation|SELECT|at /);
    } finally {
      await t.dataSource.query('ALTER TABLE departments_gone RENAME TO departments');
    }
  });

  it('answers malformed operations with a code and nothing internal', async () => {
    const result = await admin.request('{ departments { nope } }');
    expect(result.errors![0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
