import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, AuthUser, DomainException, TimeSource } from '@intradesk/core';
import { replyTokenOf, verifyReplyToken } from '@intradesk/notifications';
import { DepartmentEntity, toAuthUser, UserEntity } from '@intradesk/organization';
import {
  AttachmentsService,
  RequestCommentsService,
  RequestFilingService,
} from '@intradesk/requests';
import { Attachment, simpleParser, ParsedMail } from 'mailparser';
import { convert } from 'html-to-text';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { InboundMailCounter } from './inbound-mail-counter';
import { InboundMailReceiptEntity } from './inbound-mail-receipt.entity';
import { AcceptedOutcome, DropReason, InboundOutcome } from './inbound-outcome';
import { loopReason } from './loop-detection';
import { RepliedMessages } from './replied-messages';
import { replyTextOf } from './reply-text';

const DAY_MS = 24 * 60 * 60 * 1000;
const TITLE_MAX = 200;
const BODY_MAX = 20_000;

// What a desk address at MAIL_DOMAIN stands for.
export type DeskAddress =
  | { kind: 'reply'; address: string; messageId: string }
  | { kind: 'department'; address: string; department: DepartmentEntity };

export interface InboundEnvelope {
  mailFrom: string | null;
  recipients: string[];
  remoteAddress?: string;
}

export interface RecipientResult {
  recipient: string;
  outcome: InboundOutcome;
  requestId?: string;
  commentId?: string;
}

