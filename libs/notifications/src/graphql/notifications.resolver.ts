import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import {
  AuthUser,
  CurrentUser,
  DomainException,
  GraphqlContext,
  Loaders,
  RequestLoaders,
  connectionOf,
} from '@intradesk/core';
import { OrganizationLoaderFactory, UserModel } from '@intradesk/organization';
import { NotificationCreatedEvent, NotificationsService } from '../notifications.service';
import {
  NotificationConnection,
  NotificationModel,
  NotificationsArgs,
  NotificationPreferenceInput,
  NotificationPreferenceModel,
} from './notification.model';
import { NotificationsHub } from './notifications.hub';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly notificationsService: NotificationsService,
    private readonly hub: NotificationsHub,
    private readonly organizationLoaders: OrganizationLoaderFactory,
  ) {}

  @Query(() => NotificationConnection, {
    description: "The caller's in-app notifications, newest first",
  })
  async notifications(
    @CurrentUser() user: AuthUser,
    @Args() args: NotificationsArgs,
  ): Promise<NotificationConnection> {
    return connectionOf(
      args,
      (size, after) => this.notificationsService.page(user.id, args.unreadOnly, size, after),
      NotificationModel.from,
    );
  }

  @Query(() => Int, { description: "How many of the caller's notifications are unread" })
  unreadNotificationCount(@CurrentUser() user: AuthUser): Promise<number> {
    return this.notificationsService.unreadCount(user.id);
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

  @Mutation(() => Int, {
    description: 'Marks every unread notification of the caller read; returns how many changed',
  })
  markAllNotificationsRead(@CurrentUser() user: AuthUser): Promise<number> {
    return this.notificationsService.markAllRead(user.id);
  }

  @Query(() => [NotificationPreferenceModel], {
    description: "The caller's setting for every kind of notification",
  })
  notificationPreferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferenceModel[]> {
    return this.notificationsService.preferences(user.id);
  }

  @Mutation(() => [NotificationPreferenceModel], {
    description: 'Turns kinds of notification on or off (kinds not given keep their setting)',
  })
  updateNotificationPreferences(
    @CurrentUser() user: AuthUser,
    @Args('input', { type: () => [NotificationPreferenceInput] })
    input: NotificationPreferenceInput[],
  ): Promise<NotificationPreferenceModel[]> {
    const kinds = new Set(input.map((p) => p.kind));
    if (kinds.size !== input.length || input.length > 50) {
      throw DomainException.badInput('Give each kind at most once', ['input']);
    }
    return this.notificationsService.updatePreferences(user.id, input);
  }

  @Subscription(() => NotificationModel, {
    description: "The caller's new notifications as they are written, from every API process",
    filter: (event: NotificationCreatedEvent, _variables: unknown, context: GraphqlContext) =>
      !!context.user && event.userId === context.user.id,
    async resolve(
      this: NotificationsResolver,
      event: NotificationCreatedEvent,
      _variables: unknown,
      context: GraphqlContext,
    ): Promise<NotificationModel> {
      // A subscription keeps one context: fresh loaders per event.
      context.loaders = new RequestLoaders();
      const found = await this.notificationsService.findForRecipient(context.user!.id, event.id);
      if (!found) throw DomainException.notFound(`No notification ${event.id}`);
      return NotificationModel.from(found);
    },
  })
  notificationAdded() {
    return this.hub.iterator();
  }

  @ResolveField(() => UserModel, {
    nullable: true,
    description: 'Who caused it; null for the system',
  })
  actor(@Parent() notification: NotificationModel, @Loaders() loaders: RequestLoaders) {
    return notification.actorId
      ? loaders.get(this.organizationLoaders).userById.load(notification.actorId)
      : null;
  }
}
