import { Injectable } from '@nestjs/common';
import {
  AppConfig,
  decodeCursor,
  DomainException,
  encodeCursor,
  TimeSource,
} from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { NOTIFICATION_KINDS } from '../notification-kind.enum';
import { DEFAULT_DIGEST_HOUR } from './mail-digest';
import { MailChoice } from './mail-choice.enum';
import { DIGEST_KIND, MailMessageEntity, MailStatus } from './mail-message.entity';
import { MailSettingsEntity } from './mail-settings.entity';
import { MAIL_LOCALES, MailLocale, mailLocale } from './mail-templates';
import { verifyUnsubscribeToken } from './reply-token';

export interface Unsubscriber {
  userId: string;
  kind: string;
  locale: MailLocale;
}

const DAY_MS = 86_400_000;

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
    private readonly config: AppConfig,
  ) {}

  // Whom a List-Unsubscribe token names, or null when it is forged, malformed, older than
  // MAIL_REPLY_TOKEN_DAYS (as the reply address beside it), of an unknown kind, or of a person no
  // longer active. Reads at most one row.
  async unsubscriber(token: string): Promise<Unsubscriber | null> {
    const claim = verifyUnsubscribeToken(this.config.mailReplySecret, token);
    if (!claim) return null;
    if (claim.kind !== DIGEST_KIND && !(NOTIFICATION_KINDS as string[]).includes(claim.kind))
      return null;
    const age = this.time.now().getTime() - claim.issuedAt.getTime();
    if (age > this.config.MAIL_REPLY_TOKEN_DAYS * DAY_MS || age < -DAY_MS) return null;
    const [user]: { locale: string }[] = await this.dataSource.query(
      `SELECT locale FROM users WHERE id = $1 AND deactivated_at IS NULL`,
      [claim.userId],
    );
    return user
      ? { userId: claim.userId, kind: claim.kind, locale: mailLocale(user.locale) }
      : null;
  }

  // One-click unsubscribe: that person's e-mail of that kind OFF (the notification settings'
  // "No e-mail"; in-app stays as it was); for the daily digest, every kind they had in it. Idempotent.
  async unsubscribe(who: Unsubscriber): Promise<void> {
    const now = this.time.now();
    if (who.kind === DIGEST_KIND) {
      await this.dataSource.query(
        `UPDATE notification_preferences SET email = '${MailChoice.OFF}', updated_at = $2
          WHERE user_id = $1 AND email = '${MailChoice.DIGEST}'`,
        [who.userId, now],
      );
      return;
    }
    await this.dataSource.query(
      `INSERT INTO notification_preferences AS p (user_id, kind, in_app, email, updated_at)
       VALUES ($1, $2, true, '${MailChoice.OFF}', $3)
       ON CONFLICT (user_id, kind) DO UPDATE SET email = EXCLUDED.email, updated_at = EXCLUDED.updated_at
        WHERE p.email IS DISTINCT FROM EXCLUDED.email`,
      [who.userId, who.kind, now],
    );
  }

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
