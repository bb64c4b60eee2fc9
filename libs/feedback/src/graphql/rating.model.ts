import { ArgsType, Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString } from 'class-validator';
import { Connection, IdField } from '@intradesk/core';
import { RequestModel } from '@intradesk/requests';
import { RequestRatingEntity } from '../ratings/request-rating.entity';
import { RatingSide } from './feedback.enums';

@ObjectType('Rating')
export class RatingModel {
  @Field(() => ID)
  id: string;

  @Field(() => RatingSide)
  side: RatingSide;

  @Field(() => Int, { description: '1 (very poor) to 5 (excellent)' })
  score: number;

  @Field()
  comment: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  requestId: string;
  raterId: string;

  static from(entity: RequestRatingEntity): RatingModel {
    const model = new RatingModel();
    model.id = entity.id;
    model.side = entity.side;
    model.score = entity.score;
    model.comment = entity.comment;
    model.createdAt = entity.createdAt;
    model.updatedAt = entity.updatedAt;
    model.requestId = entity.requestId;
    model.raterId = entity.raterId;
    return model;
  }
}

@ObjectType('PendingRating', {
  description: 'A resolved request waiting for its requester’s rating',
})
export class PendingRatingModel {
  @Field(() => RequestModel)
  request: RequestModel;

  @Field({ description: 'The rating window closes at this time' })
  rateBy: Date;
}

@ObjectType()
export class PendingRatingConnection extends Connection(PendingRatingModel, 'PendingRating') {}

// rateRequest's and rateRequestQuality's arguments (the score's range is the service's rule).
@ArgsType()
export class RateRequestArgs {
  @IdField()
  requestId: string;

  @Field(() => Int)
  @IsInt()
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  comment?: string | null;
}
