import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgNotifications } from '@intradesk/db';
import { PubSub } from 'graphql-subscriptions';
import { REQUEST_CHANGED_CHANNEL, RequestChangedEvent } from './request-events';

export const REQUEST_CHANGED_TRIGGER = 'requestChanged';

// Relays the database's request notifications to this process's GraphQL subscribers, so an
// event raised through any API process reaches subscribers on every process.
@Injectable()
export class RequestEventsHub implements OnModuleInit {
  readonly pubSub = new PubSub<{ [REQUEST_CHANGED_TRIGGER]: RequestChangedEvent }>();

  constructor(private readonly notifications: PgNotifications) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.subscribe(REQUEST_CHANGED_CHANNEL, (payload) => {
      void this.pubSub.publish(REQUEST_CHANGED_TRIGGER, payload as RequestChangedEvent);
    });
  }

  iterator() {
    return this.pubSub.asyncIterableIterator(REQUEST_CHANGED_TRIGGER);
  }
}
