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

// Sent inside the change's transaction: PostgreSQL delivers it to every listening process
// when, and only if, the transaction commits.
export async function publishRequestChanged(
  manager: EntityManager,
  event: RequestChangedEvent,
): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [REQUEST_CHANGED_CHANNEL, JSON.stringify(event)]);
}
