import { JwtService } from '@nestjs/jwt';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { countRows } from '../factories/organization.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const JWT_SECRET = 'e2e-secret-that-is-long-enough-for-production-checks';
const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { email role department { code } } } }';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email role department { code } } }`;

describe('sign-in and people', () => {
  let t: TestApp;
  let admin: GraphqlClient;
  let member: GraphqlClient;

  beforeAll(async () => {
    t = await startTestApp({
      env: { ADMIN_EMAIL: 'Root@Example.org', ADMIN_PASSWORD: 'bootstrap-password' },
    });
    admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    member = await t.login(demoEmail('MKT', 'member'));
  });
  afterAll(() => t.close());

  it('login returns a token and the user', async () => {
    const data = await t.graphql.data(LOGIN, {
      e: demoEmail('IT', 'lead').toUpperCase(),
      p: 'intradesk-demo',
    });
    expect(data.login.accessToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(data.login.user).toEqual({
      email: demoEmail('IT', 'lead'),
      role: 'LEAD',
      department: { code: 'IT' },
    });
  });

  it('me is the signed-in user', async () => {
    const data = await member.data('{ me { email role department { code } } }');
    expect(data.me).toEqual({
      email: demoEmail('MKT', 'member'),
      role: 'MEMBER',
      department: { code: 'MKT' },
    });
  });

  it('a wrong password and an unknown email get the same UNAUTHENTICATED answer', async () => {
    const wrong = await t.graphql.error(LOGIN, { e: demoEmail('IT', 'lead'), p: 'nope-nope' });
    const unknown = await t.graphql.error(LOGIN, { e: 'nobody@example.org', p: 'nope-nope' });
    expect(wrong.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.message).toBe(wrong.message);
  });

  it.each([
    ['me', '{ me { id } }'],
    ['departments', '{ departments { id } }'],
    ['createDepartment', 'mutation { createDepartment(input: { code: "X", name: "X" }) { id } }'],
  ])('%s without a token is UNAUTHENTICATED', async (_, query) => {
    const error = await t.graphql.error(query);
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a forged, malformed or expired token is UNAUTHENTICATED', async () => {
    const userId = (await member.data('{ me { id } }')).me.id;
    const forged = await new JwtService({ secret: 'another-secret' }).signAsync({
      sub: userId,
      tv: 0,
    });
    const expired = await new JwtService({ secret: JWT_SECRET }).signAsync({
      sub: userId,
      tv: 0,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    for (const token of [forged, 'garbage', expired]) {
      const error = await t.graphql.as(token).error('{ me { id } }');
      expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const expiredError = await t.graphql.as(expired).error('{ me { id } }');
    expect(expiredError.message).toMatch(/expired/);
    const basic = await t.graphql.request('{ me { id } }', undefined, {
      authorization: 'Basic abc',
    });
    expect(basic.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('bumping the token version invalidates earlier tokens', async () => {
    const lead = await t.login(demoEmail('HR', 'lead'));
    await t.dataSource.query(
      `UPDATE users SET token_version = token_version + 1 WHERE email = $1`,
      [demoEmail('HR', 'lead')],
    );
    const error = await lead.error('{ me { id } }');
    expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(
      (await t.login(demoEmail('HR', 'lead'))).data('{ me { id } }'),
    ).resolves.toBeDefined();
  });

  it('ADMIN_EMAIL / ADMIN_PASSWORD make sure an administrator exists', async () => {
    const root = await t.login('root@example.org', 'bootstrap-password');
    expect((await root.data('{ me { role department { id } } }')).me).toEqual({
      role: 'ADMIN',
      department: null,
    });
  });

  describe('createUser', () => {
    const input = (overrides: Record<string, unknown> = {}) => ({
      input: {
        email: 'New.Person@Example.org',
        name: 'New Person',
        password: 'a-good-password',
        departmentCode: 'it',
        role: 'AGENT',
        ...overrides,
      },
    });

    it('lets an admin add a person who can then sign in', async () => {
      const data = await admin.data(CREATE_USER, input());
      expect(data.createUser).toMatchObject({
        email: 'new.person@example.org',
        role: 'AGENT',
        department: { code: 'IT' },
      });
      await expect(t.login('new.person@example.org', 'a-good-password')).resolves.toBeDefined();
    });

    it('is FORBIDDEN to anyone but an admin, and changes nothing', async () => {
      const before = await countRows(t.dataSource, 'users');
      for (const who of [
        member,
        await t.login(demoEmail('IT', 'lead')),
        await t.login(`ops@${DEMO_EMAIL_DOMAIN}`),
      ]) {
        const error = await who.error(CREATE_USER, input({ email: 'sneaky@example.org' }));
        expect(error.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await countRows(t.dataSource, 'users')).toBe(before);
    });

    it('refuses a duplicate email, whatever its case, with CONFLICT', async () => {
      const error = await admin.error(
        CREATE_USER,
        input({ email: demoEmail('IT', 'agent').toUpperCase() }),
      );
      expect(error.extensions).toMatchObject({ code: 'CONFLICT', fields: ['input.email'] });
    });

    it('names the bad fields', async () => {
      const unknownDepartment = await admin.error(
        CREATE_USER,
        input({ email: 'x1@example.org', departmentCode: 'NOPE' }),
      );
      expect(unknownDepartment.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.departmentCode'],
      });
      const invalid = await admin.error(
        CREATE_USER,
        input({ email: 'not-an-email', password: 'short' }),
      );
      expect(invalid.extensions?.code).toBe('BAD_USER_INPUT');
      expect(invalid.extensions?.fields).toEqual(
        expect.arrayContaining(['input.email', 'input.password']),
      );
      const badRole = await admin.request(
        CREATE_USER,
        input({ email: 'x2@example.org', role: 'KING' }),
      );
      expect(badRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
