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
    });
    smtp.close();

    const request = await member.data<{
      request: {
        status: string;
        comments: { body: string; internal: boolean; author: { email: string } }[];
      };
    }>(
      'query($id: ID!) { request(id: $id) { status comments { body internal author { email } } } }',
      { id: filed.id },
    );
    expect(request.request.status).toBe('IN_PROGRESS');
    expect(request.request.comments.at(-1)).toEqual({
      body: 'It is a Dell WD19.',
      internal: false,
      author: { email: memberEmail },
    });
  });
});
