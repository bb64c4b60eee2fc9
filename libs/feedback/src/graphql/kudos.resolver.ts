import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Loaders, RequestLoaders, connectionOf } from '@intradesk/core';
import { DepartmentModel, OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { canSeeRequest, RequestModel } from '@intradesk/requests';
import { KudosService } from '../kudos/kudos.service';
import { FeedbackLoaderFactory } from './feedback.loaders';
import { GiveKudosInput, KudosConnection, KudosModel, KudosReceivedArgs } from './kudos.model';

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

  @Query(() => KudosConnection, {
    description: 'Kudos received by a person or a department (exactly one), newest first',
  })
  async kudosReceived(@Args() args: KudosReceivedArgs): Promise<KudosConnection> {
    return connectionOf(
      args,
      (size, after) => this.kudos.received(args, size, after),
      KudosModel.from,
    );
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
