import { Injectable } from '@nestjs/common';
import { Clock } from '@intradesk/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: string;
  message: string;
  requestId?: string | null;
  createdAt: Date;
}

export const NOTIFICATION_CHANNEL = 'notification_created';

@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  // In the caller's transaction, announced to listening processes when it commits.
  async add(manager: EntityManager, notification: NewNotification): Promise<void> {
    const saved = await manager
      .getRepository(NotificationEntity)
      .save(manager.getRepository(NotificationEntity).create(notification));
    await manager.query('SELECT pg_notify($1, $2)', [
      NOTIFICATION_CHANNEL,
      JSON.stringify({ id: saved.id, userId: saved.userId, kind: saved.kind }),
    ]);
  }

  // Many at once (one statement), each announced like add().
  async addMany(manager: EntityManager, notifications: NewNotification[]): Promise<void> {
    if (notifications.length === 0) return;
    await manager.query(
      `WITH added AS (
         INSERT INTO notifications (user_id, kind, message, request_id, created_at)
         SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::uuid[], $5::timestamptz[])
         RETURNING id, user_id, kind
       )
       SELECT pg_notify($6, json_build_object('id', id::text, 'userId', user_id, 'kind', kind)::text)
         FROM added`,
      [
        notifications.map((n) => n.userId),
        notifications.map((n) => n.kind),
        notifications.map((n) => n.message),
        notifications.map((n) => n.requestId ?? null),
        notifications.map((n) => n.createdAt),
        NOTIFICATION_CHANNEL,
      ],
    );
  }

  list(userId: string, unreadOnly: boolean, first: number): Promise<NotificationEntity[]> {
    return this.dataSource.getRepository(NotificationEntity).find({
      where: { userId, ...(unreadOnly ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: first,
    });
  }

  async markRead(userId: string, ids: string[]): Promise<number> {
    const result = await this.dataSource
      .getRepository(NotificationEntity)
      .update({ userId, id: In(ids), readAt: IsNull() }, { readAt: this.clock.now() });
    return result.affected ?? 0;
  }
}
