import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';
import { NotificationsService } from './notifications.service';
import { MailMessageEntity } from './mail/mail-message.entity';
import { MailSettingsEntity } from './mail/mail-settings.entity';
import { MailDeliveryJob } from './mail/mail-delivery.job';
import { MailDigest } from './mail/mail-digest';
import { MailSender } from './mail/mail-sender';
import { MailService } from './mail/mail.service';
import { WebhookDeliveryJob } from './webhooks/webhook-delivery.job';
import { WebhookDeliveryEntity, WebhookEntity } from './webhooks/webhook.entity';
import { WebhookSender } from './webhooks/webhook-sender';
import { DnsWebhookResolver, WebhookResolver, WebhookTargets } from './webhooks/webhook-target';
import { WebhooksService } from './webhooks/webhooks.service';

export const notificationsEntities = [
  NotificationEntity,
  NotificationPreferenceEntity,
  WebhookEntity,
  WebhookDeliveryEntity,
  MailMessageEntity,
  MailSettingsEntity,
];

@Module({
  imports: [TypeOrmModule.forFeature(notificationsEntities)],
  providers: [
    NotificationsService,
    WebhooksService,
    WebhookDeliveryJob,
    WebhookSender,
    WebhookTargets,
    { provide: WebhookResolver, useClass: DnsWebhookResolver },
    MailSender,
    MailDigest,
    MailDeliveryJob,
    MailService,
  ],
  exports: [
    NotificationsService,
    WebhooksService,
    WebhookDeliveryJob,
    WebhookSender,
    WebhookResolver,
    MailSender,
    MailDigest,
    MailDeliveryJob,
    MailService,
  ],
})
export class NotificationsModule {}
