import { Injectable } from '@nestjs/common';
import { TimeSource } from '@intradesk/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { NotificationKind, NOTIFICATION_KINDS } from './notification-kind.enum';
import { NotificationPreferenceEntity } from './notification-preference.entity';
import { NotificationEntity } from './notification.entity';
import { newestFirstPage } from './newest-first.page';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  message: string;
  requestId?: string | null;
  // Who caused it; null or absent for the system.
  actorId?: string | null;
  createdAt: Date;
}

export interface NotificationPreference {
  kind: NotificationKind;
  inApp: boolean;
}

// What every listening API process hears of a new notification ({ id, userId, kind }).
export const NOTIFICATION_CHANNEL = 'notification_created';

export interface NotificationCreatedEvent {
  id: string;
  userId: string;
  kind: string;
}

const MAX_MESSAGE = 300;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
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
      `WITH added AS (
         INSERT INTO notifications (user_id, kind, message, request_id, actor_id, created_at)
         SELECT n.user_id, n.kind, n.message, n.request_id, n.actor_id, n.created_at
           FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::uuid[],
                       $6::timestamptz[]) AS n(user_id, kind, message, request_id, actor_id, created_at)
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
      ],
    );
  }

  // One notification to every agent and lead of a department and its lead (a new request in its
  // queue), in one statement, like addMany.
  async addForDepartmentStaff(
    manager: EntityManager,
    departmentId: string,
    notification: Omit<NewNotification, 'userId'>,
  ): Promise<void> {
    await manager.query(
      `WITH added AS (
         INSERT INTO notifications (user_id, kind, message, request_id, actor_id, created_at)
         SELECT u.id, $2::varchar, $3::varchar, $4::uuid, $5::uuid, $6::timestamptz
           FROM users u
          WHERE ((u.department_id = $1 AND u.role IN ('AGENT', 'LEAD'))
                 OR u.id = (SELECT lead_id FROM departments WHERE id = $1))
            AND u.id IS DISTINCT FROM $5::uuid
            AND NOT EXISTS (SELECT 1 FROM notification_preferences p
                             WHERE p.user_id = u.id AND p.kind = $2::varchar AND NOT p.in_app)
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
    return { ...(await newestFirstPage(mine(), size, after)), count: () => mine().getCount() };
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

  // Every kind, in enum order, with the caller's choice or the default (on).
  async preferences(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<NotificationPreference[]> {
    const rows = await manager.getRepository(NotificationPreferenceEntity).findBy({ userId });
    const chosen = new Map(rows.map((r) => [r.kind, r.inApp]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: chosen.get(kind) ?? true }));
  }

  // Upserts the given kinds (the others keep their setting) and answers the whole list.
  async updatePreferences(
    userId: string,
    changes: NotificationPreference[],
  ): Promise<NotificationPreference[]> {
    return this.dataSource.transaction(async (manager) => {
      if (changes.length > 0) {
        const now = this.time.now();
        await manager
          .createQueryBuilder()
          .insert()
          .into(NotificationPreferenceEntity)
          .values(changes.map((c) => ({ userId, kind: c.kind, inApp: c.inApp, updatedAt: now })))
          .orUpdate(['in_app', 'updated_at'], ['user_id', 'kind'])
          .execute();
      }
      return this.preferences(userId, manager);
    });
  }
}
