import { EntityManager } from 'typeorm';

export const SLA_EVENT_CHANNEL = 'sla_event';

export interface SlaEventMessage {
  requestId: string;
  supplierId: string;
  customerId: string;
  kind: string;
  clockKind: string;
  rung: number;
  recipientId: string | null;
  occurredAt: string;
}

// Delivered to every listening API process when the worker's transaction commits.
export async function publishSlaEvent(
  manager: EntityManager,
  event: SlaEventMessage,
): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [SLA_EVENT_CHANNEL, JSON.stringify(event)]);
}
