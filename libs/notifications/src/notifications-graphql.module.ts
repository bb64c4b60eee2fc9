import { Module } from '@nestjs/common';
import { OrganizationGraphqlModule } from '@intradesk/organization';
import { NotificationsHub } from './graphql/notifications.hub';
import { NotificationsResolver } from './graphql/notifications.resolver';
import { WebhooksResolver } from './graphql/webhooks.resolver';
import { MailResolver } from './graphql/mail.resolver';
import { NotificationsModule } from './notifications.module';
import { UnsubscribeController } from './mail/unsubscribe.controller';

export const notificationsResolvers = [NotificationsResolver, WebhooksResolver, MailResolver];

@Module({
  imports: [NotificationsModule, OrganizationGraphqlModule],
  providers: [...notificationsResolvers, NotificationsHub],
  // The API's HTTP side of mail (the worker imports only NotificationsModule).
  controllers: [UnsubscribeController],
})
export class NotificationsGraphqlModule {}
