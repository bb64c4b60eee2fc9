import { randomUUID } from 'node:crypto';
import { AppConfig, ManualTimeSource } from '@intradesk/core';
import { InboundMailCounter, InboundMailService, InboundSmtpServer } from '@intradesk/inbound-mail';
import { replyAddress } from '@intradesk/notifications';
import { DEMO_EMAIL_DOMAIN, demoEmail } from '@intradesk/organization';
import { createTransport, Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { departmentIds } from '../factories/organization.factory';
import { fileRequest, moveTo } from '../factories/requests.factory';
import { freePort } from '../utils/free-port';
import { GraphqlClient } from '../utils/graphql-client';
import { startTestApp, TestApp } from '../utils/test-app';

const DOMAIN = 'desk.example.org';
const MAX_BYTES = 64 * 1024;
const DAY = 24 * 3600 * 1000;

// The SMTP receiver end to end: a real SMTP client (nodemailer) talks to the receiver on a
// random port; what it files is read back through GraphQL and SQL.
describe('incoming e-mail', () => {
  const time = new ManualTimeSource(new Date('2026-12-01T10:00:00Z'));
  let t: TestApp;
  let smtp: Transporter;
  let ids: Record<string, string>;
  let member: GraphqlClient;
  let agent: GraphqlClient;
  let memberId: string;
  const memberEmail = demoEmail('MKT', 'member');

  const secret = () => t.app.get(AppConfig).mailReplySecret;
  const counts = () => t.app.get(InboundMailCounter).all();
  const requestsFiled = async () =>
    Number((await t.dataSource.query('SELECT count(*) AS n FROM requests'))[0].n);
  const send = (message: Mail.Options) =>
    smtp.sendMail({ from: memberEmail, subject: 'Hello', text: 'Body', ...message });

  beforeAll(async () => {
    const port = await freePort();
    t = await startTestApp({
      time,
      env: {
        INBOUND_SMTP_PORT: String(port),
        INBOUND_SMTP_HOST: '127.0.0.1',
        INBOUND_MAIL_MAX_BYTES: String(MAX_BYTES),
        MAIL_DOMAIN: DOMAIN,
        MAIL_REPLY_TOKEN_DAYS: '90',
        ATTACHMENT_MAX_BYTES: '8192',
      },
    });
    expect(await t.app.get(InboundSmtpServer).start()).toBe(port);
    smtp = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    ids = await departmentIds(t.dataSource);
    member = await t.login(memberEmail);
    agent = await t.login(demoEmail('IT', 'agent'));
    memberId = (await member.data('{ me { id } }')).me.id;
  });

  afterAll(async () => {
    smtp?.close();
    await t?.close();
  });

  describe('to a department address', () => {
    it('files a request to IT from a known user: subject as title, body as description', async () => {
      const before = await requestsFiled();
      await send({
        to: `IT@${DOMAIN}`,
        subject: 'Printer on floor 3 is jammed',
        text: 'It says paper jam in tray 2.\n\n-- \nMarketing member',
        messageId: '<file-1@mail.example.org>',
        attachments: [{ filename: 'jam.txt', content: 'tray 2, page 3' }],
      });
      const rows = await t.dataSource.query(
        `SELECT r.title, r.description, r.status, r.supplier_id, r.requester_id, r.customer_id
           FROM requests r ORDER BY r.created_at DESC, r.seq DESC LIMIT 1`,
      );
      expect(await requestsFiled()).toBe(before + 1);
      expect(rows[0]).toMatchObject({
        title: 'Printer on floor 3 is jammed',
        status: 'NEW',
        supplier_id: ids.IT,
        requester_id: memberId,
        customer_id: ids.MKT,
      });
      expect(rows[0].description).toContain('It says paper jam in tray 2.');
      // The file is the request's own (on no comment).
      const files = await t.dataSource.query(
        `SELECT a.file_name, a.comment_id FROM attachments a JOIN requests r ON r.id = a.request_id
          WHERE r.title = 'Printer on floor 3 is jammed'`,
      );
      expect(files).toEqual([{ file_name: 'jam.txt', comment_id: null }]);
      // The member sees it as their own request; IT's agent in the queue.
      const mine = await member.data(
        '{ requests(first: 5) { edges { node { title supplier { code } } } } }',
      );
      expect(mine.requests.edges.map((e: any) => e.node.title)).toContain(
        'Printer on floor 3 is jammed',
      );
      expect((await counts()).FILED).toBe(1);
    });

    it("takes the supplier's only service as the request's service", async () => {
      const lead = await t.login(demoEmail('HR', 'lead'));
      const service = await lead.data(
        'mutation($i: CreateServiceInput!) { createService(input: $i) { id } }',
        { i: { supplierId: ids.HR, name: 'Payslip question', defaultPriority: 'P2' } },
      );
      await send({ to: `hr@${DOMAIN}`, subject: 'My payslip', messageId: '<file-hr@x.org>' });
      const [row] = await t.dataSource.query(
        `SELECT service_id, priority FROM requests WHERE title = 'My payslip'`,
      );
      expect(row).toEqual({ service_id: service.createService.id, priority: 'P2' });
    });

    it('files a redelivered message (the same Message-ID) once', async () => {
      const before = await requestsFiled();
      const message = { to: `it@${DOMAIN}`, subject: 'Twice', messageId: '<twice@x.org>' };
      await send(message);
      await send(message);
      expect(await requestsFiled()).toBe(before + 1);
      expect((await counts()).DUPLICATE).toBe(1);
    });

    it.each([
      ['an unknown sender', { from: 'stranger@elsewhere.example' }, 'UNKNOWN_SENDER'],
      [
        'an auto-reply (Auto-Submitted)',
        { headers: { 'Auto-Submitted': 'auto-replied' }, subject: 'Out of office' },
        'AUTO_REPLY',
      ],
      ['an X-Autoreply', { headers: { 'X-Autoreply': 'yes' } }, 'AUTO_REPLY'],
      ['bulk mail', { headers: { Precedence: 'bulk' } }, 'BULK'],
      ['a bounce (null sender)', { envelope: { from: '', to: `it@${DOMAIN}` } }, 'BOUNCE'],
      ['mail from the desk itself', { from: `hr@${DOMAIN}` }, 'OWN_ADDRESS'],
    ])('files nothing for %s, and counts it', async (_what, message, reason) => {
      const before = await requestsFiled();
      const counted = (await counts())[reason] ?? 0;
      await send({ to: `it@${DOMAIN}`, messageId: `<${randomUUID()}@x.org>`, ...message });
      expect(await requestsFiled()).toBe(before);
      expect((await counts())[reason]).toBe(counted + 1);
    });

    it('files nothing for a deactivated user', async () => {
      const email = demoEmail('SALES', 'member');
      await t.dataSource.query('UPDATE users SET deactivated_at = now() WHERE email = $1', [email]);
      const before = await requestsFiled();
      await send({ from: email, to: `it@${DOMAIN}`, messageId: '<gone@x.org>' });
      expect(await requestsFiled()).toBe(before);
      expect((await counts()).DEACTIVATED_SENDER).toBe(1);
    });

    it('refuses at RCPT TO an address outside MAIL_DOMAIN (no open relay) and an unknown one', async () => {
      await expect(send({ to: 'someone@example.com' })).rejects.toMatchObject({
        responseCode: 550,
      });
      await expect(send({ to: `nobody-here@${DOMAIN}` })).rejects.toMatchObject({
        responseCode: 550,
      });
      expect(await counts()).toMatchObject({ RELAY_DENIED: 1, UNKNOWN_RECIPIENT: 1 });
    });

    it('refuses a message over INBOUND_MAIL_MAX_BYTES', async () => {
      const before = await requestsFiled();
      await expect(
        send({ to: `it@${DOMAIN}`, text: 'x'.repeat(MAX_BYTES + 1000) }),
      ).rejects.toMatchObject({ responseCode: 552 });
      expect(await requestsFiled()).toBe(before);
      expect((await counts()).OVERSIZED).toBe(1);
    });
  });

  it('refuses a client outside INBOUND_SMTP_ALLOWED_NETWORKS at connection', async () => {
    const port = await freePort();
    const config = Object.assign(Object.create(AppConfig.prototype), t.app.get(AppConfig), {
      INBOUND_SMTP_PORT: port,
      INBOUND_SMTP_ALLOWED_NETWORKS: '10.0.0.0/8, 192.0.2.7',
    }) as AppConfig;
    const guarded = new InboundSmtpServer(config, t.app.get(InboundMailService));
    await guarded.start();
    const client = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    try {
      const before = await requestsFiled();
      await expect(
        client.sendMail({ from: memberEmail, to: `it@${DOMAIN}`, subject: 'x', text: 'y' }),
      ).rejects.toMatchObject({ responseCode: 554 });
      expect(await requestsFiled()).toBe(before);
      expect((await counts()).NETWORK_DENIED).toBe(1);
    } finally {
      client.close();
      await guarded.stop();
    }
  });

  it('shows administrators the counts (incomingMailCounts), and no other role', async () => {
    const admin = await t.login(`admin@${DEMO_EMAIL_DOMAIN}`);
    const COUNTS = '{ incomingMailCounts { outcome count lastAt } }';
    const { incomingMailCounts } = await admin.data(COUNTS);
    expect(incomingMailCounts).toContainEqual({
      outcome: 'FILED',
      count: 3,
      lastAt: time.now().toISOString(),
    });
    expect(incomingMailCounts.map((c: { outcome: string }) => c.outcome)).toEqual(
      Object.keys(await counts()),
    );
    const ops = await t.login(`ops@${DEMO_EMAIL_DOMAIN}`);
    for (const client of [member, agent, ops]) {
      expect((await client.error(COUNTS)).extensions?.code).toBe('FORBIDDEN');
    }
  });

  describe('a reply to a notification', () => {
    let requestId: string;

    // A notification to the member about the request, as the outgoing-mail outbox writes it.
    const notification = async (recipientUserId: string, createdAt: Date) => {
      const id = randomUUID();
      await t.dataSource.query(
        `INSERT INTO mail_messages (id, recipient_user_id, request_id, kind, params, status, message_id, created_at)
         VALUES ($1, $2, $3, 'STATUS_CHANGED', '{}', 'SENT', $4, $5)`,
        [id, recipientUserId, requestId, `<${id}@${DOMAIN}>`, createdAt],
      );
      return replyAddress(secret(), id, DOMAIN);
    };
    const commentsOf = async () =>
      t.dataSource.query(
        'SELECT author_id, body, internal FROM request_comments WHERE request_id = $1 ORDER BY created_at',
        [requestId],
      );

    beforeAll(async () => {
      const filed = await fileRequest(member, ids.IT, { title: 'Laptop battery' });
      requestId = filed.id;
      const inProgress = await moveTo(agent, filed, 'IN_PROGRESS');
      await moveTo(agent, inProgress, 'WAITING_ON_CUSTOMER');
    });

    it('becomes a public comment by its author without the quote, and resumes the request', async () => {
      const to = await notification(memberId, time.now());
      await send({
        to,
        subject: 'Re: IT-1 is waiting on you',
        text: `The serial number is 5CG1234.\n\nOn Tue, Dec 1, 2026 at 10:00 AM IT <${to}> wrote:\n\n> Could you send the serial number?\n> IT\n`,
        messageId: '<reply-1@mail.example.org>',
      });
      expect(await commentsOf()).toEqual([
        { author_id: memberId, body: 'The serial number is 5CG1234.', internal: false },
      ]);
      const request = await member.data('query($id: ID!) { request(id: $id) { status } }', {
        id: requestId,
      });
      expect(request.request.status).toBe('IN_PROGRESS');
      // Redelivered: still one comment.
      await send({
        to,
        text: 'The serial number is 5CG1234.',
        messageId: '<reply-1@mail.example.org>',
      });
      expect(await commentsOf()).toHaveLength(1);
    });

    it('a reply from someone else than the recipient files nothing', async () => {
      const to = await notification(memberId, time.now());
      await send({ from: demoEmail('IT', 'lead'), to, text: 'Me too', messageId: '<x1@x.org>' });
      expect(await commentsOf()).toHaveLength(1);
      expect((await counts()).SENDER_MISMATCH).toBe(1);
    });

    it('a token older than MAIL_REPLY_TOKEN_DAYS files nothing', async () => {
      const to = await notification(memberId, time.now());
      time.advance(89 * DAY);
      await send({ to, text: 'Still in time', messageId: '<in-time@x.org>' });
      time.advance(2 * DAY);
      await send({ to, text: 'Too late', messageId: '<late@x.org>' });
      expect((await commentsOf()).map((c: { body: string }) => c.body)).toEqual([
        'The serial number is 5CG1234.',
        'Still in time',
      ]);
      expect((await counts()).EXPIRED_TOKEN).toBe(1);
    });

    it('keeps the files within the attachment limit and leaves out a larger one', async () => {
      const to = await notification(memberId, time.now());
      const small = Buffer.from('a small text file\n');
      await send({
        to,
        text: 'Two files',
        messageId: '<files@x.org>',
        attachments: [
          { filename: 'small.txt', content: small },
          { filename: 'big.bin', content: Buffer.alloc(9000, 7) },
        ],
      });
      const [comment] = await t.dataSource.query(
        `SELECT c.id, c.body FROM request_comments c WHERE c.request_id = $1 AND c.body = 'Two files'`,
        [requestId],
      );
      const files = await t.dataSource.query(
        'SELECT file_name, size_bytes FROM attachments WHERE comment_id = $1',
        [comment.id],
      );
      expect(files).toEqual([{ file_name: 'small.txt', size_bytes: small.length }]);
      expect((await counts()).ATTACHMENT_DROPPED).toBe(1);
    });

    it('a forged token is refused at RCPT TO and files nothing', async () => {
      const genuine = replyAddress(secret(), randomUUID(), DOMAIN);
      const forged = genuine.replace(
        /reply\+(.)/,
        (_m, c: string) => `reply+${c === 'a' ? 'b' : 'a'}`,
      );
      const before = (await counts()).FORGED_TOKEN ?? 0;
      await expect(send({ to: forged, text: 'Hi' })).rejects.toMatchObject({ responseCode: 550 });
      await expect(send({ to: `reply+abc@${DOMAIN}`, text: 'Hi' })).rejects.toMatchObject({
        responseCode: 550,
      });
      expect((await counts()).FORGED_TOKEN).toBe(before + 2);
    });
  });
});
