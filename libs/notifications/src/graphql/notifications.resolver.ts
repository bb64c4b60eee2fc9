import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser, DomainException } from '@intradesk/core';
import { NotificationsService } from '../notifications.service';
import { NotificationModel } from './notification.model';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly notificationsService: NotificationsService) {}

  @Query(() => [NotificationModel], {
    description: "The caller's in-app notifications, newest first",
  })
  async notifications(
    @CurrentUser() user: AuthUser,
    @Args('unreadOnly', { defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<NotificationModel[]> {
    if (first < 1 || first > 100)
      throw DomainException.badInput('first must be between 1 and 100', ['first']);
    return (await this.notificationsService.list(user.id, unreadOnly, first)).map(
      NotificationModel.from,
    );
  }

  @Mutation(() => Int, {
    description: 'Marks the caller’s notifications read; returns how many changed',
  })
  markNotificationsRead(
    @CurrentUser() user: AuthUser,
    @Args('ids', { type: () => [ID] }) ids: string[],
  ): Promise<number> {
    if (ids.length > 500 || ids.some((id) => !/^\d{1,18}$/.test(id))) {
      throw DomainException.badInput('ids must be up to 500 notification ids', ['ids']);
    }
    return this.notificationsService.markRead(user.id, ids);
  }
}
