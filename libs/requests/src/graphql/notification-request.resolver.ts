import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, Loaders, RequestLoaders } from '@intradesk/core';
import { NotificationModel } from '@intradesk/notifications';
import { canSeeRequest } from '../access/requests.policy';
import { RequestModel } from './request.model';
import { RequestsLoaderFactory } from './requests.loaders';

// Notification.request lives here: notifications sit beside the domain libs and know no requests.
@Resolver(() => NotificationModel)
export class NotificationRequestResolver {
  constructor(private readonly requestsLoaders: RequestsLoaderFactory) {}

  @ResolveField(() => RequestModel, {
    nullable: true,
    description:
      'The request it is about; null when there is none or the caller may no longer see it',
  })
  async request(
    @Parent() notification: NotificationModel,
    @CurrentUser() user: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<RequestModel | null> {
    if (!notification.requestId) return null;
    const request = await loaders
      .get(this.requestsLoaders)
      .requestById.load(notification.requestId);
    return request && canSeeRequest(user, request) ? RequestModel.from(request) : null;
  }
}
