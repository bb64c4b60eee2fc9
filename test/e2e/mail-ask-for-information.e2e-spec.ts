import { demoEmail } from '@intradesk/organization';
import { MailDeliveryJob } from '@intradesk/notifications';
import { ADD_COMMENT, FiledRequest, fileRequest, moveTo } from '../factories/requests.factory';
import { MailDesk, startMailDesk } from '../utils/mail-desk';
import { SmtpSink } from '../utils/smtp-sink';
import { startTestApp, TestApp } from '../utils/test-app';
import { GraphqlClient } from '../utils/graphql-client';

const DOMAIN = 'desk.example.org';
const CURRENT = 'query($id: ID!) { request(id: $id) { id version status } }';

// Asking for information is a question (a public comment) and "waiting on the customer": the
// requester gets one e-mail that says what is asked, threaded with the request's others, and
// both notifications in the app, whichever the agent does first.
describe('Asking the customer for information mails them once', () => {
  let desk: MailDesk;
  let sink: SmtpSink;
  let t: TestApp;
  let ids: Record<string, string>;
  let mail: MailDeliveryJob;

  beforeAll(async () => {
    desk = await startMailDesk({ PUBLIC_URL: 'https://desk.example.org' });
    ({ sink, t, ids, mail } = desk);
  });
  afterAll(() => desk.close());

  const to = (email: string) => desk.to(email);
  const wait = async (agent: GraphqlClient, request: FiledRequest) => {
    const current = await agent.data<{ request: { version: number; status: string } }>(CURRENT, {
      id: request.id,
    });
    await moveTo(agent, { ...request, ...current.request }, 'WAITING_ON_CUSTOMER');
  };
  const inApp = async (email: string, requestId: string) =>
    (
      await t.dataSource.query(
        `SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE u.email = $1 AND n.request_id = $2 ORDER BY n.kind`,
        [email, requestId],
      )
    ).map((r: { kind: string }) => r.kind);

  for (const order of ['question first', 'waiting first'] as const) {
    it(`one threaded message with the question (${order}); both notifications in the app`, async () => {
      const email = demoEmail(order === 'question first' ? 'MKT' : 'HR', 'member');
      const member = await t.login(email);
      const agent = await t.login(demoEmail('IT', 'agent'));
      const request = await fileRequest(member, ids.IT, { title: `Docking station (${order})` });
      const question = 'Which model is it, and which port does it use?';
      const ask = () =>
        agent.data(ADD_COMMENT, { requestId: request.id, body: question, internal: false });
      if (order === 'question first') {
        await ask();
        await wait(agent, request);
      } else {
        await wait(agent, request);
        await ask();
      }
      await mail.runUntilIdle();

      const got = to(email);
      expect(got).toHaveLength(1);
      const [m] = got;
      const thread = `<request-${request.id}@${DOMAIN}>`;
      expect(m.parsed.inReplyTo).toBe(thread);
      expect(m.parsed.references).toBe(thread);
      expect(m.parsed.subject).toBe(`[${request.number}] Docking station (${order})`);
      expect(m.parsed.text).toContain('needs your answer: the request is waiting on you');
      expect(m.parsed.text).toContain(`> ${question}`);
      expect(m.parsed.html).toContain(question);
      expect(await inApp(email, request.id)).toEqual([
        'REQUEST_COMMENTED',
        'REQUEST_STATUS_CHANGED',
      ]);

      // The customer's answer and the next question are mails of their own again.
      await member.data(ADD_COMMENT, { requestId: request.id, body: 'A D6000', internal: false });
      await agent.data(ADD_COMMENT, { requestId: request.id, body: 'Thanks', internal: false });
      await mail.runUntilIdle();
      expect(to(email)).toHaveLength(2);
      expect(to(email)[1].parsed.text).toContain('replied:');
    }, 60_000);
  }

  it('with MAIL_GATHER_SECONDS, a delivery run between the two clicks still sends one mail', async () => {
    // An API with the production default's gathering over the same database.
    const gathering = await startTestApp({
      sameDatabaseAs: t,
      env: { SMTP_URL: sink.url, MAIL_DOMAIN: DOMAIN, MAIL_GATHER_SECONDS: '30' },
    });
    try {
      const email = demoEmail('SALES', 'member');
      const member = await gathering.login(email);
      const agent = await gathering.login(demoEmail('IT', 'agent'));
      const deliver = () => gathering.app.get(MailDeliveryJob).runUntilIdle();
      const request = await fileRequest(member, ids.IT, { title: 'Headset' });
      await deliver();
      await agent.data(ADD_COMMENT, {
        requestId: request.id,
        body: 'Wired or not?',
        internal: false,
      });
      // The worker's next run comes before the agent's second click: the question is held.
      await deliver();
      expect(to(email)).toHaveLength(0);
      await wait(agent, request);
      await deliver();
      expect(to(email)).toHaveLength(0);
      const [held] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM mail_messages
          WHERE request_id = $1 AND status = 'PENDING'`,
        [request.id],
      );
      expect(held.n).toBe(1);
      // 30 s later (due now), one mail with the question.
      await t.dataSource.query(
        `UPDATE mail_messages SET next_attempt_at = now() WHERE request_id = $1 AND status = 'PENDING'`,
        [request.id],
      );
      await deliver();
      const got = to(email);
      expect(got).toHaveLength(1);
      expect(got[0].parsed.text).toContain('needs your answer');
      expect(got[0].parsed.text).toContain('> Wired or not?');
    } finally {
      await gathering.close();
    }
  }, 60_000);

  it('a question after the waiting mail has gone out is a mail of its own', async () => {
    const email = demoEmail('FIN', 'member');
    const member = await t.login(email);
    const agent = await t.login(demoEmail('IT', 'agent'));
    const request = await fileRequest(member, ids.IT, { title: 'VPN' });
    await wait(agent, request);
    await mail.runUntilIdle();
    await agent.data(ADD_COMMENT, {
      requestId: request.id,
      body: 'Which client?',
      internal: false,
    });
    await mail.runUntilIdle();
    const got = to(email);
    expect(got).toHaveLength(2);
    expect(got[0].parsed.text).toContain('needs your answer');
    expect(got[0].parsed.text).not.toContain('Which client?');
    expect(got[1].parsed.text).toContain('Which client?');
  }, 60_000);
});
