// The webhook outbox's one writer: every event that webhooks hear of goes through here, in the
// transaction of the change that caused it (pass that transaction's EntityManager).

export type WebhookPayload = Record<string, string | number | boolean | null>;

export interface WebhookEvent {
  // Each active webhook of these departments gets one delivery (a department named twice, once).
  departmentIds: readonly string[];
  // e.g. "request.created", "sla.breached"
  event: string;
  payload: WebhookPayload;
  at: Date;
}

// An EntityManager, or a bare pg client (the benchmarks).
export interface OutboxConnection {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

// One statement for any number of events; `notify` (a NOTIFY that PostgreSQL sends if and when
// the transaction commits) rides the same statement, so a change costs no extra round trip.
export async function writeWebhookOutbox(
  db: OutboxConnection,
  events: readonly WebhookEvent[],
  notify?: { channel: string; payload: string },
): Promise<void> {
  if (events.length === 0 && !notify) return;
  const rows = events.map((e) => ({
    department_ids: [...new Set(e.departmentIds)],
    event: e.event,
    payload: e.payload,
    at: e.at.toISOString(),
  }));
  await db.query(
    `WITH event AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
                  AS e(department_ids uuid[], event varchar, payload jsonb, at timestamptz)
     ), webhook_outbox AS (
       INSERT INTO webhook_deliveries (webhook_id, event, payload, status, attempts, next_attempt_at, created_at)
       SELECT hook.id, e.event, e.payload, 'PENDING', 0, e.at, e.at
         FROM event e
         JOIN department_webhooks hook ON hook.active AND hook.department_id = ANY(e.department_ids)
     )
     SELECT ${notify ? 'pg_notify($2, $3)' : '1'}`,
    notify ? [JSON.stringify(rows), notify.channel, notify.payload] : [JSON.stringify(rows)],
  );
}
