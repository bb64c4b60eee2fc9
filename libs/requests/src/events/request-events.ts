import { webhookOutboxCte } from '@intradesk/notifications';
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

// Sent inside the change's transaction, in one statement: the NOTIFY that PostgreSQL delivers to
// every listening process when, and only if, the transaction commits, and the outbox rows for
// the webhooks of both sides (the supplier's only, for an internal note).
export async function publishRequestChanged(
  manager: EntityManager,
  event: RequestChangedEvent,
  webhook: { payload: RequestWebhookPayload; at: Date },
): Promise<void> {
  const departments = event.internal ? [event.supplierId] : [event.supplierId, event.customerId];
  await manager.query(`WITH ${webhookOutboxCte(3)} SELECT pg_notify($1, $2)`, [
    REQUEST_CHANGED_CHANNEL,
    JSON.stringify(event),
    departments,
    `request.${event.kind.toLowerCase()}`,
    JSON.stringify({ ...webhook.payload, kind: event.kind }),
    webhook.at,
  ]);
}
