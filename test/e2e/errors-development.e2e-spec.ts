import { DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

// Outside production (`npm start`, the demo people try first) errors carry no stack trace
// either: the stack is in the log. Only an unexpected error's own message is kept there.
describe('errors outside production', () => {
  let t: TestApp;
  let admin: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'development' } });
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
  });
  afterAll(() => t.close());

  it('answers malformed operations with a message and a code, and no stack trace', async () => {
    for (const operation of [
      '{ departments { nope } }',
      '{ requests(first: 3, filter: { status: [IN_PROGRESS] }) { totalCount } }',
      '{ departments { id }',
    ]) {
      const result = await admin.request(operation);
      const [error] = result.errors!;
      expect(error.message.length).toBeGreaterThan(0);
      expect(Object.keys(error.extensions ?? {})).toEqual(['code']);
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|node_modules|\.js:\d+/);
    }
  });

  it('keeps an unexpected failure’s message for the developer, without its stack', async () => {
    await t.dataSource.query('ALTER TABLE departments RENAME TO departments_gone');
    try {
      const result = await admin.request('{ departments { id } }');
      const [error] = result.errors!;
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(JSON.stringify(result)).not.toMatch(/stacktrace|node_modules|\.js:\d+/);
    } finally {
      await t.dataSource.query('ALTER TABLE departments_gone RENAME TO departments');
    }
  });
});
