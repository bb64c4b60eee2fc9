import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  DomainException,
  Loaders,
  RequestLoaders,
  UuidPipe,
} from '@intradesk/core';
import { DepartmentModel, OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { canSeeRequest, RequestModel } from '@intradesk/requests';
import { KudosService } from '../kudos/kudos.service';
import { FeedbackLoaderFactory } from './feedback.loaders';
import { GiveKudosInput, KudosModel } from './kudos.model';

@Resolver(() => KudosModel)
export class KudosResolver {
  constructor(
    private readonly kudos: KudosService,
    private readonly organizationLoaders: OrganizationLoaderFactory,
    private readonly feedbackLoaders: FeedbackLoaderFactory,
  ) {}

  @Mutation(() => KudosModel, {
    description: 'Thanks a person or a department for a request you can see',
  })
  async giveKudos(
    @CurrentUser() user: AuthUser,
    @Args('input') input: GiveKudosInput,
  ): Promise<KudosModel> {
    return KudosModel.from(await this.kudos.give(user, input));
  }

  @Query(() => [KudosModel], {
    description: 'Kudos received by a person or a department, newest first',
  })
  async kudosReceived(
    @Args('userId', { type: () => ID, nullable: true }, UuidPipe) userId?: string,
    @Args('departmentId', { type: () => ID, nullable: true }, UuidPipe) departmentId?: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first = 50,
  ): Promise<KudosModel[]> {
    if (!userId === !departmentId) {
      throw DomainException.badInput('Give exactly one of userId and departmentId', [
        'userId',
        'departmentId',
      ]);
    }
    if (first < 1 || first > 100)
      throw DomainException.badInput('first must be between 1 and 100', ['first']);
    return (await this.kudos.received({ userId, departmentId }, first)).map(KudosModel.from);
  }

  @ResolveField(() => UserModel, { nullable: true })
  from(@Parent() kudos: KudosModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.organizationLoaders).userById.load(kudos.fromUserId);
  }

  @ResolveField(() => UserModel, { nullable: true })
  toUser(@Parent() kudos: KudosModel, @Loaders() loaders: RequestLoaders) {
    return kudos.toUserId
      ? loaders.get(this.organizationLoaders).userById.load(kudos.toUserId)
      : null;
  }

  @ResolveField(() => DepartmentModel, { nullable: true })
  toDepartment(@Parent() kudos: KudosModel, @Loaders() loaders: RequestLoaders) {
    return kudos.toDepartmentId
      ? loaders.get(this.organizationLoaders).departmentById.load(kudos.toDepartmentId)
      : null;
  }

  @ResolveField(() => RequestModel, {
    nullable: true,
    description: 'The request thanked for; null when it is not yours to see',
  })
  async request(
    @Parent() kudos: KudosModel,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<RequestModel | null> {
    const request = await loaders.get(this.feedbackLoaders).requestById.load(kudos.requestId);
    return request && canSeeRequest(user, request) ? RequestModel.from(request) : null;
  }
}

@Resolver(() => RequestModel)
export class RequestKudosResolver {
  constructor(private readonly feedbackLoaders: FeedbackLoaderFactory) {}

  @ResolveField(() => [KudosModel])
  kudos(@Parent() request: RequestModel, @Loaders() loaders: RequestLoaders) {
    return loaders.get(this.feedbackLoaders).kudosByRequestId.load(request.id);
  }
}
