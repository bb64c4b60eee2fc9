import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Priority, ServiceEntity } from '@intradesk/catalog';
import { DepartmentEntity, RelationshipType, UserEntity } from '@intradesk/organization';
import { RequestStatus } from './request-status.enum';

// The text the `text` filter searches; the query and the index must use this same expression.
export const REQUEST_SEARCH_DOCUMENT = `to_tsvector('simple', number || ' ' || title || ' ' || description)`;

@Entity({ name: 'requests' })
// Full-text search: a GIN index on REQUEST_SEARCH_DOCUMENT, written by hand in the migration.
@Index('ix_requests_search', { synchronize: false })
@Index('uq_requests_supplier_seq', ['supplierId', 'seq'], { unique: true })
@Index('uq_requests_requester_idempotency', ['requesterId', 'idempotencyKey'], {
  unique: true,
  where: 'idempotency_key IS NOT NULL',
})
// Queue and list orderings: newest first within a supplier or a customer, and overall.
@Index('ix_requests_supplier_created', ['supplierId', 'createdAt'])
@Index('ix_requests_customer_created', ['customerId', 'createdAt'])
@Index('ix_requests_created', ['createdAt', 'id'])
@Index('ix_requests_priority_created', ['priority', 'createdAt', 'id'])
@Index('ix_requests_seq', ['seq', 'id'])
// Resolved requests waiting to close by themselves.
@Index('ix_requests_resolved_at', ['resolvedAt'], { where: `status = 'RESOLVED'` })
export class RequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Gap-free per supplier: IT-1, IT-2, ...
  @Column({ type: 'int' })
  seq: number;

  @Index('uq_requests_number', { unique: true })
  @Column({ type: 'varchar', length: 48 })
  number: string;

  @Column({ type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: DepartmentEntity;

  @Column({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: DepartmentEntity;

  @Index('ix_requests_requester_id')
  @Column({ type: 'uuid' })
  requesterId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requester_id' })
  requester?: UserEntity;

  @Index('ix_requests_assignee_id')
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserEntity | null;

  @Index('ix_requests_service_id')
  @Column({ type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => ServiceEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'service_id' })
  service?: ServiceEntity | null;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Index('ix_requests_priority')
  @Column({ type: 'enum', enum: Priority, enumName: 'priority' })
  priority: Priority;

  @Index('ix_requests_status')
  @Column({
    type: 'enum',
    enum: RequestStatus,
    enumName: 'request_status',
    default: RequestStatus.NEW,
  })
  status: RequestStatus;

  // As it was when filed: a later reorganisation does not rewrite history.
  @Index('ix_requests_relationship_type')
  @Column({ type: 'enum', enum: RelationshipType, enumName: 'relationship_type' })
  relationshipType: RelationshipType;

  @Column({ type: 'varchar', length: 100, nullable: true })
  idempotencyKey: string | null;

  // The id a request had in the system it was imported from.
  @Index('uq_requests_external_ref', { unique: true, where: 'external_ref IS NOT NULL' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  externalRef: string | null;

  // SHA-256 of the creation payload, to tell a retry from a different request under one key.
  @Column({ type: 'varchar', length: 64, nullable: true })
  payloadHash: string | null;

  // Millisecond precision, so cursors round-trip exactly through JavaScript dates.
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  firstRespondedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  cancelledAt: Date | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}
