import { EventEmitter } from 'node:events';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgNotifications } from '@intradesk/db';
import { PubSub } from 'graphql-subscriptions';
import { NOTIFICATION_CHANNEL, NotificationCreatedEvent } from '../notifications.service';

const NOTIFICATION_ADDED = 'notificationAdded';

// Relays the database's notification announcements to this process's subscribers, so a
// notification written through any process (API or worker) reaches its recipient everywhere.
@Injectable()
export class NotificationsHub implements OnModuleInit {
  readonly pubSub = new PubSub<{ [NOTIFICATION_ADDED]: NotificationCreatedEvent }>({
    eventEmitter: new EventEmitter().setMaxListeners(0),
  });

  constructor(private readonly notifications: PgNotifications) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.subscribe(NOTIFICATION_CHANNEL, (payload) => {
      void this.pubSub.publish(NOTIFICATION_ADDED, payload as NotificationCreatedEvent);
    });
  }

  iterator() {
    return this.pubSub.asyncIterableIterator(NOTIFICATION_ADDED);
  }
}
