import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum SlaEventKind {
  WARNING = 'WARNING',
  BREACHED = 'BREACHED',
  ESCALATED = 'ESCALATED',
}

// What the worker recorded about a clock. The unique key makes each event exactly-once, even if
// two workers (or a restarted one) reach the same clock.
@Entity({ name: 'sla_events' })
@Index('uq_sla_events_clock_kind_rung', ['clockId', 'kind', 'rung'], { unique: true })
@Index('ix_sla_events_request', ['requestId', 'occurredAt'])
export class SlaEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  clockId: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'enum', enum: SlaEventKind, enumName: 'sla_event_kind' })
  kind: SlaEventKind;

  // Escalation rung (1-3); 0 for warnings and breaches.
  @Column({ type: 'int', default: 0 })
  rung: number;

  @Column({ type: 'uuid', nullable: true })
  recipientId: string | null;

  // The SLA instant it is about (warning time, due time, rung time).
  @Column({ type: 'timestamptz', precision: 3 })
  occurredAt: Date;

  // When the worker recorded it: occurredAt plus the worker's lag.
  @Column({ type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
