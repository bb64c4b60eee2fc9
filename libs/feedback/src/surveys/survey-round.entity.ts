import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@intradesk/organization';

// A pulse survey round: every department that filed requests in [periodFrom, periodTo] is asked
// to rate each supplier it used, until closesAt.
@Entity({ name: 'survey_rounds' })
@Index('ix_survey_rounds_closes_at', ['closesAt'])
export class SurveyRoundEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  // Local dates in the organisation's time zone, both included.
  @Column({ type: 'date' })
  periodFrom: string;

  @Column({ type: 'date' })
  periodTo: string;

  @Column({ type: 'timestamptz', precision: 3 })
  openedAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  closesAt: Date;

  // Set when operations closes the round early.
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  closedAt: Date | null;

  @Column({ type: 'uuid' })
  createdById: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity;

  // Random key material of the round's respondent keys, kept only while the round is open: the
  // round's HMAC key is derived from SURVEY_SECRET and it. Destroyed (NULL) when the round closes,
  // so that no one can recompute a respondent key afterwards (README, "Survey anonymity").
  @Column({ type: 'bytea', nullable: true })
  respondentKeyMaterial: Buffer | null;

  // Rounds open when the HMAC keys came in keep their old SHA-256 salt until they close.
  @Column({ type: 'varchar', length: 64, nullable: true })
  legacyRespondentSalt: string | null;
}
