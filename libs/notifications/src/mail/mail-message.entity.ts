import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@intradesk/organization';

// Where an outgoing message is in its life:
// PENDING: due at next_attempt_at (a claim pushes that to the end of its lease);
// SENT: the SMTP server took it (see MailSender for the order of commit and final dot);
// FAILED: given up (permanent refusal, or MAIL_MAX_ATTEMPTS used), last_error says why;
// NOT_SENT: rendered but no SMTP_URL is set, kept for administrators to read;
// DIGEST_QUEUED: waiting for the recipient's daily digest; DIGESTED: carried by digest_id.
export enum MailStatus {
  PENDING = 'PENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  NOT_SENT = 'NOT_SENT',
  DIGEST_QUEUED = 'DIGEST_QUEUED',
  DIGESTED = 'DIGESTED',
}

// The kind of a digest message (the others are NotificationKinds).
export const DIGEST_KIND = 'DIGEST';

// The outgoing-mail outbox: one row per message and recipient, written in the transaction of the
// event (beside its in-app notification); the worker renders, sends and records it. The id is
// what a reply+<token> address names (Reply-To), message_id its RFC 5322 Message-ID.
@Entity({ name: 'mail_messages' })
// What the sender claims.
@Index('ix_mail_messages_due', ['nextAttemptAt'], { where: `status = 'PENDING'` })
// What the digest job gathers.
@Index('ix_mail_messages_digest_queued', ['recipientUserId', 'createdAt'], {
  where: `status = 'DIGEST_QUEUED'`,
})
// The administrators' list, newest first.
@Index('ix_mail_messages_created', ['createdAt', 'id'])
@Index('ix_mail_messages_digest_id', ['digestId'], { where: 'digest_id IS NOT NULL' })
export class MailMessageEntity {
  // gen_random_uuid(), also called by the outbox's INSERT.
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_mail_messages_recipient')
  @Column({ type: 'uuid' })
  recipientUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recipient_user_id' })
  recipient?: UserEntity;

  // The request it is about (no foreign key: notifications sit beside requests, as
  // notifications.request_id); null for survey invitations and digests.
  @Index('ix_mail_messages_request')
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  // A NotificationKind, or DIGEST_KIND.
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  // Who caused it; null for the system.
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  // What the templates need beyond the request: { message (the in-app text), detail (a comment's
  // body), status, clock, dueAt, title, closesAt }.
  @Column({ type: 'jsonb' })
  params: Record<string, string | null>;

  @Column({ type: 'varchar', length: 20 })
  status: MailStatus;

  // "<id@MAIL_DOMAIN>", set when the row is written.
  @Index('uq_mail_messages_message_id', { unique: true })
  @Column({ type: 'varchar', length: 300 })
  messageId: string;

  // The digest message that carried this item.
  @Column({ type: 'uuid', nullable: true })
  digestId: string | null;

  @ManyToOne(() => MailMessageEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'digest_id' })
  digest?: MailMessageEntity | null;

  // Rendered by the worker (in the recipient's language at that time); null until then.
  @Column({ type: 'varchar', length: 320, nullable: true })
  toAddress: string | null;

  @Column({ type: 'varchar', length: 5, nullable: true })
  locale: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  subject: string | null;

  @Column({ type: 'text', nullable: true })
  textBody: string | null;

  @Column({ type: 'text', nullable: true })
  htmlBody: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextAttemptAt: Date | null;

  // The current claim: only its holder records a result.
  @Column({ type: 'uuid', nullable: true })
  claimToken: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
