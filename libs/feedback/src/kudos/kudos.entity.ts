import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DepartmentEntity, UserEntity } from '@intradesk/organization';
import { RequestEntity } from '@intradesk/requests';

// A thank-you for a request, to a person or to a department.
@Entity({ name: 'kudos' })
@Index('ix_kudos_request', ['requestId'])
@Index('ix_kudos_to_user_created', ['toUserId', 'createdAt'])
@Index('ix_kudos_to_department_created', ['toDepartmentId', 'createdAt'])
// One thank-you per giver, request and recipient.
@Index('uq_kudos_giver_request_user', ['fromUserId', 'requestId', 'toUserId'], {
  unique: true,
  where: 'to_user_id IS NOT NULL',
})
@Index('uq_kudos_giver_request_department', ['fromUserId', 'requestId', 'toDepartmentId'], {
  unique: true,
  where: 'to_department_id IS NOT NULL',
})
@Check('ck_kudos_one_recipient', '(to_user_id IS NULL) <> (to_department_id IS NULL)')
export class KudosEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'uuid' })
  fromUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_user_id' })
  fromUser?: UserEntity;

  @Column({ type: 'uuid', nullable: true })
  toUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'to_user_id' })
  toUser?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  toDepartmentId: string | null;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'to_department_id' })
  toDepartment?: DepartmentEntity | null;

  @Column({ type: 'varchar', length: 500 })
  message: string;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
