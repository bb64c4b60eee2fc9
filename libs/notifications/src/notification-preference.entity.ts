import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@intradesk/organization';

// One row per user and kind they changed (no row: the defaults, everything on).
@Entity({ name: 'notification_preferences' })
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  @PrimaryColumn({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'boolean', default: true })
  inApp: boolean;

  // IMMEDIATE, DIGEST or OFF (MailChoice); null: the kind's default.
  @Column({ type: 'varchar', length: 10, nullable: true })
  email: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
