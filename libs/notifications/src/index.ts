export * from './notifications.module';
export * from './notifications-graphql.module';
export * from './notification.entity';
export * from './notifications.service';
export * from './webhooks/webhook.entity';
export * from './webhooks/webhooks.service';
export * from './webhooks/webhook-delivery.job';
export * from './webhooks/webhook-signature';
