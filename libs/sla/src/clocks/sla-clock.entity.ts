import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { SlaPolicyEntity } from '../policies/sla-policy.entity';

export enum SlaClockKind {
  FIRST_RESPONSE = 'FIRST_RESPONSE',
  RESOLUTION = 'RESOLUTION',
}

// One SLA clock of a request. Elapsed working time is kept as `elapsedMs` up to `runningSince`
// (null while paused or stopped); `dueAt` is when a running clock reaches its target.
@Entity({ name: 'sla_clocks' })
@Index('uq_sla_clocks_request_kind', ['requestId', 'kind'], { unique: true })
// Running clocks by due time, per supplier (atRiskRequests) and overall (the breach scan).
@Index('ix_sla_clocks_supplier_due', ['supplierId', 'dueAt'], {
  where: 'running_since IS NOT NULL',
})
@Index('ix_sla_clocks_due', ['dueAt'], { where: 'running_since IS NOT NULL' })
// The worker's scan: what needs attention next (a warning, a breach or an escalation rung).
@Index('ix_sla_clocks_next_check', ['nextCheckAt'], { where: 'next_check_at IS NOT NULL' })
export class SlaClockEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // The request (in the requests lib, which depends on this one: referenced by id and FK only).
  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne('RequestEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: { id: string };

  @Column({ type: 'uuid' })
  supplierId: string;

  @Column({ type: 'enum', enum: SlaClockKind, enumName: 'sla_clock_kind' })
  kind: SlaClockKind;

  @Column({ type: 'uuid' })
  policyId: string;

  @ManyToOne(() => SlaPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'policy_id' })
  policy?: SlaPolicyEntity;

  // The calendar the clock counts in, resolved when it started.
  @Column({ type: 'uuid' })
  calendarId: string;

  @ManyToOne(() => BusinessCalendarEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: BusinessCalendarEntity;

  // With calendar mode BOTH: the customer's calendar; the clock counts only common working time.
  @Column({ type: 'uuid', nullable: true })
  secondCalendarId: string | null;

  @ManyToOne(() => BusinessCalendarEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'second_calendar_id' })
  secondCalendar?: BusinessCalendarEntity | null;

  @Column({ type: 'int' })
  targetMinutes: number;

  @Column({
    type: 'bigint',
    default: 0,
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  elapsedMs: number;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  runningSince: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  dueAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3 })
  startedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  stoppedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  // When elapsed working time first exceeded the target; kept once set.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  breachedAt: Date | null;

  // Share of the target at which the worker warns (from the policy).
  @Column({ type: 'int', default: 80 })
  warnAtPercent: number;

  // When a running clock reaches warnAtPercent of its target; null once past it or halted.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  warnAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  warnedAt: Date | null;

  // When the worker recorded the breach (and started escalating).
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  breachRecordedAt: Date | null;

  // Escalation rungs done: 1 the assignee, 2 the supplier's lead, 3 the lead above both sides.
  @Column({ type: 'int', default: 0 })
  escalationRung: number;

  // The next instant the worker must look at this clock; null when there is nothing to do.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  nextCheckAt: Date | null;
}
