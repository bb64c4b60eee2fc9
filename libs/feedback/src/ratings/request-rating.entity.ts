import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@intradesk/organization';
import { RequestEntity } from '@intradesk/requests';
import { RatingSide } from './rating-side.enum';

// One rating per request and side: the customer's satisfaction, and the supplier's view of how
// clear and complete the request was (two-way feedback).
@Entity({ name: 'request_ratings' })
@Index('uq_request_ratings_request_side', ['requestId', 'side'], { unique: true })
@Index('ix_request_ratings_rater', ['raterId'])
@Check('ck_request_ratings_score', 'score BETWEEN 1 AND 5')
export class RequestRatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  requestId: string;

  @ManyToOne(() => RequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id' })
  request?: RequestEntity;

  @Column({ type: 'enum', enum: RatingSide, enumName: 'rating_side' })
  side: RatingSide;

  @Column({ type: 'uuid' })
  raterId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rater_id' })
  rater?: UserEntity;

  @Column({ type: 'smallint' })
  score: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
