import { Module } from '@nestjs/common';
import { NotificationsResolver } from './graphql/notifications.resolver';
import { WebhooksResolver } from './graphql/webhooks.resolver';
import { NotificationsModule } from './notifications.module';

export const notificationsResolvers = [NotificationsResolver, WebhooksResolver];

@Module({
  imports: [NotificationsModule],
  providers: [...notificationsResolvers],
})
export class NotificationsGraphqlModule {}
