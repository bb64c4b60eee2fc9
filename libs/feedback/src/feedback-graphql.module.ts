import { Module } from '@nestjs/common';
import { OrganizationGraphqlModule } from '@intradesk/organization';
import { FeedbackModule } from './feedback.module';
import { FeedbackLoaderFactory } from './graphql/feedback.loaders';
import { KudosResolver, RequestKudosResolver } from './graphql/kudos.resolver';
import { RatingsResolver, RequestFeedbackResolver } from './graphql/ratings.resolver';
import {
  SurveyCustomerResultResolver,
  SurveysResolver,
  SurveySupplierResultResolver,
  SurveyTaskResolver,
} from './graphql/surveys.resolver';

export const feedbackResolvers = [
  RatingsResolver,
  RequestFeedbackResolver,
  KudosResolver,
  RequestKudosResolver,
  SurveysResolver,
  SurveyTaskResolver,
  SurveySupplierResultResolver,
  SurveyCustomerResultResolver,
];

@Module({
  imports: [FeedbackModule, OrganizationGraphqlModule],
  providers: [...feedbackResolvers, FeedbackLoaderFactory],
  exports: [FeedbackLoaderFactory],
})
export class FeedbackGraphqlModule {}
