import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import { DataSource } from 'typeorm';
import MailComposer from 'nodemailer/lib/mail-composer';
import { DIGEST_KIND, MailStatus } from './mail-message.entity';
import { MailItem, MailRequestFacts, mailLocale, renderMail, RenderedMail } from './mail-templates';
import { replyAddress, signUnsubscribeToken } from './reply-token';
import { SmtpClient, smtpOptions, SmtpSendError } from './smtp-client';

const BATCH = 25;

const MARK_SENT = `UPDATE mail_messages
    SET status = '${MailStatus.SENT}', attempts = attempts + 1, sent_at = $3,
        next_attempt_at = NULL, last_error = NULL,
        to_address = $4, locale = $5, subject = $6, text_body = $7, html_body = $8
  WHERE id = $1 AND claim_token = $2 AND status = '${MailStatus.PENDING}'`;

// The pg client under a TypeORM query runner: its query() writes to the socket at once when the
// connection is idle, which holdSent relies on.
interface PgClient {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

// 30 s after the first failure, doubling, at most 6 h.
export function mailRetryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

// "<request-<id>@domain>": the root every message about one request refers to, so that mail
// clients thread them (whether or not that root was ever received).
export function requestThreadId(requestId: string, mailDomain: string): string {
  return `<request-${requestId}@${mailDomain}>`;
}

interface Claimed {
  id: string;
  kind: string;
  requestId: string | null;
  actorId: string | null;
  recipientId: string;
  params: Record<string, string | null>;
  messageId: string;
  attempts: number;
  createdAt: Date;
}

interface Person {
  id: string;
  email: string;
  name: string;
  locale: string;
  timeZone: string;
  deactivated: boolean;
}

export interface ComposedMail extends RenderedMail {
  to: string;
  locale: string;
  raw: Buffer;
}

// Sends the mail outbox (mail_messages). Claim (one statement: due PENDING rows, FOR UPDATE SKIP
// LOCKED, next attempt pushed to the lease's end and a fresh claim token), render in the
// recipient's language, then over one SMTP session per batch send each message with no lock
// or transaction held while the server reads it. Exactly once: the server takes a message only
// at its final "."; once every byte before it has left the process, the row is set SENT
// (guarded by its claim token) in a transaction whose COMMIT is written in the same tick as the
// dot. A crash before that leaves the message PENDING and undelivered (taken again when the
// lease lapses); after it, both the record and the dot are on their way; a lapsed claim cannot
// send it a second time (its update finds another token). A refusal after the dot turns the row
// back; a session that breaks after the dot with no reply leaves it SENT, with the doubt in
// last_error.
@Injectable()
export class MailSender implements BeforeApplicationShutdown {
  private readonly logger = new Logger(MailSender.name);
  private running: Promise<number> | null = null;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  // One run: claims and sends batches until nothing is due. Returns how many it handled.
  deliverDue(): Promise<number> {
    this.running ??= this.loop().finally(() => (this.running = null));
    return this.running;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.running?.catch(() => undefined);
  }

  private async loop(): Promise<number> {
    let total = 0;
    while (!this.stopping) {
      const batch = await this.claim(BATCH);
      if (batch.claimed.length === 0) break;
      await this.deliver(batch.claimed, batch.token);
      total += batch.claimed.length;
      if (batch.claimed.length < BATCH) break;
    }
    return total;
  }

