import { WebhookEvent, writeWebhookOutbox } from '@intradesk/notifications';
import { EntityManager } from 'typeorm';

export const REQUEST_CHANGED_CHANNEL = 'request_changed';

export enum RequestChangeKind {
  CREATED = 'CREATED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  ASSIGNED = 'ASSIGNED',
  PRIORITY_CHANGED = 'PRIORITY_CHANGED',
  COMMENTED = 'COMMENTED',
}

export interface RequestChangedEvent {
  requestId: string;
  supplierId: string;
  customerId: string;
  kind: RequestChangeKind;
  // An internal note: only the supplier side hears of it.
  internal: boolean;
}

// What a department's webhooks receive about a request (e.g. event "request.status_changed").
export interface RequestWebhookPayload {
  requestId: string;
  number: string;
  status: string;
  supplierId: string;
  customerId: string;
}

// The webhook event of a change: to both sides, an internal note to the supplier only.
export function requestWebhookEvent(
  event: Pick<RequestChangedEvent, 'supplierId' | 'customerId' | 'kind' | 'internal'>,
  payload: RequestWebhookPayload,
  at: Date,
): WebhookEvent {
  return {
    departmentIds: event.internal ? [event.supplierId] : [event.supplierId, event.customerId],
    event: `request.${event.kind.toLowerCase()}`,
    payload: { ...payload, kind: event.kind },
    at,
  };
}

// Sent inside the change's transaction, in one statement: the NOTIFY that PostgreSQL delivers to
// every listening process when, and only if, the transaction commits, and the outbox rows for
// the webhooks of both sides.
export async function publishRequestChanged(
  manager: EntityManager,
  event: RequestChangedEvent,
  webhook: { payload: RequestWebhookPayload; at: Date },
): Promise<void> {
  await writeWebhookOutbox(manager, [requestWebhookEvent(event, webhook.payload, webhook.at)], {
    channel: REQUEST_CHANGED_CHANNEL,
    payload: JSON.stringify(event),
  });
}
