import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DepartmentEntity } from '@intradesk/organization';
import { Priority } from './priority.enum';

@Entity({ name: 'services' })
// Names are unique per supplier regardless of case: a unique index on (supplier_id, lower(name)),
// written by hand in the migration.
@Index('uq_services_supplier_name', { synchronize: false })
@Index('ix_services_supplier_id', ['supplierId'])
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: DepartmentEntity;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'enum', enum: Priority, enumName: 'priority', default: Priority.P3 })
  defaultPriority: Priority;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