  private async claim(limit: number): Promise<{ claimed: Claimed[]; token: string }> {
    const now = this.time.now();
    const token = randomUUID();
    const leaseUntil = new Date(now.getTime() + this.config.MAIL_CLAIM_SECONDS * 1000);
    const [rows]: [
      {
        id: string;
        kind: string;
        request_id: string | null;
        actor_id: string | null;
        recipient_user_id: string;
        params: Record<string, string | null>;
        message_id: string;
        attempts: number;
        created_at: Date;
      }[],
      number,
    ] = await this.dataSource.query(
      `UPDATE mail_messages m SET next_attempt_at = $2, claim_token = $4
        WHERE m.id IN (SELECT id FROM mail_messages
                        WHERE status = '${MailStatus.PENDING}' AND next_attempt_at <= $1
                        ORDER BY next_attempt_at, id
                        LIMIT $3
                          FOR UPDATE SKIP LOCKED)
       RETURNING m.id, m.kind, m.request_id, m.actor_id, m.recipient_user_id, m.params,
                 m.message_id, m.attempts, m.created_at`,
      [now, leaseUntil, limit, token],
    );
    const claimed = rows
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        requestId: r.request_id,
        actorId: r.actor_id,
        recipientId: r.recipient_user_id,
        params: r.params ?? {},
        messageId: r.message_id,
        attempts: r.attempts,
        createdAt: r.created_at,
      }))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
    return { claimed, token };
  }

  private async deliver(batch: Claimed[], token: string): Promise<void> {
    const composed = await this.compose(batch);
    let client: SmtpClient | null = null;
    try {
      for (const message of batch) {
        const mail = composed.get(message.id);
        if (!mail) {
          // The recipient is gone or deactivated: nobody to write to.
          await this.fail(message, token, 'the recipient has no active account', true, null);
          continue;
        }
        if (!this.config.SMTP_URL) {
          await this.keepUnsent(message, token, mail);
          continue;
        }
        if (!client || !client.usable) {
          client?.close();
          try {
            client = new SmtpClient({
              ...smtpOptions(
                this.config.SMTP_URL,
                this.config.MAIL_TIMEOUT_SECONDS * 1000,
                this.config.MAIL_DOMAIN,
              ),
              ca: await this.trustedCertificates(),
            });
            await client.open();
          } catch (error) {
            client = null;
            const e =
              error instanceof SmtpSendError
                ? error
                : new SmtpSendError(String((error as Error).message ?? error), false, false);
            // The server is unreachable or refuses us: every message of the batch waits.
            for (const rest of batch.slice(batch.indexOf(message)))
              await this.fail(rest, token, e.message, false, composed.get(rest.id) ?? null);
            return;
          }
        }
        await this.sendOne(client, message, token, mail);
      }
    } finally {
      client?.close();
    }
  }

  // SMTP_TLS_CA_FILE's certificates, read once (a missing file fails each attempt, recorded).
  private trusted: Promise<string> | null = null;
  private trustedCertificates(): Promise<string | undefined> {
    const file = this.config.SMTP_TLS_CA_FILE;
    if (!file) return Promise.resolve(undefined);
    this.trusted ??= readFile(file, 'utf8').catch((error: Error) => {
      this.trusted = null;
      throw new Error(`SMTP_TLS_CA_FILE cannot be read: ${error.message}`);
    });
    return this.trusted;
  }

  private async sendOne(
    client: SmtpClient,
    message: Claimed,
    token: string,
    mail: ComposedMail,
  ): Promise<void> {
    // The COMMIT of "sent", started with the dot.
    const sent: { commit: Promise<boolean> | null } = { commit: null };
    const committed = async () => (sent.commit ? sent.commit.catch(() => false) : false);
    try {
      const reply = await client.send(
        { from: envelopeAddress(this.config.mailFrom), to: [mail.to] },
        mail.raw,
        async () => {
          const commit = await this.holdSent(message, token, mail);
          return commit && (() => void (sent.commit = commit()));
        },
      );
      if (reply === null) {
        this.logger.warn(`mail ${message.id}: claim lapsed before sending; left to its new holder`);
        return;
      }
      if (!(await committed())) {
        // The server took it but the COMMIT failed: record it now rather than send it twice.
        this.logger.error(
          `mail ${message.id}: delivered, but recording it failed; recording again`,
        );
        await this.markSent(message, token, mail);
      }
    } catch (error) {
      const e =
        error instanceof SmtpSendError ? error : new SmtpSendError(String(error), false, false);
      if ((await committed()) && e.afterData && !e.replied) {
        // The dot went out and no answer came: most likely delivered; sending it again could
        // double it. Kept SENT, with the doubt recorded for administrators.
        await this.dataSource.query(
          `UPDATE mail_messages SET last_error = $3 WHERE id = $1 AND claim_token = $2`,
          [
            message.id,
            token,
            `no reply after the message was handed over: ${e.message}`.slice(0, 500),
          ],
        );
        return;
      }
      await this.fail(message, token, e.message, e.permanent, mail);
    }
  }

  // Before the final dot: the row SENT in a transaction left open (the row locked, so a lapsed
  // claim's new holder skips it), and a commit that writes COMMIT to PostgreSQL's socket at once,
  // in the same tick as the dot. So a crash before it leaves the message PENDING and undelivered,
  // and after it both the record and the dot have left the process. Null when the claim no
  // longer holds.
  private async holdSent(
    message: Claimed,
    token: string,
    mail: ComposedMail,
  ): Promise<(() => Promise<boolean>) | null> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PgClient;
    let held = false;
    try {
      await client.query('BEGIN');
      const { rowCount } = await client.query(MARK_SENT, this.sentValues(message, token, mail));
      if (rowCount !== 1) {
        await client.query('ROLLBACK');
        return null;
      }
      held = true;
      return () =>
        client
          .query('COMMIT')
          .then(
            () => true,
            (error: Error) => {
              this.logger.error(`mail ${message.id}: COMMIT failed: ${error.message}`);
              return false;
            },
          )
          .finally(() => runner.release());
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      if (!held) await runner.release();
    }
  }

  // SENT in a statement of its own, only while this claim holds.
  private async markSent(message: Claimed, token: string, mail: ComposedMail): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      MARK_SENT,
      this.sentValues(message, token, mail),
    );
    return affected === 1;
  }

  private sentValues(message: Claimed, token: string, mail: ComposedMail): unknown[] {
    return [
      message.id,
      token,
      this.time.now(),
      mail.to,
      mail.locale,
      mail.subject,
      mail.text,
      mail.html,
    ];
  }

  private async keepUnsent(message: Claimed, token: string, mail: ComposedMail): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_messages
          SET status = '${MailStatus.NOT_SENT}', next_attempt_at = NULL,
              last_error = 'SMTP_URL is not set',
              to_address = $3, locale = $4, subject = $5, text_body = $6, html_body = $7
        WHERE id = $1 AND claim_token = $2 AND status = '${MailStatus.PENDING}'`,
      [message.id, token, mail.to, mail.locale, mail.subject, mail.text, mail.html],
    );
  }

  // A failed attempt: due again after the backoff, or FAILED for good. Also undoes a SENT that
  // the server then refused (or that never reached the dot).
  private async fail(
    message: Claimed,
    token: string,
    error: string,
    permanent: boolean,
    mail: ComposedMail | null,
  ): Promise<void> {
    const attempts = message.attempts + 1;
    const failed = permanent || attempts >= this.config.MAIL_MAX_ATTEMPTS;
    const now = this.time.now();
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE mail_messages
          SET status = $3, attempts = $4, last_error = $5, next_attempt_at = $6, sent_at = NULL,
              to_address = COALESCE($7, to_address), locale = COALESCE($8, locale),
              subject = COALESCE($9, subject), text_body = COALESCE($10, text_body),
              html_body = COALESCE($11, html_body)
        WHERE id = $1 AND claim_token = $2
          AND status IN ('${MailStatus.PENDING}', '${MailStatus.SENT}')`,
      [
        message.id,
        token,
        failed ? MailStatus.FAILED : MailStatus.PENDING,
        attempts,
        error.slice(0, 500),
        failed ? null : new Date(now.getTime() + mailRetryDelayMs(attempts)),
        mail?.to ?? null,
        mail?.locale ?? null,
        mail?.subject ?? null,
        mail?.text ?? null,
        mail?.html ?? null,
      ],
    );
    if (affected === 1 && failed)
      this.logger.warn(`mail ${message.id} failed for good after ${attempts} attempt(s): ${error}`);
  }

  // Renders a batch: its people and requests in two statements (digests add one for their items).
  async compose(batch: Claimed[]): Promise<Map<string, ComposedMail>> {
    const digestIds = batch.filter((m) => m.kind === DIGEST_KIND).map((m) => m.id);
    const items: {
      digest_id: string;
      kind: string;
      request_id: string | null;
      actor_id: string | null;
      params: Record<string, string | null>;
    }[] = digestIds.length
      ? await this.dataSource.query(
          `SELECT digest_id, kind, request_id, actor_id, params FROM mail_messages
            WHERE digest_id = ANY($1::uuid[]) ORDER BY created_at, id`,
          [digestIds],
        )
      : [];
    const userIds = new Set<string>();
    const requestIds = new Set<string>();
    for (const m of batch) {
      userIds.add(m.recipientId);
      if (m.actorId) userIds.add(m.actorId);
      if (m.requestId) requestIds.add(m.requestId);
    }
    for (const i of items) {
      if (i.actor_id) userIds.add(i.actor_id);
      if (i.request_id) requestIds.add(i.request_id);
    }
    const people: {
      id: string;
      email: string;
      name: string;
      locale: string;
      time_zone: string | null;
      deactivated: boolean;
    }[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.name, u.locale, d.time_zone, u.deactivated_at IS NOT NULL AS deactivated
         FROM users u LEFT JOIN departments d ON d.id = u.department_id
        WHERE u.id = ANY($1::uuid[])`,
      [[...userIds]],
    );
    const requests: {
      id: string;
      number: string;
      title: string;
      status: string;
      supplier_name: string;
      customer_name: string;
    }[] = requestIds.size
      ? await this.dataSource.query(
          `SELECT r.id, r.number, r.title, r.status, s.name AS supplier_name, c.name AS customer_name
             FROM requests r
             JOIN departments s ON s.id = r.supplier_id
             JOIN departments c ON c.id = r.customer_id
            WHERE r.id = ANY($1::uuid[])`,
          [[...requestIds]],
        )
      : [];
    const personById = new Map<string, Person>(
      people.map((p) => [
        p.id,
        {
          id: p.id,
          email: p.email,
          name: p.name,
          locale: p.locale,
          timeZone: p.time_zone ?? 'UTC',
          deactivated: p.deactivated,
        },
      ]),
    );
    const requestById = new Map<string, MailRequestFacts>(
      requests.map((r) => [
        r.id,
        {
          number: r.number,
          title: r.title,
          status: r.status,
          supplierName: r.supplier_name,
          customerName: r.customer_name,
        },
      ]),
    );
    const item = (
      kind: string,
      requestId: string | null,
      actorId: string | null,
      params: Record<string, string | null>,
    ): MailItem => ({
      kind,
      actorName: actorId ? (personById.get(actorId)?.name ?? null) : null,
      request: requestId ? (requestById.get(requestId) ?? null) : null,
      params: params ?? {},
    });
    const out = new Map<string, ComposedMail>();
    for (const m of batch) {
      const recipient = personById.get(m.recipientId);
      if (!recipient || recipient.deactivated) continue;
      const locale = mailLocale(recipient.locale);
      const rendered = renderMail({
        ...item(m.kind, m.requestId, m.actorId, m.params),
        locale,
        recipientName: recipient.name,
        timeZone: recipient.timeZone,
        publicUrl: this.config.publicUrl,
        items: items
          .filter((i) => i.digest_id === m.id)
          .map((i) => item(i.kind, i.request_id, i.actor_id, i.params)),
      });
      out.set(m.id, {
        ...rendered,
        to: recipient.email,
        locale,
        raw: await this.build(m, recipient, rendered),
      });
    }
    return out;
  }

  private build(m: Claimed, recipient: Person, mail: RenderedMail): Promise<Buffer> {
    const domain = this.config.MAIL_DOMAIN;
    const thread = m.requestId ? requestThreadId(m.requestId, domain) : undefined;
    const composer = new MailComposer({
      from: this.config.mailFrom,
      to: { name: recipient.name, address: recipient.email },
      replyTo: replyAddress(this.config.mailReplySecret, m.id, domain),
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: m.messageId,
      date: m.createdAt,
      ...(thread ? { inReplyTo: thread, references: [thread] } : {}),
      headers: {
        // RFC 3834: no auto-replies to us (and ours are recognisable as automatic).
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
        'X-Intradesk-Kind': m.kind,
        'List-Id': `Intradesk notifications <notifications.${domain}>`,
        // RFC 2369 and RFC 8058: one click (a POST by the mail provider) turns this person's
        // e-mail of this kind off; the link opened in a browser asks first.
        'List-Unsubscribe': `<${unsubscribeLink(this.config.publicUrl, signUnsubscribeToken(this.config.mailReplySecret, recipient.id, m.kind, m.createdAt))}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
    });
    return new Promise((resolve, reject) =>
      composer.compile().build((error, message) => (error ? reject(error) : resolve(message))),
    );
  }

  // Sends until nothing is due (tests, draining).
  async runUntilIdle(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.deliverDue();
      total += n;
      if (n === 0) return total;
    }
  }
}

export function unsubscribeLink(publicUrl: string, token: string): string {
  return `${publicUrl}/mail/unsubscribe?token=${token}`;
}

// The bare address of "Name <address>" (the SMTP envelope's MAIL FROM).
function envelopeAddress(from: string): string {
  const match = /<([^<>]+)>\s*$/.exec(from);
  return (match ? match[1] : from).trim();
}
