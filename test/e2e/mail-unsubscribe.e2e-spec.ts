import { AppConfig } from '@intradesk/core';
import { MailDeliveryJob, signUnsubscribeToken } from '@intradesk/notifications';
import { demoEmail } from '@intradesk/organization';
import { ADD_COMMENT, fileRequest } from '../factories/requests.factory';
import { MailDesk, startMailDesk } from '../utils/mail-desk';
import { SinkMessage, SmtpSink } from '../utils/smtp-sink';
import { TestApp } from '../utils/test-app';

const PREFS = '{ notificationPreferences { kind inApp email } }';

// The raw header block, folded lines joined.
const headersOf = (m: SinkMessage) =>
  m.raw
    .toString('utf8')
    .split('\r\n\r\n')[0]
    .replace(/\r\n(?=[ \t])/g, '');

// One-click unsubscribe (RFC 8058 + RFC 2369) over real HTTP, from a message a real SMTP sink got.
describe('One-click unsubscribe from notification e-mail', () => {
  let desk: MailDesk;
  let sink: SmtpSink;
  let t: TestApp;
  let ids: Record<string, string>;
  let mail: MailDeliveryJob;

  beforeAll(async () => {
    desk = await startMailDesk();
    ({ sink, t, ids, mail } = desk);
  });
  afterAll(() => desk.close());

  const to = (email: string) => desk.to(email);
  // The link's path and query, asked of this test's server (PUBLIC_URL is the desk's address).
  const call = (link: string, init: RequestInit = {}) => {
    const url = new URL(link);
    return fetch(`${t.baseUrl}${url.pathname}${url.search}`, { redirect: 'manual', ...init });
  };
  const oneClick = (link: string) =>
    call(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });

  it('carries a signed per-person, per-kind link; GET changes nothing, a forged or expired token is refused, POST turns that kind’s e-mail off, idempotently', async () => {
    const email = demoEmail('MKT', 'member');
    const member = await t.login(email);
    const agent = await t.login(demoEmail('IT', 'agent'));
    const request = await fileRequest(member, ids.IT, { title: 'Printer jam' });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'On it', internal: false });
    await mail.runUntilIdle();
    const [message] = to(email);
    expect(message).toBeDefined();
    const headers = headersOf(message);
    const match =
      /^List-Unsubscribe: <(https:\/\/desk\.example\.org\/mail\/unsubscribe\?token=([a-z2-7]+))>$/m.exec(
        headers,
      );
    expect(match).not.toBeNull();
    const [, link, token] = match!;
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // The footer still leads to the notification settings.
    expect(message.parsed.text).toContain('https://desk.example.org/settings/notifications');
    // Another person's message carries another token.
    const agentsOwn = sink.messages.find((m) => !m.envelope.to.includes(email))!;
    expect(headersOf(agentsOwn)).not.toContain(token);

    const commented = async () =>
      (
        (await member.data(PREFS)).notificationPreferences as {
          kind: string;
          inApp: boolean;
          email: string;
        }[]
      ).find((p) => p.kind === 'REQUEST_COMMENTED');
    expect(await commented()).toEqual({
      kind: 'REQUEST_COMMENTED',
      inApp: true,
      email: 'IMMEDIATE',
    });

    // A link scanner's GET: a page with the button, nothing changed.
    const page = await call(link, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<form method="post"');
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(html).toContain('<button type="submit">');
    expect(html).toContain('Replies on my requests');
    expect(await commented()).toMatchObject({ email: 'IMMEDIATE' });

    // Forged, malformed, expired: 400, nothing changed.
    const flipped = token.slice(0, 30) + (token[30] === 'a' ? 'b' : 'a') + token.slice(31);
    const config = t.app.get(AppConfig);
    const [{ id: memberId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      email,
    ]);
    const expired = signUnsubscribeToken(
      config.mailReplySecret,
      memberId,
      'REQUEST_COMMENTED',
      new Date(Date.now() - (config.MAIL_REPLY_TOKEN_DAYS + 1) * 86_400_000),
    );
    const underAnotherSecret = signUnsubscribeToken(
      'another-secret-of-enough-length-1234',
      memberId,
      'REQUEST_COMMENTED',
      new Date(),
    );
    for (const bad of [flipped, 'abc', expired, underAnotherSecret, '']) {
      const res = await oneClick(link.replace(token, bad));
      expect(res.status).toBe(400);
      expect((await call(link.replace(token, bad))).status).toBe(400);
    }
    expect((await oneClick('https://desk.example.org/mail/unsubscribe')).status).toBe(400);
    expect(await commented()).toMatchObject({ email: 'IMMEDIATE' });

    // The provider's one-click POST, no cookie or sign-in: that kind's e-mail off, in-app kept.
    const first = await oneClick(link);
    expect(first.status).toBe(200);
    expect(await commented()).toEqual({ kind: 'REQUEST_COMMENTED', inApp: true, email: 'OFF' });
    const again = await oneClick(link);
    expect(again.status).toBe(200);
    expect(await commented()).toEqual({ kind: 'REQUEST_COMMENTED', inApp: true, email: 'OFF' });
    // Other kinds untouched.
    const prefs = (await member.data(PREFS)).notificationPreferences as {
      kind: string;
      email: string;
    }[];
    expect(prefs.filter((p) => p.email === 'OFF').map((p) => p.kind)).toEqual([
      'REQUEST_COMMENTED',
    ]);

    // And it holds: the next reply mails nobody, though it is still in the app.
    const before = to(email).length;
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Fixed?', internal: false });
    await mail.runUntilIdle();
    expect(to(email)).toHaveLength(before);
    const inApp = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'REQUEST_COMMENTED'`,
      [memberId],
    );
    expect(inApp[0].n).toBe(2);
  }, 60_000);

  it('styles its page with a stylesheet of its own, under the content security policy', async () => {
    const page = await fetch(`${t.baseUrl}/mail/unsubscribe?token=abc`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('<link rel="stylesheet" href="unsubscribe.css">');
    expect(page.headers.get('content-security-policy')).toContain("style-src 'self'");
    const css = await fetch(`${t.baseUrl}/mail/unsubscribe.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('main {');
  });
});
