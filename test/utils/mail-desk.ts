import { MailDeliveryJob } from '@intradesk/notifications';
import { departmentIds } from '../factories/organization.factory';
import { SinkMessage, SmtpSink, startSmtpSink } from './smtp-sink';
import { startTestApp, TestApp } from './test-app';

export const MAIL_TEST_DOMAIN = 'desk.example.org';

export interface MailDesk {
  sink: SmtpSink;
  t: TestApp;
  ids: Record<string, string>;
  mail: MailDeliveryJob;
  // The messages the sink got for one address.
  to(email: string): SinkMessage[];
  close(): Promise<void>;
}

// A test app whose worker sends to a real SMTP sink (smtp-server), for the mail specs; env adds
// to or overrides SMTP_URL, MAIL_DOMAIN and PUBLIC_URL.
export async function startMailDesk(env: Record<string, string> = {}): Promise<MailDesk> {
  const sink = await startSmtpSink();
  const t = await startTestApp({
    env: {
      SMTP_URL: sink.url,
      MAIL_DOMAIN: MAIL_TEST_DOMAIN,
      PUBLIC_URL: `https://${MAIL_TEST_DOMAIN}/`,
      ...env,
    },
  });
  return {
    sink,
    t,
    ids: await departmentIds(t.dataSource),
    mail: t.app.get(MailDeliveryJob),
    to: (email) => sink.messages.filter((m) => m.envelope.to.includes(email)),
    async close() {
      await t.close();
      await sink.close();
    },
  };
}
