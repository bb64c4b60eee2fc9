import { EventEmitter } from 'node:events';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { PgNotifications } from '@intradesk/db';
import { PubSub } from 'graphql-subscriptions';
import { REQUEST_CHANGED_CHANNEL, RequestChangedEvent } from './request-events';
import { SLA_EVENT_CHANNEL, SlaEventMessage } from './sla-events';

export const REQUEST_CHANGED_TRIGGER = 'requestChanged';
export const SLA_EVENT_TRIGGER = 'slaEvent';

// Relays the database's request notifications to this process's GraphQL subscribers, so an
// event raised through any API process reaches subscribers on every process.
@Injectable()
export class RequestEventsHub implements OnModuleInit {
  // One listener per open subscription: hundreds per process are normal, not a leak.
  readonly pubSub = new PubSub<{
    [REQUEST_CHANGED_TRIGGER]: RequestChangedEvent;
    [SLA_EVENT_TRIGGER]: SlaEventMessage;
  }>({ eventEmitter: new EventEmitter().setMaxListeners(0) });

  constructor(private readonly notifications: PgNotifications) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.subscribe(REQUEST_CHANGED_CHANNEL, (payload) => {
      void this.pubSub.publish(REQUEST_CHANGED_TRIGGER, payload as RequestChangedEvent);
    });
    await this.notifications.subscribe(SLA_EVENT_CHANNEL, (payload) => {
      void this.pubSub.publish(SLA_EVENT_TRIGGER, payload as SlaEventMessage);
    });
  }

  iterator() {
    return this.pubSub.asyncIterableIterator(REQUEST_CHANGED_TRIGGER);
  }

  slaEvents() {
    return this.pubSub.asyncIterableIterator(SLA_EVENT_TRIGGER);
  }
}
