import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@intradesk/organization';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const LOGIN =
  'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { id } } }';
const CHANGE_PASSWORD =
  'mutation($c: String!, $n: String!) { changePassword(input: { currentPassword: $c, newPassword: $n }) { accessToken user { email } } }';
const SIGN_OUT = 'mutation($u: ID) { signOutEverywhere(userId: $u) { id } }';

const agent = `agent.it@${DEMO_EMAIL_DOMAIN}`;
const member = `member.mkt@${DEMO_EMAIL_DOMAIN}`;
const admin = `admin@${DEMO_EMAIL_DOMAIN}`;

describe('sessions, sign-in backoff and security headers', () => {
  let t: TestApp;
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));

  const signIn = async (email: string, password = DEMO_PASSWORD) => {
    const result = await t.graphql.request<{
      login: { accessToken: string; user: { id: string } };
    }>(LOGIN, { e: email, p: password });
    return result;
  };
  const tokenOf = async (email: string, password = DEMO_PASSWORD) =>
    (await signIn(email, password)).data!.login.accessToken;
  const meCode = async (token: string) =>
    (await t.graphql.as(token).request('{ me { id } }')).errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    t = await startTestApp({ time });
  });
  afterAll(() => t.close());

  it('changePassword ends every other session and returns a working token', async () => {
    const laptop = await tokenOf(agent);
    const phone = await tokenOf(agent);
    const client = t.graphql.as(laptop);

    const wrong = await client.request(CHANGE_PASSWORD, { c: 'not-it', n: 'a-new-password-1' });
    expect(wrong.errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['currentPassword'],
    });
    const short = await client.request(CHANGE_PASSWORD, { c: DEMO_PASSWORD, n: 'short' });
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // Refused calls changed nothing: both sessions still work.
    expect([await meCode(laptop), await meCode(phone)]).toEqual(['OK', 'OK']);

    const changed = await client.data(CHANGE_PASSWORD, { c: DEMO_PASSWORD, n: 'a-new-password-1' });
    expect(changed.changePassword.user.email).toBe(agent);
    expect(await meCode(changed.changePassword.accessToken)).toBe('OK');
    expect([await meCode(laptop), await meCode(phone)]).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    expect((await signIn(agent)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await meCode(await tokenOf(agent, 'a-new-password-1'))).toBe('OK');
  });

  it('signOutEverywhere: anyone for themselves, only an admin for someone else', async () => {
    const memberToken = await tokenOf(member);
    const memberId = (await signIn(member)).data!.login.user.id;
    const otherMemberSession = await tokenOf(member);
    const agentToken = await tokenOf(agent, 'a-new-password-1');
    const agentId = (await signIn(agent, 'a-new-password-1')).data!.login.user.id;

    const refused = await t.graphql.as(memberToken).request(SIGN_OUT, { u: agentId });
    expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await meCode(agentToken)).toBe('OK');

    const adminClient = t.graphql.as(await tokenOf(admin));
    expect((await adminClient.data(SIGN_OUT, { u: agentId })).signOutEverywhere.id).toBe(agentId);
    expect(await meCode(agentToken)).toBe('UNAUTHENTICATED');

    await t.graphql.as(memberToken).data(SIGN_OUT, {});
    expect(await meCode(otherMemberSession)).toBe('UNAUTHENTICATED');
    expect(await meCode(memberToken)).toBe('UNAUTHENTICATED');
    expect((await adminClient.request(SIGN_OUT, { u: memberId })).errors).toBeUndefined();
  });

  it('backs off sign-ins per account after five failures, even for the right password', async () => {
    const lead = `lead.it@${DEMO_EMAIL_DOMAIN}`;
    for (let i = 0; i < 5; i++) {
      expect((await signIn(lead, `guess-${i}`)).errors![0].extensions!.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const response = await fetch(t.graphql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: { e: lead, p: DEMO_PASSWORD } }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
    const body = (await response.json()) as { errors: { extensions: unknown }[] };
    expect(body.errors[0].extensions).toEqual({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 });
    // Another account is not affected; an unknown one backs off the same way (nothing revealed).
    expect(await meCode(await tokenOf(member))).toBe('OK');
    for (let i = 0; i < 5; i++) await signIn('nobody@example.org', 'x');
    expect((await signIn('nobody@example.org', 'x')).errors![0].extensions!.code).toBe(
      'TOO_MANY_REQUESTS',
    );

    // After the wait the right password works and clears the count; a wrong one doubles the wait.
    time.set(new Date(time.now().getTime() + 31_000));
    expect((await signIn(lead, 'still-wrong')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect((await signIn(lead)).errors![0].extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: 60,
    });
    time.set(new Date(time.now().getTime() + 61_000));
    expect(await meCode(await tokenOf(lead))).toBe('OK');
    const [row] = await t.dataSource.query(
      'SELECT count(*)::int AS n FROM sign_in_attempts WHERE email = $1',
      [lead],
    );
    expect(row.n).toBe(0);
  });

  it('sends security headers', async () => {
    const response = await fetch(t.graphql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});

describe('access tokens expire', () => {
  let t: TestApp;
  // Tokens are issued and checked at the time source's time: the test moves it.
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  beforeAll(async () => {
    t = await startTestApp({ time, env: { JWT_EXPIRES_IN: '600' } });
  });
  afterAll(() => t.close());

  it('refuses a token after JWT_EXPIRES_IN', async () => {
    const client: GraphqlClient = await t.login(member);
    expect((await client.request('{ me { id } }')).errors).toBeUndefined();
    time.advance(599_000);
    expect((await client.request('{ me { id } }')).errors).toBeUndefined();
    time.advance(1_000);
    const error = await client.error('{ me { id } }');
    expect(error.extensions!.code).toBe('UNAUTHENTICATED');
    expect(error.message).toMatch(/expired/);
  });
});

describe('rate limits per user and per address, counted per operation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_PER_USER: '6',
        RATE_LIMIT_PER_ADDRESS: '12',
        RATE_LIMIT_WINDOW_SECONDS: '60',
      },
    });
  });
  afterAll(() => t.close());

  it('refuses the seventh operation of a user, aliases counted one by one', async () => {
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`); // the login is the address's first
    const five = await ops.request(
      '{ a: me { id } b: me { id } c: me { id } d: me { id } e: me { id } }',
    );
    expect(five.errors).toBeUndefined();
    expect((await ops.request('{ me { id } }')).errors).toBeUndefined();
    const refused = await ops.request('{ me { id } }');
    expect(refused.status).toBe(429);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });

    // Another user from the same address still has their own budget...
    const lead = await t.login(`lead.it@${DEMO_EMAIL_DOMAIN}`);
    expect(
      (await lead.request('{ a: me { id } b: me { id } c: me { id } }')).errors,
    ).toBeUndefined();
    // ...until the address's budget (12: two sign-ins, 7 + 3 operations, and one more) runs out.
    const aliases = await lead.request('{ a: me { id } b: me { id } c: me { id } }');
    expect(aliases.status).toBe(429);
    expect(aliases.errors!.map((e) => e.extensions!.code)).toContain('TOO_MANY_REQUESTS');
    expect((await t.graphql.request(LOGIN, { e: member, p: DEMO_PASSWORD })).status).toBe(429);
  });
});
