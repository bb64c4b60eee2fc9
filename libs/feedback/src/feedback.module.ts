import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationsModule } from '@intradesk/notifications';
import { OrganizationModule } from '@intradesk/organization';
import { RequestsModule } from '@intradesk/requests';
import { KudosEntity } from './kudos/kudos.entity';
import { KudosService } from './kudos/kudos.service';
import { RatingsService } from './ratings/ratings.service';
import { RequestRatingEntity } from './ratings/request-rating.entity';
import { SurveyAnswerEntity } from './surveys/survey-answer.entity';
import { SurveyInvitationEntity } from './surveys/survey-invitation.entity';
import { SurveyRoundEntity } from './surveys/survey-round.entity';
import { SurveySealJob } from './surveys/survey-seal.job';
import { SurveysService } from './surveys/surveys.service';

export const feedbackEntities = [
  RequestRatingEntity,
  KudosEntity,
  SurveyRoundEntity,
  SurveyInvitationEntity,
  SurveyAnswerEntity,
];

@Module({
  imports: [
    TypeOrmModule.forFeature(feedbackEntities),
    OrganizationModule,
    RequestsModule,
    NotificationsModule,
  ],
  providers: [RatingsService, KudosService, SurveysService, SurveySealJob],
  exports: [RatingsService, KudosService, SurveysService, SurveySealJob],
})
export class FeedbackModule {}
