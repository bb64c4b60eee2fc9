// The webhook outbox as a data-modifying CTE, so an event can add its deliveries in the same
// statement as whatever else it sends (no extra round trip per change). Parameters from
// `first`: department ids (uuid[]), event name, payload (jsonb), time.
export function webhookOutboxCte(first: number): string {
  const [departments, event, payload, at] = [first, first + 1, first + 2, first + 3].map(
    (n) => `$${n}`,
  );
  return `webhook_outbox AS (
    INSERT INTO webhook_deliveries (webhook_id, event, payload, status, attempts, next_attempt_at, created_at)
    SELECT hook.id, ${event}, ${payload}::jsonb, 'PENDING', 0, ${at}, ${at}
      FROM department_webhooks hook
     WHERE hook.active AND hook.department_id = ANY(${departments}::uuid[])
  )`;
}
