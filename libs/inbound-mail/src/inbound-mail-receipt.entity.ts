import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// One row per incoming message and desk address that filed something: a redelivered message
// (the same Message-ID to the same address) finds its row and files nothing twice. Written in
// the transaction of the comment or request it made.
@Entity({ name: 'inbound_mail_receipts' })
@Index('uq_inbound_mail_receipts_message', ['messageId', 'recipient'], { unique: true })
export class InboundMailReceiptEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // The Message-ID header, or sha256:<hex of the raw message> when it has none.
  @Column({ type: 'varchar', length: 998 })
  messageId: string;

  // The desk address it was for, lower case.
  @Column({ type: 'varchar', length: 320 })
  recipient: string;

  // COMMENTED or FILED.
  @Column({ type: 'varchar', length: 32 })
  outcome: string;

  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ type: 'uuid', nullable: true })
  commentId: string | null;

  @Column({ type: 'uuid', nullable: true })
  senderId: string | null;

  @Column({ type: 'timestamptz' })
  receivedAt: Date;
}
