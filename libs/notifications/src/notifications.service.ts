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
