import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, demoEmail } from '@intradesk/organization';
import { subscribe } from '../utils/subscription-client';
import { startTestApp, TestApp } from '../utils/test-app';

const LOGIN = `mutation($e: String!, $p: String!, $c: Boolean!) {
  login(email: $e, password: $p, cookie: $c) { accessToken user { email } }
}`;

async function signInWithCookie(t: TestApp, email: string) {
  const response = await fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { e: email, p: DEMO_PASSWORD, c: true } }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { setCookie, cookie: setCookie.split(';')[0] };
}

function post(t: TestApp, query: string, headers: Record<string, string>): Promise<Response> {
  return fetch(`${t.baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
}

// A fake build of the web app: serving is what is tested here, not Vite.
function fakeWebBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'intradesk-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Intradesk</title><div id=root>');
  writeFileSync(
    join(dir, 'assets', 'index-abc123.js'),
    `console.log('${'intradesk '.repeat(500)}')`,
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  return dir;
}

describe('the web app: session cookie and static serving', () => {
  let t: TestApp;
  const webDir = fakeWebBuild();

  beforeAll(async () => {
    t = await startTestApp({ env: { WEB_DIR: webDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('login with cookie: true sets an HttpOnly, SameSite=Strict session cookie', async () => {
    const { setCookie } = await signInWithCookie(t, demoEmail('MKT', 'member'));
    expect(setCookie).toMatch(/^intradesk_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).toMatch(/Max-Age=\d+/);
    // Plain-HTTP development and tests: not Secure, or the browser would drop it.
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it('login without cookie sets none', async () => {
    const response = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: LOGIN,
        variables: { e: demoEmail('MKT', 'member'), p: DEMO_PASSWORD, c: false },
      }),
    });
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('the cookie alone signs GraphQL calls in; a bearer header wins over it', async () => {
    const { cookie } = await signInWithCookie(t, demoEmail('MKT', 'member'));
    const me: any = await (await post(t, '{ me { email } }', { cookie })).json();
    expect(me.data.me.email).toBe(demoEmail('MKT', 'member'));

    const agent = await t.login(demoEmail('IT', 'agent'));
    const both: any = await (
      await post(t, '{ me { email } }', { cookie, authorization: `Bearer ${agent.token}` })
    ).json();
    expect(both.data.me.email).toBe(demoEmail('IT', 'agent'));
  });

  it('a forged or stale cookie is UNAUTHENTICATED', async () => {
    const body: any = await (
      await post(t, '{ me { email } }', { cookie: 'intradesk_session=not.a.token' })
    ).json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('CSRF stays closed: a cross-site simple request with the cookie runs nothing', async () => {
    const { cookie } = await signInWithCookie(t, demoEmail('MKT', 'member'));
    const get = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ me { id } }')}`, {
      headers: { cookie },
    });
    expect(get.status).toBe(400);
    const form = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { signOut }' }),
    });
    expect(form.status).toBe(400);
    // Mutations are never run over GET, even with Apollo's preflight header.
    const mutationGet = await fetch(
      `${t.baseUrl}/graphql?query=${encodeURIComponent('mutation { signOut }')}`,
      { headers: { cookie, 'apollo-require-preflight': 'true' } },
    );
    expect(mutationGet.status).toBe(405);
  });

  it('the cookie opens a CSV download link', async () => {
    const { cookie } = await signInWithCookie(t, demoEmail('IT', 'lead'));
    const response = await fetch(`${t.baseUrl}/reports/sla.csv?groupBy=SUPPLIER`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const anonymous = await fetch(`${t.baseUrl}/reports/sla.csv`);
    expect(anonymous.status).toBe(401);
  });

  it('the cookie authenticates the WebSocket upgrade', async () => {
    const { cookie } = await signInWithCookie(t, demoEmail('MKT', 'member'));
    const subscriber = await subscribe(
      `${t.baseUrl}/graphql`,
      undefined,
      'subscription { requestChanged { kind } }',
      undefined,
      { cookie },
    );
    await subscriber.close();
    await expect(
      subscribe(
        `${t.baseUrl}/graphql`,
        undefined,
        'subscription { requestChanged { kind } }',
        undefined,
        {
          cookie: 'intradesk_session=forged',
        },
      ),
    ).rejects.toBeDefined();
  });

  it('signOut clears the cookie', async () => {
    const { cookie } = await signInWithCookie(t, demoEmail('MKT', 'member'));
    const response = await post(t, 'mutation { signOut }', { cookie });
    expect(((await response.json()) as any).data.signOut).toBe(true);
    expect(response.headers.get('set-cookie')).toMatch(
      /^intradesk_session=;.*Expires=Thu, 01 Jan 1970/,
    );
  });

  it('serves the app at / and its client routes, revalidated, with a strict policy', async () => {
    for (const path of ['/', '/sign-in', '/requests/IT-42', '/queue?status=NEW']) {
      const response = await fetch(`${t.baseUrl}${path}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<div id=root>');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('hashed assets are immutable; a missing asset is 404, not the page', async () => {
    const asset = await fetch(`${t.baseUrl}/assets/index-abc123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const missing = await fetch(`${t.baseUrl}/assets/gone-123.js`, {
      headers: { accept: 'text/html' },
    });
    expect(missing.status).toBe(404);
    const icon = await fetch(`${t.baseUrl}/favicon.svg`);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it("leaves the API's own paths to the API", async () => {
    const health = await fetch(`${t.baseUrl}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toMatch(/json/);
    const graphql = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(await graphql.text()).not.toContain('<div id=root>');
    const csv = await fetch(`${t.baseUrl}/reports/sla.csv`, { headers: { accept: 'text/html' } });
    expect(csv.status).toBe(401);
  });
});

describe('the session cookie in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('is Secure', async () => {
    const { setCookie } = await signInWithCookie(t, demoEmail('MKT', 'member'));
    expect(setCookie).toMatch(/; Secure/i);
  });
});
