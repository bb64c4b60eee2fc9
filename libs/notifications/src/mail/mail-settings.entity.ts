import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '@intradesk/organization';

// A user's mail settings beyond the per-kind choice (no row: the defaults).
@Entity({ name: 'mail_settings' })
export class MailSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserEntity;

  // The local hour (0-23, in the department's time zone) of the daily digest.
  @Column({ type: 'smallint', default: 8 })
  digestHour: number;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
