import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generate } from 'selfsigned';
import { MailDeliveryJob, NotificationKind, NotificationsService } from '@intradesk/notifications';
import { demoEmail } from '@intradesk/organization';
import { startSmtpSink, SmtpSink } from '../utils/smtp-sink';
import { startTestApp, TestApp } from '../utils/test-app';

const DOMAIN = 'desk.example.org';

// The SMTP client's STARTTLS for real: a sink offering STARTTLS with a self-signed certificate
// made here, trusted through SMTP_TLS_CA_FILE; and ?requireTLS=true against a sink without it.
describe('Outgoing e-mail over STARTTLS (a real SMTP sink with a self-signed certificate)', () => {
  let dir: string;
  let caFile: string;
  let tlsSink: SmtpSink;
  let plainSink: SmtpSink;
  let t: TestApp;
  let userId: string;

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keySize: 2048,
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    dir = mkdtempSync(path.join(tmpdir(), 'intradesk-smtp-tls-'));
    caFile = path.join(dir, 'relay.pem');
    writeFileSync(caFile, pems.cert);
    tlsSink = await startSmtpSink({ disabledCommands: [], key: pems.private, cert: pems.cert });
    plainSink = await startSmtpSink();
    t = await startTestApp({ env: { MAIL_DOMAIN: DOMAIN } });
    [{ id: userId }] = await t.dataSource.query(`SELECT id FROM users WHERE email = $1`, [
      demoEmail('FIN', 'member'),
    ]);
  });
  afterAll(async () => {
    await t.close();
    await tlsSink.close();
    await plainSink.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const queue = (title: string) =>
    t.dataSource.transaction((manager) =>
      t.app.get(NotificationsService).add(manager, {
        userId,
        kind: NotificationKind.SURVEY_INVITATION,
        message: title,
        params: { title, closesAt: new Date().toISOString() },
        createdAt: new Date(),
      }),
    );
  const row = async (title: string) =>
    (
      await t.dataSource.query(
        `SELECT status, attempts, sent_at, last_error FROM mail_messages WHERE params->>'title' = $1`,
        [title],
      )
    )[0];
  // A sender with its own SMTP settings over this test's database.
  const sendWith = async (env: Record<string, string>) => {
    const sender = await startTestApp({ sameDatabaseAs: t, env: { MAIL_DOMAIN: DOMAIN, ...env } });
    try {
      await sender.app.get(MailDeliveryJob).runUntilIdle();
    } finally {
      await sender.close();
    }
  };

  it('delivers over STARTTLS to a server whose certificate SMTP_TLS_CA_FILE trusts', async () => {
    await queue('over tls');
    await sendWith({ SMTP_URL: `${tlsSink.url}?requireTLS=true`, SMTP_TLS_CA_FILE: caFile });
    expect(tlsSink.messages).toHaveLength(1);
    expect(tlsSink.messages[0].secure).toBe(true);
    expect(tlsSink.messages[0].parsed.subject).toContain('over tls');
    expect(await row('over tls')).toMatchObject({ status: 'SENT', attempts: 1, last_error: null });
  }, 60_000);

  it('also upgrades without ?requireTLS when the server offers STARTTLS', async () => {
    await queue('offered tls');
    await sendWith({ SMTP_URL: tlsSink.url, SMTP_TLS_CA_FILE: caFile });
    const got = tlsSink.messages.filter((m) => m.parsed.subject?.includes('offered tls'));
    expect(got).toHaveLength(1);
    expect(got[0].secure).toBe(true);
    expect(await row('offered tls')).toMatchObject({ status: 'SENT' });
  }, 60_000);

  it('does not trust that certificate without SMTP_TLS_CA_FILE: nothing is delivered and the message waits', async () => {
    const before = tlsSink.messages.length;
    await queue('untrusted');
    await sendWith({ SMTP_URL: tlsSink.url });
    expect(tlsSink.messages).toHaveLength(before);
    const r = await row('untrusted');
    expect(r).toMatchObject({ status: 'PENDING', attempts: 1, sent_at: null });
    expect(r.last_error).toMatch(/certificate/i);
  }, 60_000);

  it('with ?requireTLS=true, does not deliver to a server that offers no STARTTLS: the message stays queued for a retry, not sent', async () => {
    await queue('require tls');
    await sendWith({ SMTP_URL: `${plainSink.url}?requireTLS=true`, SMTP_TLS_CA_FILE: caFile });
    expect(plainSink.messages).toHaveLength(0);
    const r = await row('require tls');
    expect(r).toMatchObject({ status: 'PENDING', attempts: 1, sent_at: null });
    expect(r.last_error).toMatch(/STARTTLS/i);
  }, 60_000);
});
