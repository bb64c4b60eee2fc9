import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { SurveyRoundEntity } from './survey-round.entity';

// One person's answer about one supplier in one round. Confidential: no user id and no time is
// stored; while the round is open a keyed one-way respondent key lets the same person change
// their answer. When the round closes the key is dropped and the rows are rewritten with new
// random ids in random order (README, "Survey anonymity").
@Entity({ name: 'survey_answers' })
@Index('uq_survey_answers_respondent', ['roundId', 'supplierId', 'respondentKey'], { unique: true })
@Index('ix_survey_answers_round_supplier_customer', ['roundId', 'supplierId', 'customerId'])
@Check('ck_survey_answers_score', 'score BETWEEN 1 AND 5')
@Check('ck_survey_answers_recommend', 'recommend BETWEEN 0 AND 10')
export class SurveyAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => SurveyRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: SurveyRoundEntity;

  @Column({ type: 'uuid' })
  supplierId: string;

  // The answering department (the invitation's customer).
  @Column({ type: 'uuid' })
  customerId: string;

  // HMAC-SHA256 of the respondent under the round's key; NULL once the round is closed.
  @Column({ type: 'varchar', length: 64, nullable: true })
  respondentKey: string | null;

  @Column({ type: 'smallint' })
  score: number;

  // 0-10: would you recommend this supplier to another department?
  @Column({ type: 'smallint' })
  recommend: number;

  @Column({ type: 'text', default: '' })
  comment: string;
}
