import { Injectable } from '@nestjs/common';
import { AppConfig, keysetPage, newestFirst, TimeSource } from '@intradesk/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { NotificationKind, NOTIFICATION_KINDS } from './notification-kind.enum';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';
import { MailStatus } from './mail/mail-message.entity';
import { DEFAULT_MAIL_CHOICE, MailChoice } from './mail/mail-choice.enum';
import { QUEUE_STAFF_SQL } from './notifications.policy';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  message: string;
  requestId?: string | null;
  // Who caused it; null or absent for the system.
  actorId?: string | null;
  createdAt: Date;
  // What the e-mail templates need beyond the request (a comment's body, a status, a clock).
  params?: Record<string, string | null>;
  // false: in the app only (its e-mail went into another message: foldIntoUnsentMail).
  mail?: boolean;
}

export interface NotificationPreference {
  kind: NotificationKind;
  inApp: boolean;
  email: MailChoice;
}

export interface NotificationPreferenceChange {
  kind: NotificationKind;
  inApp?: boolean | null;
  email?: MailChoice | null;
}

// What every listening API process hears of a new notification ({ id, userId, kind }).
export const NOTIFICATION_CHANNEL = 'notification_created';

export interface NotificationCreatedEvent {
  id: string;
  userId: string;
  kind: string;
}

const MAX_MESSAGE = 300;
const MAX_DETAIL = 4000;

// The details an e-mail template reads, each cut to its length.
function detailParams(details: Record<string, string | null> = {}): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(details))
    params[key] = value === null ? null : value.slice(0, MAX_DETAIL);
  return params;
}

function mailParams(n: Pick<NewNotification, 'message' | 'params'>): Record<string, string | null> {
  return { message: n.message.slice(0, MAX_MESSAGE), ...detailParams(n.params) };
}

