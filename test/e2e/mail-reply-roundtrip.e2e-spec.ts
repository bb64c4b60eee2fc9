import { InboundSmtpServer } from '@intradesk/inbound-mail';
import { MailDeliveryJob } from '@intradesk/notifications';
import { demoEmail } from '@intradesk/organization';
import { createTransport } from 'nodemailer';
import { departmentIds } from '../factories/organization.factory';
import { ADD_COMMENT, fileRequest, moveTo } from '../factories/requests.factory';
import { freePort } from '../utils/free-port';
import { startSmtpSink, SmtpSink } from '../utils/smtp-sink';
import { startTestApp, TestApp } from '../utils/test-app';

const DOMAIN = 'desk.example.org';

// A small but real PDF (one empty page), with bytes past the header that must survive intact.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n' +
    '%\u00e2\u00e3\u00cf\u00d3 binary tail \u0000\u0001\u00ff',
  'latin1',
);

// The whole loop: the desk mails the member (through a real SMTP sink) that IT needs an answer;
// the member's mail client replies by SMTP to the message's Reply-To, quoting it; the reply is a
// comment without the quote, and the request is back in progress.
describe('a reply to a notification e-mail, end to end', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    port = await freePort();
    t = await startTestApp({
      env: {
        SMTP_URL: sink.url,
        MAIL_DOMAIN: DOMAIN,
        MAIL_FROM: `Intradesk <desk@${DOMAIN}>`,
        INBOUND_SMTP_PORT: String(port),
        INBOUND_SMTP_HOST: '127.0.0.1',
      },
    });
    await t.app.get(InboundSmtpServer).start();
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('turns the member’s reply into their comment and resumes the request', async () => {
    const ids = await departmentIds(t.dataSource);
    const memberEmail = demoEmail('MKT', 'member');
    const member = await t.login(memberEmail);
    const agent = await t.login(demoEmail('IT', 'agent'));
    const filed = await fileRequest(member, ids.IT, { title: 'Docking station' });
    await agent.data(ADD_COMMENT, {
      requestId: filed.id,
      body: 'Which model is it?',
      internal: false,
    });
    const current = await agent.data<{ request: { version: number } }>(
      'query($id: ID!) { request(id: $id) { version } }',
      { id: filed.id },
    );
    await moveTo(agent, { ...filed, ...current.request }, 'WAITING_ON_CUSTOMER');
    await t.app.get(MailDeliveryJob).runUntilIdle();
    const asked = sink.messages.filter(
      (m) => m.envelope.to.includes(memberEmail) && m.parsed.text?.includes('Which model'),
    );
    expect(asked.length).toBeGreaterThan(0);
    const notification = asked[asked.length - 1].parsed;
    const replyTo = notification.replyTo!.value[0].address!;
    expect(replyTo).toMatch(new RegExp(`^reply\\+[a-z2-7]+@${DOMAIN.replace(/\./g, '\\.')}$`));

    // As a mail client replies: Re: subject, threading headers, the original quoted below.
    const smtp = createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
    const quoted = (notification.text ?? '')
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    await smtp.sendMail({
      from: `Marketing Member <${memberEmail}>`,
      to: replyTo,
      subject: `Re: ${notification.subject}`,
      inReplyTo: notification.messageId,
      references: [notification.messageId!],
      text: `It is a Dell WD19.\n\nOn Tue, 1 Dec 2026 at 10:00, Intradesk <${replyTo}> wrote:\n${quoted}\n`,
      attachments: [{ filename: 'invoice.pdf', content: PDF, contentType: 'application/pdf' }],
    });
    smtp.close();

    const request = await member.data<{
      request: {
        status: string;
        comments: {
          body: string;
          internal: boolean;
          author: { email: string };
          attachments: { fileName: string; contentType: string; url: string }[];
        }[];
      };
    }>(
      'query($id: ID!) { request(id: $id) { status comments { body internal author { email } attachments { fileName contentType url } } } }',
      { id: filed.id },
    );
    expect(request.request.status).toBe('IN_PROGRESS');
    const { attachments, ...comment } = request.request.comments.at(-1)!;
    expect(comment).toEqual({
      body: 'It is a Dell WD19.',
      internal: false,
      author: { email: memberEmail },
    });
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({
      fileName: 'invoice.pdf',
      contentType: 'application/pdf',
    });
    // The same bytes on download, for the member and for IT's agent.
    for (const client of [member, agent]) {
      const response = await fetch(`${t.baseUrl}${attachments[0].url}`, {
        headers: { authorization: `Bearer ${client.token}` },
      });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);
    }
  });
});
