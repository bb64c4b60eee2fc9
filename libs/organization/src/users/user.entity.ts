import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VirtualColumn,
} from 'typeorm';
import { Role } from '@intradesk/core';
import { DepartmentEntity } from '../departments/department.entity';

// Search on name and email (users(search:)): a trigram GIN index on USER_SEARCH_TEXT, written by
// hand in the migration.
export const USER_SEARCH_TEXT = `(lower(name) || ' ' || email)`;

@Entity({ name: 'users' })
@Index('ix_users_search', { synchronize: false })
@Index('ix_users_name_id', ['name', 'id'])
@Check('ck_users_email_lower', `email = lower(email)`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  // Stored lower-case, so uniqueness and sign-in are case-insensitive.
  @Index('uq_users_email', { unique: true })
  @Column({ type: 'varchar', length: 320 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  // Null for an invited account that cannot sign in yet.
  @Column({ type: 'varchar', length: 255, nullable: true, select: false })
  passwordHash: string | null;

  // Invited (created by the org-chart import, no password yet): read with every user, never the hash.
  @VirtualColumn({ type: 'boolean', query: (alias) => `SELECT ${alias}.password_hash IS NULL` })
  invited?: boolean;

  @Index('ix_users_department_id')
  @Column({ type: 'uuid', nullable: true })
  departmentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'department_id' })
  department?: DepartmentEntity | null;

  // The web app's language (en, es, it, fa, el): e-mail to them is written in it.
  @Column({ type: 'varchar', length: 5, default: 'en' })
  locale: string;

  @Column({ type: 'enum', enum: Role, enumName: 'user_role', default: Role.MEMBER })
  role: Role;

  // A leaver: cannot sign in, every token refused; their requests and history stay.
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null;

  // Bumped to invalidate every token issued before.
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