// The e-mail outbox, riding the notification's statement (so in the event's transaction and at no
// extra round trip): one mail_messages row per recipient n (a CTE n of user_id, kind, message,
// request_id, actor_id, created_at, params) who is active and has not turned the kind's e-mail
// off, unless n.mail is false; DIGEST choices wait for the daily digest. $9 is MAIL_DOMAIN (for
// the Message-ID). A request's reply and status-change mails are due `gatherSeconds` later
// (MAIL_GATHER_SECONDS), so that the other half of "asking for information" still finds the
// first unsent and folds into it.
const GATHERED_KINDS = `('${NotificationKind.REQUEST_COMMENTED}', '${NotificationKind.REQUEST_STATUS_CHANGED}')`;
const mailOutboxCte = (gatherSeconds: number) => `mail_outbox AS (
         INSERT INTO mail_messages (id, recipient_user_id, request_id, kind, actor_id, params,
                                    status, message_id, next_attempt_at, created_at)
         SELECT m.id, m.user_id, m.request_id, m.kind, m.actor_id, m.params, m.status,
                '<' || m.id || '@' || $9::varchar || '>',
                CASE WHEN m.status = 'PENDING'
                     THEN m.created_at + CASE WHEN m.kind IN ${GATHERED_KINDS}
                                              THEN make_interval(secs => ${Math.trunc(gatherSeconds)})
                                              ELSE interval '0' END END,
                m.created_at
           FROM (SELECT gen_random_uuid() AS id, n.*,
                        CASE COALESCE(p.email, '${MailChoice.IMMEDIATE}')
                          WHEN '${MailChoice.DIGEST}' THEN '${MailStatus.DIGEST_QUEUED}'
                          ELSE '${MailStatus.PENDING}' END AS status
                   FROM n
                   JOIN users u ON u.id = n.user_id AND u.deactivated_at IS NULL
                   LEFT JOIN notification_preferences p ON p.user_id = n.user_id AND p.kind = n.kind
                  WHERE n.mail AND COALESCE(p.email, '${MailChoice.IMMEDIATE}') <> '${MailChoice.OFF}') m
       )`;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
  ) {}

  // In the caller's transaction, announced to listening processes when it commits.
  add(manager: EntityManager, notification: NewNotification): Promise<void> {
    return this.addMany(manager, [notification]);
  }

  // Many at once, in one statement: recipients who turned the kind off get nothing, the actor
  // never hears of their own action, and each row is announced (NOTIFY) on commit.
  async addMany(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    const wanted = notifications.filter((n) => n.userId !== n.actorId);
    if (wanted.length === 0) return;
    await manager.query(
      `WITH n AS (
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::uuid[],
                              $6::timestamptz[], $8::jsonb[], $10::boolean[])
                    AS n(user_id, kind, message, request_id, actor_id, created_at, params, mail)
       ), ${mailOutboxCte(this.config.MAIL_GATHER_SECONDS)}, added AS (
         INSERT INTO notifications (user_id, kind, message, request_id, actor_id, created_at)
         SELECT n.user_id, n.kind, n.message, n.request_id, n.actor_id, n.created_at
           FROM n
          WHERE NOT EXISTS (SELECT 1 FROM notification_preferences p
                             WHERE p.user_id = n.user_id AND p.kind = n.kind AND NOT p.in_app)
         RETURNING id, user_id, kind
       )
       SELECT pg_notify($7, json_build_object('id', id::text, 'userId', user_id, 'kind', kind)::text)
         FROM added`,
      [
        wanted.map((n) => n.userId),
        wanted.map((n) => n.kind),
        wanted.map((n) => n.message.slice(0, MAX_MESSAGE)),
        wanted.map((n) => n.requestId ?? null),
        wanted.map((n) => n.actorId ?? null),
        wanted.map((n) => n.createdAt),
        NOTIFICATION_CHANNEL,
        wanted.map((n) => JSON.stringify(mailParams(n))),
        this.config.MAIL_DOMAIN,
        wanted.map((n) => n.mail !== false),
      ],
    );
  }

  // One mail for one action told in two events (the supplier's question and "waiting on you"):
  // merges `params` into this person's latest mail about the request from the same actor, of one
  // of `kinds` and containing `having`, if it is still unsent and untouched by any sender (never
  // claimed, and not locked by a claim in flight, which it then skips) and has none of those
  // params yet. True when it did; the caller then writes its notification in the app only.
  async foldIntoUnsentMail(
    manager: EntityManager,
    into: {
      userId: string;
      requestId: string;
      actorId: string;
      kinds: NotificationKind[];
      having?: Record<string, string>;
    },
    params: Record<string, string | null>,
  ): Promise<boolean> {
    const merged = detailParams(params);
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE mail_messages m SET params = m.params || $6::jsonb
        WHERE m.id = (SELECT id FROM mail_messages
                       WHERE recipient_user_id = $1 AND request_id = $2 AND actor_id = $3
                         AND kind = ANY($4::varchar[]) AND params @> $5::jsonb
                         AND NOT (params ?| $7::text[])
                         AND status = '${MailStatus.PENDING}' AND claim_token IS NULL
                         AND attempts = 0
                       ORDER BY created_at DESC, id DESC
                       LIMIT 1
                         FOR UPDATE SKIP LOCKED)
       RETURNING m.id`,
      [
        into.userId,
        into.requestId,
        into.actorId,
        into.kinds,
        JSON.stringify(into.having ?? {}),
        JSON.stringify(merged),
        Object.keys(merged),
      ],
    );
    return rows.length === 1;
  }

  // One notification to every agent and lead of a department and its lead (a new request in its
  // queue), in one statement, like addMany.
  async addForDepartmentStaff(
    manager: EntityManager,
    departmentId: string,
    notification: Omit<NewNotification, 'userId'>,
  ): Promise<void> {
    await manager.query(
      `WITH n AS (
         SELECT u.id AS user_id, $2::varchar AS kind, $3::varchar AS message,
                $4::uuid AS request_id, $5::uuid AS actor_id, $6::timestamptz AS created_at,
                $8::jsonb AS params, true AS mail
           FROM users u
          WHERE ((u.department_id = $1 AND u.role IN ${QUEUE_STAFF_SQL})
                 OR u.id = (SELECT lead_id FROM departments WHERE id = $1))
            AND u.id IS DISTINCT FROM $5::uuid
       ), ${mailOutboxCte(this.config.MAIL_GATHER_SECONDS)}, added AS (
         INSERT INTO notifications (user_id, kind, message, request_id, actor_id, created_at)
         SELECT n.user_id, n.kind, n.message, n.request_id, n.actor_id, n.created_at
           FROM n
          WHERE NOT EXISTS (SELECT 1 FROM notification_preferences p
                             WHERE p.user_id = n.user_id AND p.kind = n.kind AND NOT p.in_app)
         RETURNING id, user_id, kind
       )
       SELECT pg_notify($7, json_build_object('id', id::text, 'userId', user_id, 'kind', kind)::text)
         FROM added`,
      [
        departmentId,
        notification.kind,
        notification.message.slice(0, MAX_MESSAGE),
        notification.requestId ?? null,
        notification.actorId ?? null,
        notification.createdAt,
        NOTIFICATION_CHANNEL,
        JSON.stringify(mailParams(notification)),
        this.config.MAIL_DOMAIN,
      ],
    );
  }

  // The caller's notifications, newest first, a page at a time.
  async page(userId: string, unreadOnly: boolean, size: number, after?: string | null) {
    const mine = () => {
      const query = this.dataSource
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .where('n.user_id = :userId', { userId });
      if (unreadOnly) query.andWhere('n.read_at IS NULL');
      return query;
    };
    return keysetPage(mine, size, after, newestFirst<NotificationEntity>('bigint'));
  }

  // One notification for its recipient (the live feed); null when it is not theirs.
  findForRecipient(userId: string, id: string): Promise<NotificationEntity | null> {
    return this.dataSource.getRepository(NotificationEntity).findOneBy({ id, userId });
  }

  unreadCount(userId: string): Promise<number> {
    return this.dataSource.getRepository(NotificationEntity).countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: string, ids: string[]): Promise<number> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ userId, id: In(ids), readAt: IsNull() }, { readAt: this.time.now() });
    return result.affected ?? 0;
  }

  async markAllRead(userId: string): Promise<number> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ userId, readAt: IsNull() }, { readAt: this.time.now() });
    return result.affected ?? 0;
  }

  // Every kind, in enum order, with the caller's choice or the default (in the app: on; by
  // e-mail: DEFAULT_MAIL_CHOICE).
  async preferences(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationPreference[]> {
    const rows = await manager.getRepository(NotificationPreferenceEntity).findBy({ userId });
    const chosen = new Map(rows.map((r) => [r.kind, r]));
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      inApp: chosen.get(kind)?.inApp ?? true,
      email: (chosen.get(kind)?.email as MailChoice | null) ?? DEFAULT_MAIL_CHOICE,
    }));
  }

  // Upserts the given kinds (the others, and what a change leaves out, keep their setting) and
  // answers the whole list.
  async updatePreferences(
    userId: string,
    changes: NotificationPreferenceChange[],
  ): Promise<NotificationPreference[]> {
    return this.dataSource.transaction(async (manager) => {
      if (changes.length > 0) {
        await manager.query(
          `INSERT INTO notification_preferences AS p (user_id, kind, in_app, email, updated_at)
           SELECT $1, c.kind, COALESCE(c.in_app, true), c.email, $5
             FROM unnest($2::varchar[], $3::boolean[], $4::varchar[]) AS c(kind, in_app, email)
           ON CONFLICT (user_id, kind) DO UPDATE
              SET in_app = COALESCE($6::jsonb ->> EXCLUDED.kind, p.in_app::text)::boolean,
                  email = CASE WHEN $7::jsonb ? EXCLUDED.kind THEN EXCLUDED.email ELSE p.email END,
                  updated_at = EXCLUDED.updated_at`,
          [
            userId,
            changes.map((c) => c.kind),
            changes.map((c) => c.inApp ?? null),
            changes.map((c) => c.email ?? null),
            this.time.now(),
            JSON.stringify(
              Object.fromEntries(
                changes
                  .filter((c) => typeof c.inApp === 'boolean')
                  .map((c) => [c.kind, String(c.inApp)]),
              ),
            ),
            JSON.stringify(
              Object.fromEntries(changes.filter((c) => c.email).map((c) => [c.kind, true])),
            ),
          ],
        );
      }
      return this.preferences(userId, manager);
    });
  }
}
