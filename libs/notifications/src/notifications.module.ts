import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';

export const notificationsEntities = [NotificationEntity];

@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
  providers: [NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