// Turns an incoming message into comments and requests through the desk's own paths
// (RequestCommentsService.addCommentIn, RequestFilingService.createIn: every rule, clock and
// notification of the web app applies), or drops it with a log line and a count.
@Injectable()
export class InboundMailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly time: TimeSource,
    private readonly comments: RequestCommentsService,
    private readonly filing: RequestFilingService,
    private readonly attachments: AttachmentsService,
    private readonly replied: RepliedMessages,
    private readonly counter: InboundMailCounter,
  ) {}

  private readonly logger = new Logger(InboundMailService.name);

  // RCPT TO: what a recipient address is, or why it is refused (then nothing is read from the
  // database for a forged token).
  async classifyRecipient(raw: string): Promise<DeskAddress | DropReason> {
    const address = raw.trim().toLowerCase();
    const at = address.lastIndexOf('@');
    if (at < 1 || address.slice(at + 1) !== this.config.MAIL_DOMAIN.toLowerCase()) {
      return DropReason.RELAY_DENIED;
    }
    const token = replyTokenOf(address, this.config.MAIL_DOMAIN);
    if (token !== null) {
      const messageId = verifyReplyToken(this.config.mailReplySecret, token);
      return messageId ? { kind: 'reply', address, messageId } : DropReason.FORGED_TOKEN;
    }
    if (address.startsWith('reply+')) return DropReason.FORGED_TOKEN;
    const code = address.slice(0, at).toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9_-]{0,31}$/.test(code)) return DropReason.UNKNOWN_RECIPIENT;
    const department = await this.dataSource
      .getRepository(DepartmentEntity)
      .findOneBy({ code, archivedAt: IsNull() });
    return department ? { kind: 'department', address, department } : DropReason.UNKNOWN_RECIPIENT;
  }

  // Counts and logs a refusal made by the SMTP layer (RCPT, size, network).
  async refused(reason: DropReason, details: Record<string, unknown>): Promise<void> {
    this.logger.warn(`incoming mail refused: ${describe({ reason, ...details })}`);
    await this.counter.add(reason, this.time.now());
  }

  // After DATA: each accepted recipient's result. Throws only for failures worth a retry by the
  // sending server (the database is down): those get a 4xx.
  async deliver(raw: Buffer, envelope: InboundEnvelope): Promise<RecipientResult[]> {
    let parsed: ParsedMail;
    try {
      parsed = await simpleParser(raw, {
        skipHtmlToText: true,
        skipTextToHtml: true,
        skipTextLinks: true,
        skipImageLinks: true,
      });
    } catch (error) {
      return this.dropAll(envelope, DropReason.UNPARSABLE, { error: String(error) });
    }
    const from = parsed.from?.value[0]?.address?.trim().toLowerCase() ?? null;
    const messageId =
      parsed.messageId?.trim() || `sha256:${createHash('sha256').update(raw).digest('hex')}`;
    const context = { messageId, from, mailFrom: envelope.mailFrom, ip: envelope.remoteAddress };

    const loop = loopReason({
      envelopeFrom: envelope.mailFrom,
      headers: parsed.headers as Map<string, unknown>,
      fromAddress: from,
    });
    if (loop) return this.dropAll(envelope, loop, context);
    if (!from) return this.dropAll(envelope, DropReason.UNKNOWN_SENDER, context);
    // The desk's own mail come back (a forward rule, a list): never answer it. Its From and its
    // Message-IDs (<id@MAIL_DOMAIN>) are at MAIL_DOMAIN.
    const deskDomain = `@${this.config.MAIL_DOMAIN.toLowerCase()}`;
    if (
      from.endsWith(deskDomain) ||
      messageId.toLowerCase().replace(/>$/, '').endsWith(deskDomain)
    ) {
      return this.dropAll(envelope, DropReason.OWN_ADDRESS, context);
    }
    const sender = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.email = :email', { email: from })
      .getOne();
    if (!sender) return this.dropAll(envelope, DropReason.UNKNOWN_SENDER, context);
    if (sender.deactivatedAt) {
      return this.dropAll(envelope, DropReason.DEACTIVATED_SENDER, context);
    }
    const actor = toAuthUser(sender);

    const results: RecipientResult[] = [];
    for (const recipient of envelope.recipients) {
      const target = await this.classifyRecipient(recipient);
      const result =
        typeof target === 'string'
          ? { recipient, outcome: target }
          : target.kind === 'reply'
            ? await this.reply(actor, target, parsed, messageId)
            : await this.newRequest(actor, target, parsed, messageId);
      await this.record(result, context);
      results.push(result);
    }
    return results;
  }

  private async reply(
    actor: AuthUser,
    target: Extract<DeskAddress, { kind: 'reply' }>,
    parsed: ParsedMail,
    messageId: string,
  ): Promise<RecipientResult> {
    const recipient = target.address;
    const answered = await this.replied.find(target.messageId);
    const now = this.time.now();
    if (
      !answered ||
      now.getTime() - answered.createdAt.getTime() > this.config.MAIL_REPLY_TOKEN_DAYS * DAY_MS
    ) {
      return { recipient, outcome: DropReason.EXPIRED_TOKEN };
    }
    // The author is the person the notification went to, and only they may answer through it
    // (a forwarded notification's Reply-To must not let someone else speak for them).
    if (answered.recipientUserId !== actor.id) {
      return { recipient, outcome: DropReason.SENDER_MISMATCH };
    }
    if (!answered.requestId) return { recipient, outcome: DropReason.NO_REQUEST };
    const requestId = answered.requestId;
    const files = filesOf(parsed);
    const text = clip(replyTextOf({ text: parsed.text, html: parsed.html || null }), BODY_MAX);
    if (text === '' && files.length === 0) return { recipient, outcome: DropReason.EMPTY };
    // A comment has a body: a reply of files only is named by them.
    const body = text || files.map((file) => `📎 ${file.filename ?? 'attachment'}`).join('\n');
    const dropped: string[] = [];
    const result = await this.once(recipient, messageId, actor, async (manager) => {
      const comment = await this.comments.addCommentIn(manager, actor, requestId, body, false);
      for (const file of files) {
        if (!(await this.attach(manager, actor, requestId, comment.id, file))) {
          dropped.push(file.filename ?? '(unnamed)');
        }
      }
      return { outcome: AcceptedOutcome.COMMENTED, requestId, commentId: comment.id };
    });
    await this.droppedFiles(recipient, messageId, dropped);
    return result;
  }

  private async newRequest(
    actor: AuthUser,
    target: Extract<DeskAddress, { kind: 'department' }>,
    parsed: ParsedMail,
    messageId: string,
  ): Promise<RecipientResult> {
    const supplier = target.department;
    const text = (parsed.text?.trim() ? parsed.text : parsed.html ? htmlText(parsed.html) : '')
      .replace(/\r\n?/g, '\n')
      .trim();
    const subject = (parsed.subject ?? '').replace(/\s+/g, ' ').trim();
    const title = clip(subject || text.split('\n')[0] || '(no subject)', TITLE_MAX);
    const files = filesOf(parsed);
    const dropped: string[] = [];
    const result = await this.once(target.address, messageId, actor, async (manager) => {
      const serviceId = await this.defaultServiceOf(manager, supplier.id);
      const request = await this.filing.createIn(manager, actor, {
        supplierId: supplier.id,
        serviceId,
        title,
        description: clip(text, BODY_MAX),
      });
      for (const file of files) {
        if (!(await this.attach(manager, actor, request.id, null, file))) {
          dropped.push(file.filename ?? '(unnamed)');
        }
      }
      return { outcome: AcceptedOutcome.FILED, requestId: request.id };
    });
    await this.droppedFiles(target.address, messageId, dropped);
    return result;
  }

  private async droppedFiles(recipient: string, messageId: string, names: string[]) {
    for (const name of names) {
      this.logger.warn(
        `incoming mail attachment dropped: ${describe({ recipient, messageId, file: name })}`,
      );
      await this.counter.add(DropReason.ATTACHMENT_DROPPED, this.time.now());
    }
  }

  // One file of the message onto the new comment (or, for a new request, the request), in its
  // transaction; a file past the attachment limits is left out (under a savepoint, so the
  // comment and the other files stay).
  private async attach(
    manager: EntityManager,
    actor: AuthUser,
    requestId: string,
    commentId: string | null,
    file: Attachment,
  ): Promise<boolean> {
    await manager.query('SAVEPOINT inbound_attachment');
    try {
      const input = {
        requestId,
        uploaderId: actor.id,
        fileName: file.filename,
        bytes: file.content,
      };
      if (commentId) await this.attachments.storeForComment(manager, { ...input, commentId });
      else await this.attachments.storeForRequest(manager, input);
      await manager.query('RELEASE SAVEPOINT inbound_attachment');
      return true;
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT inbound_attachment');
      return false;
    }
  }

  // A supplier's default service: its only active one (with several, the supplier's agents
  // choose; with none, the request has no service).
  private async defaultServiceOf(manager: EntityManager, supplierId: string) {
    const rows: { id: string }[] = await manager.query(
      'SELECT id FROM services WHERE supplier_id = $1 AND active LIMIT 2',
      [supplierId],
    );
    return rows.length === 1 ? rows[0].id : null;
  }

  // Runs the filing in one transaction with the receipt of (Message-ID, address): a second
  // delivery of the same message waits for the first and then files nothing.
  private async once(
    recipient: string,
    messageId: string,
    actor: AuthUser,
    file: (manager: EntityManager) => Promise<Omit<RecipientResult, 'recipient'>>,
  ): Promise<RecipientResult> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const inserted: { id: string }[] = await manager.query(
          `INSERT INTO inbound_mail_receipts (message_id, recipient, outcome, sender_id, received_at)
           VALUES ($1, $2, 'PENDING', $3, $4)
           ON CONFLICT (message_id, recipient) DO NOTHING
           RETURNING id`,
          [messageId, recipient, actor.id, this.time.now()],
        );
        if (inserted.length === 0) return { recipient, outcome: AcceptedOutcome.DUPLICATE };
        const result = await file(manager);
        await manager.update(InboundMailReceiptEntity, inserted[0].id, {
          outcome: result.outcome,
          requestId: result.requestId ?? null,
          commentId: result.commentId ?? null,
        });
        return { recipient, ...result };
      });
    } catch (error) {
      // The desk's rules refused (no department, an archived supplier, a request the sender may
      // not see): the message is dropped, its reason logged; anything else is retried.
      if (error instanceof DomainException) {
        this.logger.warn(
          `incoming mail refused by the desk: ${describe({ recipient, messageId, code: error.code, reason: error.reason, message: error.message })}`,
        );
        return { recipient, outcome: DropReason.REFUSED };
      }
      throw error;
    }
  }

  private async dropAll(
    envelope: InboundEnvelope,
    reason: DropReason,
    context: Record<string, unknown>,
  ): Promise<RecipientResult[]> {
    const results = envelope.recipients.map((recipient) => ({ recipient, outcome: reason }));
    for (const result of results) await this.record(result, context);
    return results;
  }

  private async record(result: RecipientResult, context: Record<string, unknown>) {
    const accepted = Object.values(AcceptedOutcome).includes(result.outcome as AcceptedOutcome);
    const line = { ...context, ...result };
    if (accepted) this.logger.log(`incoming mail accepted: ${describe(line)}`);
    else this.logger.warn(`incoming mail dropped: ${describe(line)}`);
    await this.counter.add(result.outcome, this.time.now());
  }
}

// The message's files, inline images included (a pasted screenshot is one); empty parts and
// the text of attached messages' delivery reports are not files.
function filesOf(parsed: ParsedMail): Attachment[] {
  return parsed.attachments.filter(
    (file) =>
      file.content.length > 0 &&
      !/^message\/(delivery-status|disposition-notification)/i.test(file.contentType),
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

// One log line: key=value pairs, values JSON-quoted when they need it.
function describe(fields: Record<string, unknown>): string {
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => {
      const text = String(value);
      return `${key}=${/^[\w.@+<>:/-]+$/.test(text) ? text : JSON.stringify(text)}`;
    })
    .join(' ');
}

function htmlText(html: string): string {
  return convert(html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] });
}
