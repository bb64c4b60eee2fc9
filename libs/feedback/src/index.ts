import './graphql/feedback.enums';

export * from './feedback.module';
export * from './feedback-graphql.module';
export * from './feedback.exception';
export * from './feedback.policy';
export * from './ratings/rating-side.enum';
export * from './ratings/request-rating.entity';
export * from './ratings/ratings.service';
export * from './kudos/kudos.entity';
export * from './kudos/kudos.service';
export * from './surveys/survey-round.entity';
export * from './surveys/survey-answer.entity';
export * from './surveys/survey-invitation.entity';
export * from './surveys/surveys.service';
export * from './surveys/survey-seal.job';
export * from './graphql/feedback.loaders';
