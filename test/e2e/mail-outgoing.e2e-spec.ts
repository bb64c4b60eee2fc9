import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { AppConfig } from '@intradesk/core';
import {
  MailDeliveryJob,
  NotificationKind,
  NotificationsService,
  replyAddress,
  verifyReplyToken,
  replyTokenOf,
} from '@intradesk/notifications';
import { demoEmail, DEMO_EMAIL_DOMAIN } from '@intradesk/organization';
import { ADD_COMMENT, fileRequest, moveTo } from '../factories/requests.factory';
import { MailDesk, startMailDesk } from '../utils/mail-desk';
import { SmtpSink, startSmtpSink } from '../utils/smtp-sink';
import { startTestApp, TestApp } from '../utils/test-app';
import { waitUntil } from '../utils/wait-until';

const ROOT = path.resolve(__dirname, '../..');
const DOMAIN = 'desk.example.org';

const header = (m: { parsed: { headers: Map<string, unknown> } }, name: string) =>
  m.parsed.headers.get(name);

describe('Outgoing e-mail through SMTP (a real SMTP sink)', () => {
  let desk: MailDesk;
  let sink: SmtpSink;
  let t: TestApp;
  let ids: Record<string, string>;
  let mail: MailDeliveryJob;

  beforeAll(async () => {
    desk = await startMailDesk({
      MAIL_FROM: 'Intradesk <desk@desk.example.org>',
      MAIL_MAX_ATTEMPTS: '3',
    });
    ({ sink, t, ids, mail } = desk);
  });
  afterAll(() => desk.close());

  const to = (email: string) => desk.to(email);

  it('tells IT’s agents of a new request, then the member, threaded and in Spanish, of the agent’s question; an internal note mails nobody on the customer side', async () => {
    const member = await t.login(demoEmail('MKT', 'member'));
    const agent = await t.login(demoEmail('IT', 'agent'));
    await t.dataSource.query(`UPDATE users SET locale = 'es' WHERE email = $1`, [
      demoEmail('MKT', 'member'),
    ]);
    const staff: { email: string }[] = await t.dataSource.query(
      `SELECT email FROM users WHERE (department_id = $1 AND role IN ('AGENT', 'LEAD'))
          OR id = (SELECT lead_id FROM departments WHERE id = $1)`,
      [ids.IT],
    );
    expect(staff.length).toBeGreaterThan(0);

    const request = await fileRequest(member, ids.IT, {
      title: 'Laptop <b>screen</b> & "dock"',
      description: 'It flickers',
    });
    await mail.runUntilIdle();
    for (const { email } of staff) {
      const got = to(email);
      expect(got).toHaveLength(1);
      const m = got[0];
      expect(m.parsed.subject).toBe(`[${request.number}] Laptop <b>screen</b> & "dock"`);
      expect(m.parsed.text).toContain('filed a new request for');
      expect(m.parsed.text).toContain(`https://desk.example.org/requests/${request.number}`);
      // The title is escaped in the HTML part, never markup.
      expect(m.parsed.html).toContain('Laptop &lt;b&gt;screen&lt;/b&gt; &amp; &quot;dock&quot;');
      expect(m.parsed.html).not.toContain('<b>screen</b>');
      expect(m.parsed.html).toContain('lang="en" dir="ltr"');
      expect(m.envelope.from).toBe('desk@desk.example.org');
    }
    const [row] = await t.dataSource.query(
      `SELECT id, message_id, status, to_address, request_id FROM mail_messages
        WHERE to_address = $1 AND kind = 'REQUEST_CREATED'`,
      [staff[0].email],
    );
    expect(row.status).toBe('SENT');
    const first = to(staff[0].email)[0];
    expect(first.parsed.messageId).toBe(`<${row.id}@${DOMAIN}>`);
    expect(row.message_id).toBe(first.parsed.messageId);
    const thread = `<request-${request.id}@${DOMAIN}>`;
    expect(first.parsed.inReplyTo).toBe(thread);
    expect(first.parsed.references).toBe(thread);
    const replyTo = first.parsed.replyTo!.value[0].address!;
    const config = t.app.get(AppConfig);
    expect(replyTo).toBe(replyAddress(config.mailReplySecret, row.id, DOMAIN));
    expect(verifyReplyToken(config.mailReplySecret, replyTokenOf(replyTo, DOMAIN)!)).toBe(row.id);
    // The header block, folded lines joined.
    const rawHeaders = first.raw
      .toString('utf8')
      .split('\r\n\r\n')[0]
      .replace(/\r\n(?=[ \t])/g, '');
    // One-click unsubscribe (mail-unsubscribe.e2e-spec.ts follows the link).
    expect(rawHeaders).toMatch(
      /^List-Unsubscribe: <https:\/\/desk\.example\.org\/mail\/unsubscribe\?token=[a-z2-7]+>/m,
    );
    expect(rawHeaders).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
    expect(header(first, 'auto-submitted')).toBe('auto-generated');

    // The agent asks for information: a public comment and "waiting on the customer".
    const before = to(demoEmail('MKT', 'member')).length;
    await agent.data(ADD_COMMENT, {
      requestId: request.id,
      body: 'Which model is it? <script>alert(1)</script>',
      internal: false,
    });
    const current = await agent.data<{ request: { version: number; status: string } }>(
      'query($id: ID!) { request(id: $id) { id version status } }',
      { id: request.id },
    );
    await moveTo(agent, { ...request, ...current.request }, 'WAITING_ON_CUSTOMER');
    // An internal note: nothing for the customer side.
    await agent.data(ADD_COMMENT, {
      requestId: request.id,
      body: 'secret supplier note',
      internal: true,
    });
    await mail.runUntilIdle();
    const memberMail = to(demoEmail('MKT', 'member')).slice(before);
    // One action, one mail: the question and "waiting on you" together
    // (mail-ask-for-information.e2e-spec.ts).
    expect(memberMail).toHaveLength(1);
    for (const m of memberMail) {
      expect(m.parsed.subject).toContain(request.number);
      expect(m.parsed.inReplyTo).toBe(thread);
      expect(m.parsed.references).toBe(thread);
      expect(m.parsed.html).toContain('lang="es" dir="ltr"');
      expect(m.parsed.text).not.toContain('secret supplier note');
      expect(m.parsed.html).not.toContain('secret supplier note');
    }
    const texts = memberMail.map((m) => m.parsed.text).join('\n');
    expect(texts).toContain('necesita su respuesta');
    expect(texts).toContain('Which model is it?');
    expect(memberMail.map((m) => m.parsed.html).join('')).not.toContain('<script>');
    const leaked = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages m JOIN users u ON u.id = m.recipient_user_id
        WHERE u.department_id <> $1 AND (m.params->>'detail' LIKE '%secret%' OR m.params->>'message' LIKE '%secret%')`,
      [ids.IT],
    );
    expect(leaked[0].n).toBe(0);
  }, 60_000);

  it('writes Farsi right to left', async () => {
    const member = await t.login(demoEmail('HR', 'member'));
    const agent = await t.login(demoEmail('IT', 'agent'));
    await t.dataSource.query(`UPDATE users SET locale = 'fa' WHERE email = $1`, [
      demoEmail('HR', 'member'),
    ]);
    const request = await fileRequest(member, ids.IT, { title: 'چاپگر' });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'OK', internal: false });
    await mail.runUntilIdle();
    const [m] = to(demoEmail('HR', 'member'));
    expect(m.parsed.html).toContain('lang="fa" dir="rtl"');
    expect(m.parsed.text).toContain('پاسخ داد');
  }, 30_000);

  it('retries a refused message with backoff, then records it as failed; a 5xx fails at once', async () => {
    const notifications = t.app.get(NotificationsService);
    const [user] = await t.dataSource.query(`SELECT id, email FROM users WHERE email = $1`, [
      demoEmail('FIN', 'member'),
    ]);
    const add = (message: string) =>
      t.dataSource.transaction((manager) =>
        notifications.add(manager, {
          userId: user.id,
          kind: NotificationKind.SURVEY_INVITATION,
          message,
          params: { title: message, closesAt: new Date().toISOString() },
          createdAt: new Date(),
        }),
      );
    await add('temporary');
    sink.refuseNext(5, 451, 'try later');
    const started = Date.now();
    await mail.runUntilIdle();
    const row = async () =>
      (
        await t.dataSource.query(
          `SELECT status, attempts, last_error, next_attempt_at, sent_at FROM mail_messages
            WHERE recipient_user_id = $1 AND params->>'title' = 'temporary'`,
          [user.id],
        )
      )[0];
    let r = await row();
    expect(r).toMatchObject({ status: 'PENDING', attempts: 1, sent_at: null });
    expect(r.last_error).toContain('try later');
    const delay = new Date(r.next_attempt_at).getTime() - started;
    expect(delay).toBeGreaterThan(25_000);
    expect(delay).toBeLessThan(40_000);
    // Due again: the second failure waits twice as long.
    const due = () =>
      t.dataSource.query(
        `UPDATE mail_messages SET next_attempt_at = now() WHERE status = 'PENDING' AND recipient_user_id = $1`,
        [user.id],
      );
    await due();
    const second = Date.now();
    await mail.runUntilIdle();
    r = await row();
    expect(r).toMatchObject({ status: 'PENDING', attempts: 2 });
    expect(new Date(r.next_attempt_at).getTime() - second).toBeGreaterThan(55_000);
    await due();
    await mail.runUntilIdle();
    r = await row();
    // MAIL_MAX_ATTEMPTS is 3 here.
    expect(r).toMatchObject({ status: 'FAILED', attempts: 3, next_attempt_at: null });
    expect(to(user.email)).toHaveLength(0);

    sink.refuseNext(1, 550, 'no such mailbox');
    await add('permanent');
    await mail.runUntilIdle();
    const [p] = await t.dataSource.query(
      `SELECT status, attempts, last_error FROM mail_messages WHERE params->>'title' = 'permanent'`,
    );
    expect(p).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(p.last_error).toContain('no such mailbox');
    sink.refuseNext(0, 0);
  }, 30_000);

  const OUTGOING = `query($first: Int, $after: String, $status: [MailStatus!]) {
    outgoingMail(first: $first, after: $after, status: $status) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { id kind status messageId toAddress subject attempts lastError sentAt
                     nextAttemptAt createdAt recipient { email } } } } }`;

  it('shows administrators every outgoing message, failures included, in a fixed number of statements; nobody else', async () => {
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    const failed = (await admin.data(OUTGOING, { status: ['FAILED'] })).outgoingMail;
    expect(failed.totalCount).toBeGreaterThanOrEqual(2);
    expect(
      failed.edges.map((e: { node: { lastError: string } }) => e.node.lastError).join(),
    ).toContain('no such mailbox');
    const page1 = (await admin.data(OUTGOING, { first: 3 })).outgoingMail;
    expect(page1.edges).toHaveLength(3);
    const page2 = (await admin.data(OUTGOING, { first: 3, after: page1.pageInfo.endCursor }))
      .outgoingMail;
    const seen = [...page1.edges, ...page2.edges].map((e: { node: { id: string } }) => e.node.id);
    expect(new Set(seen).size).toBe(6);
    expect((await admin.error(OUTGOING, { after: 'nonsense' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    // Statements do not grow with the page (recipients through one loader).
    await admin.data('{ me { id } }');
    t.statements.reset();
    await admin.data(OUTGOING, { first: 2 });
    const few = t.statements.total;
    await admin.data('{ me { id } }');
    t.statements.reset();
    const many = (await admin.data(OUTGOING, { first: 40 })).outgoingMail;
    expect(many.edges.length).toBeGreaterThan(5);
    expect(t.statements.total).toBe(few);
    for (const who of [
      demoEmail('IT', 'lead'),
      `ops@${DEMO_EMAIL_DOMAIN}`,
      demoEmail('MKT', 'member'),
    ]) {
      const client = await t.login(who);
      expect((await client.error(OUTGOING)).extensions?.code).toBe('FORBIDDEN');
    }
  }, 30_000);

  it('follows each person’s choice per kind: off, immediately, or in a daily digest at their local hour', async () => {
    const email = demoEmail('LOG', 'member');
    const member = await t.login(email);
    const agent = await t.login(demoEmail('IT', 'agent'));
    const PREFS = `mutation($input: [NotificationPreferenceInput!]!) {
      updateNotificationPreferences(input: $input) { kind inApp email } }`;
    const prefs = (
      await member.data(PREFS, {
        input: [
          { kind: 'REQUEST_COMMENTED', email: 'DIGEST' },
          { kind: 'REQUEST_STATUS_CHANGED', email: 'OFF' },
        ],
      })
    ).updateNotificationPreferences as { kind: string; inApp: boolean; email: string }[];
    const byKind = new Map(prefs.map((p) => [p.kind, p]));
    expect(byKind.get('REQUEST_COMMENTED')).toEqual({
      kind: 'REQUEST_COMMENTED',
      inApp: true,
      email: 'DIGEST',
    });
    expect(byKind.get('REQUEST_STATUS_CHANGED')?.email).toBe('OFF');
    expect(byKind.get('REQUEST_CREATED')?.email).toBe('IMMEDIATE');
    // Turning the app off keeps the e-mail choice.
    await member.data(PREFS, { input: [{ kind: 'REQUEST_COMMENTED', inApp: false }] });
    const again = (await member.data('{ notificationPreferences { kind inApp email } }'))
      .notificationPreferences as { kind: string; inApp: boolean; email: string }[];
    expect(again.find((p) => p.kind === 'REQUEST_COMMENTED')).toEqual({
      kind: 'REQUEST_COMMENTED',
      inApp: false,
      email: 'DIGEST',
    });
    const SETTINGS = `mutation($input: MailSettingsInput!) { updateMailSettings(input: $input) { digestHour locale } }`;
    expect((await member.error(SETTINGS, { input: { digestHour: 24 } })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect((await member.error(SETTINGS, { input: { locale: 'de' } })).extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    // The digest hour is the next local hour in the department's time zone: not due yet.
    const [{ tz }] = await t.dataSource.query(
      `SELECT d.time_zone AS tz FROM users u JOIN departments d ON d.id = u.department_id WHERE u.email = $1`,
      [email],
    );
    const localHour = Number(
      new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: tz }).format(
        new Date(),
      ),
    );
    const next = (localHour + 1) % 24;
    expect(
      (await member.data(SETTINGS, { input: { digestHour: next, locale: 'it' } }))
        .updateMailSettings,
    ).toEqual({
      digestHour: next,
      locale: 'it',
    });
    expect((await member.data('{ mailSettings { digestHour locale } }')).mailSettings).toEqual({
      digestHour: next,
      locale: 'it',
    });

    const before = to(email).length;
    const request = await fileRequest(member, ids.IT, { title: 'Digest me' });
    await agent.data(ADD_COMMENT, { requestId: request.id, body: 'First answer', internal: false });
    await agent.data(ADD_COMMENT, {
      requestId: request.id,
      body: 'Second answer',
      internal: false,
    });
    const current = await agent.data<{ request: { version: number; status: string } }>(
      'query($id: ID!) { request(id: $id) { id version status } }',
      { id: request.id },
    );
    await moveTo(agent, { ...request, ...current.request }, 'IN_PROGRESS');
    await mail.runUntilIdle();
    // Status changes are off, comments wait for the digest.
    expect(to(email).length).toBe(before);
    const queued = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM mail_messages m JOIN users u ON u.id = m.recipient_user_id
        WHERE u.email = $1 AND m.status = 'DIGEST_QUEUED'`,
      [email],
    );
    expect(queued[0].n).toBe(2);
    // An hour later (the hour has passed): one digest with both, in Italian.
    await t.dataSource.query(
      `UPDATE mail_settings SET digest_hour = $2 WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [email, localHour],
    );
    await t.dataSource.query(
      `UPDATE mail_messages SET created_at = created_at - interval '1 hour'
        WHERE status = 'DIGEST_QUEUED' AND recipient_user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    await mail.runUntilIdle();
    await mail.runUntilIdle();
    const digests = to(email).slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0].parsed.subject).toContain('riepilogo giornaliero (2)');
    expect(digests[0].parsed.text).toContain('First answer');
    expect(digests[0].parsed.text).toContain('Second answer');
    expect(digests[0].parsed.text).toContain(`/requests/${request.number}`);
    const left = await t.dataSource.query(
      `SELECT status, count(*)::int AS n FROM mail_messages m JOIN users u ON u.id = m.recipient_user_id
        WHERE u.email = $1 AND m.kind = 'REQUEST_COMMENTED' GROUP BY status`,
      [email],
    );
    expect(left).toEqual([{ status: 'DIGESTED', n: 2 }]);
  }, 30_000);

  it('without SMTP_URL sends nothing and keeps the rendered messages', async () => {
    const quiet = await startTestApp({ sameDatabaseAs: t, env: { MAIL_DOMAIN: DOMAIN } });
    try {
      const member = await t.login(demoEmail('SALES', 'member'));
      const before = sink.messages.length;
      const request = await fileRequest(member, ids.IT, { title: 'Unsent' });
      await quiet.app.get(MailDeliveryJob).runUntilIdle();
      expect(sink.messages.length).toBe(before);
      const rows = await t.dataSource.query(
        `SELECT status, subject, text_body, html_body FROM mail_messages WHERE request_id = $1`,
        [request.id],
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        expect(r.status).toBe('NOT_SENT');
        expect(r.subject).toBe(`[${request.number}] Unsent`);
        expect(r.text_body).toContain(request.number);
        expect(r.html_body).toContain('<html');
      }
    } finally {
      await quiet.close();
    }
  }, 30_000);
});

