import { Injectable } from '@nestjs/common';
import { decodeCursor, DomainException, encodeCursor, TimeSource } from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { DEFAULT_DIGEST_HOUR } from './mail-digest';
import { MailMessageEntity, MailStatus } from './mail-message.entity';
import { MailSettingsEntity } from './mail-settings.entity';
import { MAIL_LOCALES } from './mail-templates';

export interface MailSettings {
  digestHour: number;
  locale: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// A person's mail settings, and the outgoing messages for administrators.
@Injectable()
export class MailService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  async settings(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<MailSettings> {
    const [row]: { digest_hour: number | null; locale: string }[] = await manager.query(
      `SELECT s.digest_hour, u.locale FROM users u LEFT JOIN mail_settings s ON s.user_id = u.id
        WHERE u.id = $1`,
      [userId],
    );
    return { digestHour: row?.digest_hour ?? DEFAULT_DIGEST_HOUR, locale: row?.locale ?? 'en' };
  }

  async updateSettings(
    userId: string,
    changes: { digestHour?: number | null; locale?: string | null },
  ): Promise<MailSettings> {
    const fields: string[] = [];
    if (
      changes.digestHour != null &&
      !(Number.isInteger(changes.digestHour) && changes.digestHour >= 0 && changes.digestHour <= 23)
    )
      fields.push('digestHour');
    if (changes.locale != null && !(MAIL_LOCALES as readonly string[]).includes(changes.locale))
      fields.push('locale');
    if (fields.length)
      throw DomainException.badInput(
        `digestHour is an hour from 0 to 23; locale one of ${MAIL_LOCALES.join(', ')}`,
        fields,
      );
    return this.dataSource.transaction(async (manager) => {
      if (changes.digestHour != null) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(MailSettingsEntity)
          .values({ userId, digestHour: changes.digestHour, updatedAt: this.time.now() })
          .orUpdate(['digest_hour', 'updated_at'], ['user_id'])
          .execute();
      }
      if (changes.locale != null) {
        await manager.query(`UPDATE users SET locale = $2 WHERE id = $1`, [userId, changes.locale]);
      }
      return this.settings(userId, manager);
    });
  }

  // The outgoing messages, newest first, optionally of some statuses.
  async outgoing(statuses: MailStatus[] | null | undefined, size: number, after?: string | null) {
    const matching = () => {
      const query = this.dataSource.getRepository(MailMessageEntity).createQueryBuilder('m');
      if (statuses?.length) query.where('m.status IN (:...statuses)', { statuses });
      return query;
    };
    const query = matching();
    if (after) {
      const [at, id] = decodeCursor(after, 2);
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !UUID.test(String(id)))
        throw DomainException.badInput('after is not a cursor of this list', ['after']);
      query.andWhere(
        '(m.created_at, m.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))',
        {
          afterAt: at,
          afterId: String(id),
        },
      );
    }
    const rows = await query
      .orderBy('m.created_at', 'DESC')
      .addOrderBy('m.id', 'DESC')
      .limit(size + 1)
      .getMany();
    return {
      rows,
      cursorOf: (row: MailMessageEntity) => encodeCursor([row.createdAt.toISOString(), row.id]),
      count: () => matching().getCount(),
    };
  }
}
