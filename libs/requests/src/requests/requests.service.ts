import { Injectable } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import {
  NOTIFICATION_CHANNEL,
  NotificationKind,
  writeWebhookOutbox,
} from '@intradesk/notifications';
import { DataSource } from 'typeorm';
import {
  REQUEST_CHANGED_CHANNEL,
  RequestChangeKind,
  requestWebhookEvent,
} from '../events/request-events';

// The moves Intradesk makes by itself, over many requests at once (the live moves are in
// RequestTransitionsService).
@Injectable()
export class RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  // Closes resolved requests past the auto-close delay: one statement and the webhook outbox in
  // one transaction, safe to run in several processes at once (each row is closed, recorded,
  // announced and its requester told exactly once).
  async closeResolvedRequests(): Promise<number> {
    const now = this.time.now();
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; number: string; supplier_id: string; customer_id: string }[] =
        await manager.query(
          `WITH closed AS (
             UPDATE requests
                SET status = 'CLOSED', closed_at = $1, updated_at = $1, version = version + 1
              WHERE status = 'RESOLVED' AND resolved_at <= $1::timestamptz - make_interval(hours => $2)
            RETURNING id, number, title, requester_id, supplier_id, customer_id
           ), history AS (
             INSERT INTO request_history (request_id, actor_id, at, kind, from_value, to_value, internal)
             SELECT id, NULL, $1, 'STATUS_CHANGED', 'RESOLVED', 'CLOSED', false FROM closed
           ), told AS (
             INSERT INTO notifications (user_id, kind, message, request_id, actor_id, created_at)
             SELECT c.requester_id, $5::varchar,
                    left(c.number || ' "' || left(c.title, 80) || '" was closed automatically, '
                         || $2::int || ' hours after it was resolved', 300),
                    c.id, NULL::uuid, $1::timestamptz
               FROM closed c
              WHERE NOT EXISTS (SELECT 1 FROM notification_preferences p
                                 WHERE p.user_id = c.requester_id AND p.kind = $5::varchar AND NOT p.in_app)
             RETURNING id, user_id, kind
           ), announced AS (
             SELECT count(pg_notify($4, json_build_object(
                      'id', id::text, 'userId', user_id, 'kind', kind)::text)) AS n
               FROM told
           )
           SELECT id, number, supplier_id, customer_id,
                  pg_notify($3, json_build_object(
                    'requestId', id, 'supplierId', supplier_id, 'customerId', customer_id,
                    'kind', 'STATUS_CHANGED', 'internal', false)::text),
                  (SELECT n FROM announced) AS told
             FROM closed`,
          [
            now,
            this.config.REQUEST_AUTO_CLOSE_HOURS,
            REQUEST_CHANGED_CHANNEL,
            NOTIFICATION_CHANNEL,
            NotificationKind.REQUEST_STATUS_CHANGED,
          ],
        );
      await writeWebhookOutbox(
        manager,
        rows.map((r) => {
          const ids = { requestId: r.id, supplierId: r.supplier_id, customerId: r.customer_id };
          const event = { ...ids, kind: RequestChangeKind.STATUS_CHANGED, internal: false };
          return requestWebhookEvent(event, { ...ids, number: r.number, status: 'CLOSED' }, now);
        }),
      );
      return rows.length;
    });
  }
}