// Real worker processes: three are killed with SIGKILL one after another while 500 messages are
// queued, a fourth finishes; the sink must hold each message exactly once.
describe('Outgoing e-mail: a worker killed mid-queue', () => {
  const TOTAL = 500;
  let sink: SmtpSink;
  let t: TestApp;

  beforeAll(async () => {
    // A little slow per message, so the kill lands mid-queue.
    sink = await startSmtpSink();
    t = await startTestApp({ env: { MAIL_DOMAIN: DOMAIN } });
    const notifications = t.app.get(NotificationsService);
    const users: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM users WHERE deactivated_at IS NULL ORDER BY email`,
    );
    await t.dataSource.transaction((manager) =>
      notifications.addMany(
        manager,
        Array.from({ length: TOTAL }, (_, i) => ({
          userId: users[i % users.length].id,
          kind: NotificationKind.SURVEY_INVITATION,
          message: `Queued ${i}`,
          params: { title: `Queued ${i}`, closesAt: new Date().toISOString() },
          createdAt: new Date(),
        })),
      ),
    );
  });
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  function worker(): ChildProcess {
    return spawn(process.execPath, ['-r', '@swc-node/register', 'apps/worker/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: t.databaseUrl,
        JWT_SECRET: 'e2e-secret-that-is-long-enough-for-production-checks',
        LOG_LEVEL: 'silent',
        WORKER_POLL_SECONDS: '1',
        MAIL_CLAIM_SECONDS: '3',
        MAIL_DOMAIN: DOMAIN,
        SMTP_URL: sink.url,
      },
      stdio: 'ignore',
    });
  }

  const stop = (child: ChildProcess, signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill(signal);
    });

  it('delivers each of 500 queued messages exactly once', async () => {
    // Three workers killed one after another, each once it has sent some: every kill lands
    // somewhere in a message's exchange (before its dot, at it, after it).
    for (const sentBefore of [60, 160, 260]) {
      const doomed = worker();
      await waitUntil(
        () => sink.messages.length >= sentBefore,
        `${sentBefore} deliveries`,
        60_000,
        5,
      );
      await stop(doomed, 'SIGKILL');
    }
    expect(sink.messages.length).toBeLessThan(TOTAL);

    const last = worker();
    await waitUntil(
      async () =>
        (
          await t.dataSource.query(
            `SELECT count(*)::int AS n FROM mail_messages WHERE status <> 'SENT'`,
          )
        )[0].n === 0,
      'every message sent',
      120_000,
      100,
    );
    // A graceful stop finishes the message in flight (its final dot and the server's reply)
    // before the process exits; after that nothing can be sent, so a duplicate would show.
    await stop(last, 'SIGTERM');

    const ids = sink.messages.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(TOTAL);
    const rows: { message_id: string }[] = await t.dataSource.query(
      `SELECT message_id FROM mail_messages`,
    );
    expect(new Set(rows.map((r) => r.message_id))).toEqual(new Set(ids));
  }, 180_000);
});
