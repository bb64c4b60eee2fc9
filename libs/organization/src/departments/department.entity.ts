import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { UserEntity } from '../users/user.entity';

@Entity({ name: 'departments' })
@Check('ck_departments_code_upper', `code = upper(code)`)
@Check('ck_departments_level', `level IS NULL OR level >= 0`)
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Stored upper-case, so uniqueness and look-ups are case-insensitive.
  @Index('uq_departments_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Index('ix_departments_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id' })
  parent?: DepartmentEntity | null;

  // Explicit hierarchical level set by an administrator; null means "use depth".
  @Column({ type: 'int', nullable: true })
  level: number | null;

  @Column({ type: 'int', default: 0 })
  depth: number;

  // Ids from the root down to this department (inclusive): ancestor tests are `id = ANY(path)`.
  @Index('ix_departments_path', { synchronize: false })
  @Column({ type: 'uuid', array: true })
  path: string[];

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  @Column({ type: 'uuid', nullable: true })
  leadId: string | null;

  @ManyToOne('UserEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'lead_id' })
  lead?: UserEntity | null;

  // Its own business calendar; null means the organisation default. The relation is named, not
  // imported: calendars live in the sla lib, which depends on this one.
  @Column({ type: 'uuid', nullable: true })
  calendarId: string | null;

  @ManyToOne('BusinessCalendarEntity', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'calendar_id' })
  calendar?: { id: string } | null;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;

  get effectiveLevel(): number {
    return this.level ?? this.depth;
  }
}
