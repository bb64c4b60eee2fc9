import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Priority, ServiceEntity } from '@intradesk/catalog';
import { DepartmentEntity, RelationshipType } from '@intradesk/organization';
import { BusinessCalendarEntity } from '../calendars/business-calendar.entity';
import { CalendarMode } from './calendar-mode.enum';

// An OLA: targets in business minutes for the requests it matches (null matchers mean "any").
@Entity({ name: 'sla_policies' })
@Index('ix_sla_policies_supplier', ['supplierId'])
export class SlaPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  supplierId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: DepartmentEntity | null;

  @Column({ type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => ServiceEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'service_id' })
  service?: ServiceEntity | null;

  @Column({ type: 'uuid', nullable: true })
  customerId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'customer_id' })
  customer?: DepartmentEntity | null;

  @Column({ type: 'enum', enum: RelationshipType, enumName: 'relationship_type', nullable: true })
  relationshipType: RelationshipType | null;

  @Column({ type: 'enum', enum: Priority, enumName: 'priority', nullable: true })
  priority: Priority | null;

  @Column({ type: 'int' })
  firstResponseMinutes: number;

  @Column({ type: 'int' })
  resolutionMinutes: number;

  // An explicit calendar wins over calendarMode.
  @Column({ type: 'uuid', nullable: true })
  calendarId: string | null;

  @ManyToOne(() => BusinessCalendarEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: BusinessCalendarEntity | null;

  @Column({
    type: 'enum',
    enum: CalendarMode,
    enumName: 'calendar_mode',
    default: CalendarMode.SUPPLIER,
  })
  calendarMode: CalendarMode;

  @Column({ type: 'int', default: 80 })
  warnAtPercent: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
