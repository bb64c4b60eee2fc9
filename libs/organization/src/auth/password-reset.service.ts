import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TimeSource, ErrorReason } from '@intradesk/core';
import { DataSource } from 'typeorm';
import { OrganizationException } from '../organization.exception';
import { hashPassword } from '../users/password-hasher';
import { UserEntity } from '../users/user.entity';
import { AuthService } from './auth.service';
import { PasswordResetLinkEntity } from './password-reset-link.entity';

// How long a link works. Invitations and resets travel by hand (e-mail comes later): three days.
export const RESET_LINK_HOURS = 72;

export function hashResetToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface ResetLink {
  token: string;
  path: string;
  expiresAt: Date;
  user: UserEntity;
}

// One-time links with which an invited user sets a first password, or anyone a forgotten one.
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly time: TimeSource,
  ) {}

  // A new link replaces the user's previous one.
  async createLink(adminId: string, userId: string): Promise<ResetLink> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('u.id = :id', { id: userId })
        .setLock('pessimistic_write')
        .getOne();
      if (!user) throw OrganizationException.notFound(`No user with id ${userId}`);
      if (user.deactivatedAt) {
        throw OrganizationException.conflict(
          `${user.email} is deactivated; reactivate the account first`,
        ).because(ErrorReason.USER_DEACTIVATED);
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(this.time.now().getTime() + RESET_LINK_HOURS * 3_600_000);
      await manager.getRepository(PasswordResetLinkEntity).upsert(
        {
          userId,
          tokenHash: hashResetToken(token),
          expiresAt,
          usedAt: null,
          createdById: adminId,
          createdAt: this.time.now(),
        },
        ['userId'],
      );
      return { token, path: `/set-password?token=${token}`, expiresAt, user };
    });
  }

  // Sets the password, spends the link, ends every other session and signs the user in.
  async setPassword(
    token: string,
    password: string,
  ): Promise<{ accessToken: string; user: UserEntity }> {
    const tokenHash = hashResetToken(token);
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const link = await manager
        .getRepository(PasswordResetLinkEntity)
        .createQueryBuilder('l')
        .where('l.token_hash = :tokenHash', { tokenHash })
        .setLock('pessimistic_write')
        .getOne();
      if (!link) {
        throw OrganizationException.badInput('This link is not valid; ask for a new one', [
          'token',
        ]).because(ErrorReason.RESET_LINK_INVALID);
      }
      if (link.usedAt) {
        throw OrganizationException.badInput('This link has been used; ask for a new one', [
          'token',
        ]).because(ErrorReason.RESET_LINK_USED);
      }
      const now = this.time.now();
      if (link.expiresAt.getTime() <= now.getTime()) {
        throw OrganizationException.badInput('This link has expired; ask for a new one', [
          'token',
        ]).because(ErrorReason.RESET_LINK_EXPIRED);
      }
      const users = manager.getRepository(UserEntity);
      const user = await users.findOneBy({ id: link.userId });
      if (!user || user.deactivatedAt) {
        throw OrganizationException.badInput('This link is not valid; ask for a new one', [
          'token',
        ]).because(ErrorReason.RESET_LINK_INVALID);
      }
      await manager
        .getRepository(PasswordResetLinkEntity)
        .update({ userId: link.userId }, { usedAt: now });
      await users
        .createQueryBuilder()
        .update()
        .set({ passwordHash, tokenVersion: () => 'token_version + 1', updatedAt: now })
        .where('id = :id', { id: user.id })
        .execute();
      await this.auth.userChanged(manager, user.id);
      const changed = await users.findOneByOrFail({ id: user.id });
      return { accessToken: await this.auth.issueToken(changed), user: changed };
    });
  }
}
