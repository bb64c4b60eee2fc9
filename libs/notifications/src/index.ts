export * from './notifications.module';
export * from './notifications-graphql.module';
export * from './notification.entity';
export * from './notifications.service';
