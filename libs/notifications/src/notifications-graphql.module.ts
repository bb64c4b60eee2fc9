import { Module } from '@nestjs/common';
import { NotificationsResolver } from './graphql/notifications.resolver';
import { NotificationsModule } from './notifications.module';

export const notificationsResolvers = [NotificationsResolver];

@Module({
  imports: [NotificationsModule],
  providers: [...notificationsResolvers],
})
export class NotificationsGraphqlModule {}
