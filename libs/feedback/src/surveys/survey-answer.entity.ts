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

// One person's answer about one supplier in one round. Confidential: no user id is stored, only
// a salted one-way key that lets the same person update their answer while the round is open.
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

  @Column({ type: 'varchar', length: 64 })
  respondentKey: string;

  @Column({ type: 'smallint' })
  score: number;

  // 0-10: would you recommend this supplier to another department?
  @Column({ type: 'smallint' })
  recommend: number;

  @Column({ type: 'text', default: '' })
  comment: string;
}
