import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Connection } from '@intradesk/core';
import { SurveyRoundEntity } from '../surveys/survey-round.entity';

@ObjectType('SurveyRound')
export class SurveyRoundModel {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field({ description: 'First local date of the period asked about' })
  periodFrom: string;

  @Field({ description: 'Last local date of the period asked about' })
  periodTo: string;

  @Field()
  openedAt: Date;

  @Field()
  closesAt: Date;

  @Field(() => Date, { nullable: true, description: 'Set when the round was closed early' })
  closedAt: Date | null;

  @Field({ description: 'Answers are accepted' })
  open: boolean;

  @Field(() => Int, {
    description: 'SURVEY_MIN_ANSWERS: results of groups with fewer answers are suppressed',
  })
  minAnswers: number;

  static from(entity: SurveyRoundEntity, open: boolean, minAnswers: number): SurveyRoundModel {
    const model = new SurveyRoundModel();
    model.id = entity.id;
    model.title = entity.title;
    model.periodFrom = entity.periodFrom;
    model.periodTo = entity.periodTo;
    model.openedAt = entity.openedAt;
    model.closesAt = entity.closesAt;
    model.closedAt = entity.closedAt;
    model.open = open;
    model.minAnswers = minAnswers;
    return model;
  }
}

@ObjectType('SurveyTask', { description: 'A supplier your department is asked to rate' })
export class SurveyTaskModel {
  @Field(() => SurveyRoundModel)
  round: SurveyRoundModel;

  @Field({ description: 'You answered (you may change your answer while the round is open)' })
  answered: boolean;

  supplierId: string;
}

@ObjectType()
export class SurveyRoundConnection extends Connection(SurveyRoundModel, 'SurveyRound') {}

@ObjectType()
export class SurveyTaskConnection extends Connection(SurveyTaskModel, 'SurveyTask') {}

@ObjectType('SurveyScores', {
  description:
    'Scores of a group of answers; suppressed (all null, no comments) below SURVEY_MIN_ANSWERS answers',
})
export class SurveyScoresModel {
  @Field()
  suppressed: boolean;

  @Field(() => Int, { nullable: true })
  answers: number | null;

  @Field(() => Float, { nullable: true })
  averageScore: number | null;

  @Field(() => [Int], { nullable: true, description: 'Counts of scores 1 to 5, in order' })
  distribution: number[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Average of the 0-10 would-recommend answers',
  })
  averageRecommend: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '% promoters (9-10) minus % detractors (0-6), from -100 to 100',
  })
  netPromoterScore: number | null;

  @Field(() => [String], { description: 'Sorted, unattributed' })
  comments: string[];
}

@ObjectType('SurveyCustomerResult')
export class SurveyCustomerResultModel {
  @Field(() => SurveyScoresModel)
  scores: SurveyScoresModel;

  customerId: string;
}

@ObjectType('SurveySupplierResult')
export class SurveySupplierResultModel {
  @Field(() => SurveyScoresModel)
  overall: SurveyScoresModel;

  @Field(() => [SurveyCustomerResultModel])
  byCustomer: SurveyCustomerResultModel[];

  supplierId: string;
}

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class OpenSurveyRoundInput {
  @Field()
  @IsString()
  @MaxLength(200)
  title: string;

  @Field({ description: 'Local date, e.g. 2026-01-01' })
  @Matches(LOCAL_DATE, { message: 'periodFrom must be a date like 2026-01-01' })
  periodFrom: string;

  @Field({ description: 'Local date, included' })
  @Matches(LOCAL_DATE, { message: 'periodTo must be a date like 2026-03-31' })
  periodTo: string;

  @Field()
  @Type(() => Date)
  @IsDate()
  closesAt: Date;
}

@InputType()
export class AnswerSurveyInput {
  @Field(() => ID)
  @IsUUID()
  roundId: string;

  @Field(() => ID)
  @IsUUID()
  supplierId: string;

  @Field(() => Int, { description: '1 to 5' })
  @IsInt()
  @Min(1)
  @Max(5)
  score: number;

  @Field(() => Int, { description: '0 to 10: would you recommend this supplier?' })
  @IsInt()
  @Min(0)
  @Max(10)
  recommend: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}
