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

  // Salt of the respondent keys: answers are tied to a person only through a one-way hash.
  @Column({ type: 'varchar', length: 64 })
  respondentSalt: string;
}
