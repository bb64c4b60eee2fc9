import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { RequestEntity, RequestStatus } from '@intradesk/requests';

const bigint = {
  to: (v: number) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

// One row per request with everything the reports read: the request's dimensions, its two clocks
// and its ratings and kudos. Kept by PostgreSQL triggers on requests, sla_clocks, request_ratings
// and kudos, in the transaction of each change (see the ReportFacts migration), so reports scan
// one table instead of joining four, and always agree with the raw rows (ReportFactsAudit).
@Entity({ name: 'request_report_facts' })
@Index('ix_report_facts_created', ['createdAt'])
@Index('ix_report_facts_supplier_created', ['supplierId', 'createdAt'])
@Index('ix_report_facts_customer_created', ['customerId', 'createdAt'])
@Index('ix_report_facts_service_created', ['serviceId', 'createdAt'])
export class RequestReportFactEntity {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  @OneToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'uuid' })
  supplierId: string;

  @Column({ type: 'uuid' })
  customerId: string;

  @Column({ type: 'uuid', nullable: true })
  serviceId: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'enum', enum: Priority, enumName: 'priority' })
  priority: Priority;

  @Column({ type: 'enum', enum: RelationshipType, enumName: 'relationship_type' })
  relationshipType: RelationshipType;

  @Column({ type: 'enum', enum: RequestStatus, enumName: 'request_status' })
  status: RequestStatus;

  // The first-response clock (null columns until it exists).
  @Column({ type: 'bigint', nullable: true, transformer: bigint })
  frElapsedMs: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  frRunningSince: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  frDueAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  frStoppedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  frCancelledAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  frBreachedAt: Date | null;

  // The resolution clock.
  @Column({ type: 'bigint', nullable: true, transformer: bigint })
  resElapsedMs: number | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resRunningSince: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resDueAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resStoppedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resCancelledAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resBreachedAt: Date | null;

  // The customer's rating and the supplier's quality rating.
  @Column({ type: 'smallint', nullable: true })
  ratingScore: number | null;

  @Column({ type: 'smallint', nullable: true })
  qualityScore: number | null;

  @Column({ type: 'int', default: 0 })
  kudos: number;
}
