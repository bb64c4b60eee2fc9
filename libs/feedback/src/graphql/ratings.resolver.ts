import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  Loaders,
  PageArgs,
  RequestLoaders,
  connectionOf,
} from '@intradesk/core';
import { OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { RequestModel } from '@intradesk/requests';
import { maySeeQualityRating } from '../feedback.policy';
import { RatingSide } from '../ratings/rating-side.enum';
import { RatingsService } from '../ratings/ratings.service';
import { FeedbackLoaderFactory } from './feedback.loaders';
import { PendingRatingConnection, RateRequestArgs, RatingModel } from './rating.model';

@Resolver(() => RatingModel)
export class RatingsResolver {
  constructor(
    private readonly ratings: RatingsService,
    private readonly organizationLoaders: OrganizationLoaderFactory,
  ) {}

  @Mutation(() => RatingModel, {
    description:
      'The customer department rates a resolved request (1-5); a second call updates the rating',
  })
  async rateRequest(
    @CurrentUser() user: AuthUser,
    @Args() args: RateRequestArgs,
  ): Promise<RatingModel> {
    return RatingModel.from(await this.ratings.rate(user, { ...args, side: RatingSide.CUSTOMER }));
  }

  @Mutation(() => RatingModel, {
    description:
      "The supplier side rates a resolved request's quality (1-5: was it clear and complete?)",
  })
  async rateRequestQuality(
    @CurrentUser() user: AuthUser,
    @Args() args: RateRequestArgs,
  ): Promise<RatingModel> {
    return RatingModel.from(await this.ratings.rate(user, { ...args, side: RatingSide.SUPPLIER }));
  }

  @Query(() => PendingRatingConnection, {
    description: 'Resolved requests the caller filed that still wait for a rating, oldest first',
  })
  async pendingRatings(
    @CurrentUser() user: AuthUser,
    @Args() args: PageArgs,
  ): Promise<PendingRatingConnection> {
    return connectionOf(
      args,
      (size, after) => this.ratings.pendingFor(user, size, after),
      (request) => ({
        request: RequestModel.from(request),
        rateBy: this.ratings.rateBy(request)!,
      }),
    );
  }

  @ResolveField(() => UserModel, { nullable: true })
  rater(@Parent() rating: RatingModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).userById.load(rating.raterId);
  }
}

@Resolver(() => RequestModel)
export class RequestFeedbackResolver {
  constructor(private readonly feedbackLoaders: FeedbackLoaderFactory) {}

  @ResolveField(() => RatingModel, {
    nullable: true,
    description: "The customer's rating, once given",
  })
  async rating(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    const ratings = await loaders.get(this.feedbackLoaders).ratingsByRequestId.load(request.id);
    return ratings.CUSTOMER ?? null;
  }

  @ResolveField(() => RatingModel, {
    nullable: true,
    description:
      "The supplier's rating of the request's quality; shown to the supplier side and operations only",
  })
  async qualityRating(
    @Parent() request: RequestModel,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ) {
    if (!maySeeQualityRating(user, request)) return null;
    const ratings = await loaders.get(this.feedbackLoaders).ratingsByRequestId.load(request.id);
    return ratings.SUPPLIER ?? null;
  }
}
