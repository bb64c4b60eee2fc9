import { ManualTimeSource } from '@intradesk/core';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD, demoEmail } from '@intradesk/organization';
import { ASSIGN, fileRequest } from '../factories/requests.factory';
import { GraphqlClient } from '../utils/graphql-client';
import { subscribe } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const USERS = `query($first: Int, $after: String, $search: String, $role: Role, $departmentId: ID, $all: Boolean) {
  users(first: $first, after: $after, search: $search, role: $role, departmentId: $departmentId, includeDeactivated: $all) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id email name role active invited deactivatedAt department { code } } }
  }
}`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id name role active department { code } } }`;
const DEACTIVATE = 'mutation($id: ID!) { deactivateUser(id: $id) { id active deactivatedAt } }';
const REACTIVATE = 'mutation($id: ID!) { reactivateUser(id: $id) { id active deactivatedAt } }';
const RESET_LINK =
  'mutation($id: ID!) { createPasswordResetLink(userId: $id) { path expiresAt user { email invited } } }';
const SET_PASSWORD = `mutation($token: String!, $password: String!, $cookie: Boolean) {
  setPasswordWithToken(token: $token, password: $password, cookie: $cookie) { accessToken user { email invited } }
}`;
const LOGIN =
  'mutation($e: String!, $p: String!, $c: Boolean) { login(email: $e, password: $p, cookie: $c) { accessToken user { id } } }';
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;

const admin = `admin@${DEMO_EMAIL_DOMAIN}`;
const tokenOfLink = (path: string) => new URL(path, 'http://x').searchParams.get('token')!;

describe('people administration', () => {
  let t: TestApp;
  let adminClient: GraphqlClient;
  const time = new ManualTimeSource(new Date('2026-03-02T09:00:00Z'));
  const ids: Record<string, string> = {};

  const idOf = async (email: string): Promise<string> => {
    if (ids[email]) return ids[email];
    const data = await adminClient.data(USERS, { search: email, all: true });
    ids[email] = data.users.edges.find((e: any) => e.node.email === email).node.id;
    return ids[email];
  };
  const signIn = (email: string, password = DEMO_PASSWORD) =>
    t.graphql.request<{ login: { accessToken: string } }>(LOGIN, { e: email, p: password });
  const meCode = async (token: string) =>
    (await t.graphql.as(token).request('{ me { id } }')).errors?.[0]?.extensions?.code ?? 'OK';
  const post = (query: string, variables: object, headers: Record<string, string>) =>
    fetch(t.graphql.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    t = await startTestApp({ time });
    adminClient = await t.login(admin);
  });
  afterAll(() => t.close());

  it('lets admins manage people, operations only read, and nobody else either', async () => {
    const target = await idOf(demoEmail('HR', 'member'));
    const clients: Record<string, GraphqlClient> = {
      MEMBER: await t.login(demoEmail('MKT', 'member')),
      AGENT: await t.login(demoEmail('IT', 'agent')),
      LEAD: await t.login(demoEmail('IT', 'lead')),
      OPS: await t.login(`ops@${DEMO_EMAIL_DOMAIN}`),
      ADMIN: adminClient,
    };
    const codeOf = async (client: GraphqlClient, query: string, variables: object) =>
      String(
        (await client.request(query, variables as Record<string, unknown>)).errors?.[0]?.extensions
          ?.code ?? 'OK',
      );
    const readers: Record<string, string> = {};
    const writers: Record<string, string[]> = {};
    for (const [role, client] of Object.entries(clients)) {
      readers[role] = await codeOf(client, USERS, { first: 1 });
      if (role === 'ADMIN') continue;
      writers[role] = [
        await codeOf(client, UPDATE, { input: { id: target, name: 'Renamed' } }),
        await codeOf(client, DEACTIVATE, { id: target }),
        await codeOf(client, REACTIVATE, { id: target }),
        await codeOf(client, RESET_LINK, { id: target }),
      ];
    }
    expect(readers).toEqual({
      MEMBER: 'FORBIDDEN',
      AGENT: 'FORBIDDEN',
      LEAD: 'FORBIDDEN',
      OPS: 'OK',
      ADMIN: 'OK',
    });
    for (const role of ['MEMBER', 'AGENT', 'LEAD', 'OPS'])
      expect(writers[role]).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await codeOf(t.graphql, USERS, {})).toBe('UNAUTHENTICATED');
    expect(await codeOf(t.graphql, DEACTIVATE, { id: target })).toBe('UNAUTHENTICATED');
    // Nothing changed.
    const hr = await adminClient.data(USERS, { search: demoEmail('HR', 'member') });
    expect(hr.users.edges[0].node).toMatchObject({ active: true });
    expect(hr.users.edges[0].node.name).not.toBe('Renamed');
  });

  it('searches name and email, filters, and pages by name without gaps or repeats', async () => {
    const everyone = await adminClient.data(USERS, { first: 100 });
    const total = everyone.users.totalCount;
    expect(everyone.users.edges).toHaveLength(total);
    const names = everyone.users.edges.map((e: any) => e.node.name);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b)));

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await adminClient.data(USERS, { first: 7, after })).users;
      expect(page.totalCount).toBe(total);
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(everyone.users.edges.map((e: any) => e.node.id));

    const byEmail = await adminClient.data(USERS, { search: 'LEAD.IT@' });
    expect(byEmail.users.edges.map((e: any) => e.node.email)).toEqual([demoEmail('IT', 'lead')]);
    const nothing = await adminClient.data(USERS, { search: '%_' });
    expect(nothing.users.totalCount).toBe(0);
    const leads = await adminClient.data(USERS, { role: 'LEAD', first: 100 });
    expect(leads.users.edges.every((e: any) => e.node.role === 'LEAD')).toBe(true);
    expect(leads.users.totalCount).toBeGreaterThan(5);
    const it = await adminClient.data('{ department(code: "IT") { id } }');
    const inIt = await adminClient.data(USERS, { departmentId: it.department.id, first: 100 });
    expect(inIt.users.edges.map((e: any) => e.node.department.code)).toEqual(
      inIt.users.edges.map(() => 'IT'),
    );
    expect((await adminClient.error(USERS, { first: 101 })).extensions!.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await adminClient.error(USERS, { after: 'nonsense' })).extensions!.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('lists a page in a fixed number of SQL statements, whatever its size', async () => {
    const query = `query($first: Int) { users(first: $first) { totalCount edges { node { id active invited department { code parent { code } } } } } }`;
    await adminClient.data('{ me { id } }');
    t.statements.reset();
    await adminClient.data(query, { first: 3 });
    const small = t.statements.total;
    t.statements.reset();
    const data = await adminClient.data(query, { first: 60 });
    expect(data.users.edges.length).toBeGreaterThan(30);
    // The page, its count, the departments and their parents: batched, whatever the page size.
    expect(small).toBeLessThanOrEqual(4);
    expect(t.statements.total).toBeLessThanOrEqual(small);
  });

  it('changes name, role and department, and refuses what is not there', async () => {
    const agent = await idOf(demoEmail('FIN', 'agent'));
    const hr = (await adminClient.data('{ department(code: "HR") { id } }')).department.id;
    const changed = await adminClient.data(UPDATE, {
      input: { id: agent, name: '  Farah Finance  ', role: 'LEAD', departmentId: hr },
    });
    expect(changed.updateUser).toEqual({
      id: agent,
      name: 'Farah Finance',
      role: 'LEAD',
      active: true,
      department: { code: 'HR' },
    });
    // The new role applies to the user's next call (the signed-in cache forgets them).
    const client = await t.login(demoEmail('FIN', 'agent'));
    expect((await client.data('{ me { role department { code } } }')).me).toEqual({
      role: 'LEAD',
      department: { code: 'HR' },
    });
    await adminClient.data(UPDATE, { input: { id: agent, role: 'AGENT' } });
    expect((await client.data('{ me { role } }')).me.role).toBe('AGENT');

    const bad = await adminClient.error(UPDATE, {
      input: { id: agent, departmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(bad.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_DEPARTMENT',
      fields: ['input.departmentId'],
    });
    const blank = await adminClient.error(UPDATE, { input: { id: agent, name: '   ' } });
    expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['input.name'] });
    const nobody = await adminClient.error(UPDATE, {
      input: { id: '00000000-0000-4000-8000-000000000000', name: 'X' },
    });
    expect(nobody.extensions!.code).toBe('NOT_FOUND');
  });

  it('deactivation ends bearer tokens and cookies on the next call, blocks sign-in, keeps requests', async () => {
    const email = demoEmail('MKT', 'member');
    const id = await idOf(email);
    const member = await t.login(email);
    const it = (await adminClient.data('{ department(code: "IT") { id } }')).department.id;
    const filed = await fileRequest(member, it, { title: 'Keep me' });
    const cookieLogin = await post(LOGIN, { e: email, p: DEMO_PASSWORD, c: true }, {});
    const cookie = (cookieLogin.headers.get('set-cookie') ?? '').split(';')[0];
    const viaCookie = async () =>
      ((await (await post('{ me { id } }', {}, { cookie })).json()) as any).errors?.[0]?.extensions
        ?.code ?? 'OK';
    // Warm the signed-in cache, so the refusal below is not just a cache miss.
    expect([await meCode(member.token!), await viaCookie()]).toEqual(['OK', 'OK']);
    // An open WebSocket is closed too (their live updates stop).
    const live = await subscribe(
      t.graphql.url,
      member.token,
      'subscription { notificationAdded { id } }',
    );

    const deactivated = await adminClient.data(DEACTIVATE, { id });
    expect(deactivated.deactivateUser).toEqual({
      id,
      active: false,
      deactivatedAt: time.now().toISOString(),
    });
    expect([await meCode(member.token!), await viaCookie()]).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
    await expect(live.waitFor(1, 3_000)).rejects.toThrow(/subscription failed/);
    await live.close();
    const refused = await signIn(email);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'USER_DEACTIVATED',
    });
    expect(refused.errors![0].message).toMatch(/deactivated/);
    // A wrong password says nothing about the account.
    expect((await signIn(email, 'wrong-password')).errors![0].extensions!.reason).toBeUndefined();

    // Their requests and history stay, naming them as deactivated.
    const request = await adminClient.data(
      'query($id: ID!) { request(id: $id) { title requester { email active } history { actor { email active } } } }',
      { id: filed.id },
    );
    expect(request.request.title).toBe('Keep me');
    expect(request.request.requester).toEqual({ email, active: false });
    // Listed only when asked for.
    expect((await adminClient.data(USERS, { search: email })).users.totalCount).toBe(0);
    const listed = await adminClient.data(USERS, { search: email, all: true });
    expect(listed.users.edges[0].node).toMatchObject({ email, active: false });
    // Not among the department's people any more.
    const mkt = await adminClient.data('{ department(code: "MKT") { members { email } } }');
    expect(mkt.department.members.map((m: any) => m.email)).not.toContain(email);
    // No link can be made for a leaver.
    expect((await adminClient.error(RESET_LINK, { id })).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'USER_DEACTIVATED',
    });
    // Deactivating again is harmless.
    expect((await adminClient.data(DEACTIVATE, { id })).deactivateUser.active).toBe(false);

    const back = await adminClient.data(REACTIVATE, { id });
    expect(back.reactivateUser).toEqual({ id, active: true, deactivatedAt: null });
    const again = await signIn(email);
    expect(await meCode(again.data!.login.accessToken)).toBe('OK');
    // Tokens from before the deactivation stay dead.
    expect(await meCode(member.token!)).toBe('UNAUTHENTICATED');
  });

  it('hands nothing new to a leaver: no assignment, no department to lead', async () => {
    const agentEmail = demoEmail('IT', 'agent');
    const agentId = await idOf(agentEmail);
    const itLead = await t.login(demoEmail('IT', 'lead'));
    const member = await t.login(demoEmail('MKT', 'member'));
    const it = (await adminClient.data('{ department(code: "IT") { id version lead { id } } }'))
      .department;
    const filed = await fileRequest(member, it.id, { title: 'Who takes it?' });
    await adminClient.data(DEACTIVATE, { id: agentId });
    try {
      const assign = await itLead.error(ASSIGN, {
        id: filed.id,
        assigneeId: agentId,
        v: filed.version,
      });
      expect(assign.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'USER_DEACTIVATED',
        fields: ['assigneeId'],
      });
      const lead = await adminClient.error(
        'mutation($d: ID!, $u: ID) { setDepartmentLead(departmentId: $d, userId: $u) { id } }',
        { d: it.id, u: agentId },
      );
      expect(lead.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'USER_DEACTIVATED',
        fields: ['userId'],
      });
      const unknown = await adminClient.error(
        'mutation($d: ID!, $u: ID) { setDepartmentLead(departmentId: $d, userId: $u) { id } }',
        { d: it.id, u: '00000000-0000-4000-8000-000000000000' },
      );
      expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['userId'] });
      // Nothing changed.
      const after = await adminClient.data(
        'query($id: ID!) { request(id: $id) { version assignee { id } } department(code: "IT") { version lead { id } } }',
        { id: filed.id },
      );
      expect(after.request).toEqual({ version: filed.version, assignee: null });
      expect(after.department).toEqual({ version: it.version, lead: it.lead });
    } finally {
      await adminClient.data(REACTIVATE, { id: agentId });
    }
    // Back at work, they can be assigned again.
    const assigned = await itLead.data(ASSIGN, {
      id: filed.id,
      assigneeId: agentId,
      v: filed.version,
    });
    expect(assigned.assignRequest.assignee.email).toBe(agentEmail);
  });

  it('never removes the last active administrator, also when two admins demote each other at once', async () => {
    const adminId = await idOf(admin);
    const demote = await adminClient.error(UPDATE, { input: { id: adminId, role: 'OPS' } });
    expect(demote.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    const deactivate = await adminClient.error(DEACTIVATE, { id: adminId });
    expect(deactivate.extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_ADMIN' });
    // Renaming the last admin is fine.
    await adminClient.data(UPDATE, { input: { id: adminId, name: 'Ada Admin' } });

    const second = await adminClient.data(CREATE_USER, {
      input: {
        email: 'second.admin@example.org',
        name: 'Second Admin',
        password: 'second-admin-pw',
        departmentCode: 'IT',
        role: 'ADMIN',
      },
    });
    const secondClient = await t.login('second.admin@example.org', 'second-admin-pw');
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        adminClient.request(UPDATE, { input: { id: second.createUser.id, role: 'MEMBER' } }),
        secondClient.request(UPDATE, { input: { id: adminId, role: 'MEMBER' } }),
      ]);
      const outcomes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
      // One wins; the other is refused, by the rule (or, if the winner took its rights first,
      // by the guard).
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'CONFLICT' || o === 'FORBIDDEN')).toHaveLength(1);
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN' AND deactivated_at IS NULL`,
      );
      expect(n).toBe(1);
      // Put both back as admins for the next round (whoever is still one does it).
      const survivor = outcomes[0] === 'OK' ? adminClient : secondClient;
      await survivor.data(UPDATE, { input: { id: adminId, role: 'ADMIN' } });
      await survivor.data(UPDATE, { input: { id: second.createUser.id, role: 'ADMIN' } });
    }
    // Deactivating each other at once: one stays.
    const results = await Promise.all([
      adminClient.request(DEACTIVATE, { id: second.createUser.id }),
      secondClient.request(DEACTIVATE, { id: adminId }),
    ]);
    const outcomes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'ADMIN' AND deactivated_at IS NULL`,
    );
    expect(n).toBe(1);
    if (outcomes[0] !== 'OK') {
      // The demo admin was deactivated: bring it back for the other tests.
      await secondClient.data(REACTIVATE, { id: adminId });
      adminClient = await t.login(admin);
    }
  });

  it('a reset link works once, voids the older one, expires after 72 hours', async () => {
    const email = demoEmail('SALES', 'agent');
    const id = await idOf(email);
    const oldSession = await t.login(email);
    const first = (await adminClient.data(RESET_LINK, { id })).createPasswordResetLink;
    expect(first.path).toMatch(/^\/set-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(first.expiresAt).toBe(new Date(time.now().getTime() + 72 * 3_600_000).toISOString());
    // Only a hash is stored.
    const [stored] = await t.dataSource.query(
      'SELECT token_hash FROM password_reset_links WHERE user_id = $1',
      [id],
    );
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token_hash).not.toContain(tokenOfLink(first.path));

    const second = (await adminClient.data(RESET_LINK, { id })).createPasswordResetLink;
    const voided = await t.graphql.error(SET_PASSWORD, {
      token: tokenOfLink(first.path),
      password: 'brand-new-password',
    });
    expect(voided.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RESET_LINK_INVALID',
      fields: ['token'],
    });
    const weak = await t.graphql.error(SET_PASSWORD, {
      token: tokenOfLink(second.path),
      password: 'short',
    });
    expect(weak.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['password'] });

    const response = await post(
      SET_PASSWORD,
      { token: tokenOfLink(second.path), password: 'brand-new-password', cookie: true },
      {},
    );
    const body = (await response.json()) as any;
    expect(body.data.setPasswordWithToken.user.email).toBe(email);
    expect(response.headers.get('set-cookie')).toMatch(/^intradesk_session=.+HttpOnly/i);
    expect(await meCode(body.data.setPasswordWithToken.accessToken)).toBe('OK');
    expect(await meCode(oldSession.token!)).toBe('UNAUTHENTICATED');
    expect((await signIn(email)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(await meCode((await signIn(email, 'brand-new-password')).data!.login.accessToken)).toBe(
      'OK',
    );
    const used = await t.graphql.error(SET_PASSWORD, {
      token: tokenOfLink(second.path),
      password: 'another-password',
    });
    expect(used.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'RESET_LINK_USED' });

    const third = (await adminClient.data(RESET_LINK, { id })).createPasswordResetLink;
    time.advance(72 * 3_600_000 + 1_000);
    const expired = await t.graphql.error(SET_PASSWORD, {
      token: tokenOfLink(third.path),
      password: 'another-password',
    });
    expect(expired.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'RESET_LINK_EXPIRED',
    });
    expect(await meCode((await signIn(email, 'brand-new-password')).data!.login.accessToken)).toBe(
      'OK',
    );
  });

  it('an invited lead from the org-chart import sets a password from a link and signs in', async () => {
    const imported = await adminClient.data(
      'mutation($csv: String!) { importOrgChart(csv: $csv) { created invitedLeads errors { message } } }',
      {
        csv: 'code,name,parent_code,level,time_zone,lead_email\nLEGAL,Legal,CORP,,,new.lead@example.org\n',
      },
    );
    expect(imported.importOrgChart).toEqual({ created: 1, invitedLeads: 1, errors: [] });
    const listed = await adminClient.data(USERS, { search: 'new.lead@' });
    const lead = listed.users.edges[0].node;
    expect(lead).toMatchObject({ invited: true, active: true, role: 'LEAD' });
    expect((await signIn('new.lead@example.org', 'any-guess')).errors![0].extensions!.code).toBe(
      'UNAUTHENTICATED',
    );
    const link = (await adminClient.data(RESET_LINK, { id: lead.id })).createPasswordResetLink;
    expect(link.user).toEqual({ email: 'new.lead@example.org', invited: true });
    const set = await t.graphql.data(SET_PASSWORD, {
      token: tokenOfLink(link.path),
      password: 'my-first-password',
    });
    expect(set.setPasswordWithToken.user).toEqual({
      email: 'new.lead@example.org',
      invited: false,
    });
    const me = await t.graphql
      .as((await signIn('new.lead@example.org', 'my-first-password')).data!.login.accessToken)
      .data('{ me { email role department { code } } }');
    expect(me.me).toEqual({
      email: 'new.lead@example.org',
      role: 'LEAD',
      department: { code: 'LEGAL' },
    });
  });
  it('ADMIN_EMAIL brings its administrator back at start, deactivated or demoted', async () => {
    const second = await idOf('second.admin@example.org');
    // Lock the second administrator out: deactivated and demoted.
    await adminClient.data(UPDATE, { input: { id: second, role: 'ADMIN' } });
    await adminClient.data(REACTIVATE, { id: second });
    await adminClient.data(DEACTIVATE, { id: second });
    await adminClient.data(UPDATE, { input: { id: second, role: 'MEMBER' } });
    const restarted = await startTestApp({
      sameDatabaseAs: t,
      env: { ADMIN_EMAIL: 'second.admin@example.org', ADMIN_PASSWORD: 'unused-here' },
    });
    try {
      const listed = await adminClient.data(USERS, { search: 'second.admin@', all: true });
      expect(listed.users.edges[0].node).toMatchObject({ role: 'ADMIN', active: true });
    } finally {
      await restarted.close();
    }
  });
});
