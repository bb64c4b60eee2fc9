import { Injectable } from '@nestjs/common';
import { AppConfig, TimeSource } from '@intradesk/core';
import { DataSource } from 'typeorm';
import { DIGEST_KIND, MailStatus } from './mail-message.entity';

export const DEFAULT_DIGEST_HOUR = 8;

// Gathers each person's DIGEST_QUEUED items into one DIGEST message once their local digest
// hour has passed (in their department's time zone, UTC without one): the items written before
// the latest such hour. One statement; the job that runs it is exclusive across workers. A
// worker that was down at the hour sends the digest when it is back.
@Injectable()
export class MailDigest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  async gather(): Promise<number> {
    const now = this.time.now();
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH person AS (
         SELECT u.id AS user_id, COALESCE(d.time_zone, 'UTC') AS tz,
                COALESCE(s.digest_hour, $3::int) AS hour
           FROM users u
           LEFT JOIN departments d ON d.id = u.department_id
           LEFT JOIN mail_settings s ON s.user_id = u.id
          WHERE u.id IN (SELECT recipient_user_id FROM mail_messages
                          WHERE status = '${MailStatus.DIGEST_QUEUED}')
       ), boundary AS (
         SELECT user_id,
                (CASE WHEN date_trunc('day', $1::timestamptz AT TIME ZONE tz) + hour * interval '1 hour'
                           > ($1::timestamptz AT TIME ZONE tz)
                      THEN date_trunc('day', $1::timestamptz AT TIME ZONE tz) + hour * interval '1 hour' - interval '1 day'
                      ELSE date_trunc('day', $1::timestamptz AT TIME ZONE tz) + hour * interval '1 hour' END)
                  AT TIME ZONE tz AS at
           FROM person
       ), due AS (
         SELECT m.recipient_user_id AS user_id, array_agg(m.id) AS ids
           FROM mail_messages m JOIN boundary b ON b.user_id = m.recipient_user_id
          WHERE m.status = '${MailStatus.DIGEST_QUEUED}' AND m.created_at < b.at
          GROUP BY m.recipient_user_id
       ), digest AS (
         INSERT INTO mail_messages (id, recipient_user_id, kind, params, status, message_id,
                                    next_attempt_at, created_at)
         SELECT x.id, x.user_id, '${DIGEST_KIND}', jsonb_build_object('count', cardinality(x.ids)::text),
                '${MailStatus.PENDING}', '<' || x.id || '@' || $2::varchar || '>', $1, $1
           FROM (SELECT gen_random_uuid() AS id, user_id, ids FROM due) x
         RETURNING id, recipient_user_id
       ), carried AS (
         UPDATE mail_messages m SET status = '${MailStatus.DIGESTED}', digest_id = digest.id
           FROM digest JOIN due ON due.user_id = digest.recipient_user_id
          WHERE m.id = ANY(due.ids) AND m.status = '${MailStatus.DIGEST_QUEUED}'
       )
       SELECT id FROM digest`,
      [now, this.config.MAIL_DOMAIN, DEFAULT_DIGEST_HOUR],
    );
    return rows.length;
  }
}
