import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DepartmentEntity } from '@intradesk/organization';
import { SurveyRoundEntity } from './survey-round.entity';

// A (customer, supplier) pair a round asks about: the customer filed requests with the supplier
// in the round's period.
@Entity({ name: 'survey_invitations' })
@Index('ix_survey_invitations_customer', ['customerId', 'roundId'])
export class SurveyInvitationEntity {
  @PrimaryColumn({ type: 'uuid' })
  roundId: string;

  @ManyToOne(() => SurveyRoundEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'round_id' })
  round?: SurveyRoundEntity;

  @PrimaryColumn({ type: 'uuid' })
  customerId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: DepartmentEntity;

  @PrimaryColumn({ type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => DepartmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: DepartmentEntity;

  // Requests the customer filed with the supplier in the period.
  @Column({ type: 'int' })
  requests: number;
}
