import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@intradesk/organization';
import { RequestEntity } from '../requests/request.entity';
import { HistoryKind } from './history-kind.enum';

// Append-only audit trail: one row per change, written in the change's transaction.
@Entity({ name: 'request_history' })
@Index('ix_request_history_request', ['requestId', 'id'])
export class HistoryEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  // Null for changes made by the system (e.g. closing resolved requests).
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'actor_id' })
  actor?: UserEntity | null;

  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;

  @Column({ type: 'enum', enum: HistoryKind, enumName: 'history_kind' })
  kind: HistoryKind;

  @Column({ type: 'text', nullable: true })
  fromValue: string | null;

  @Column({ type: 'text', nullable: true })
  toValue: string | null;

  @Column({ type: 'uuid', nullable: true })
  commentId: string | null;

  // Entries about internal notes are hidden from the customer side.
  @Column({ type: 'boolean', default: false })
  internal: boolean;
}
