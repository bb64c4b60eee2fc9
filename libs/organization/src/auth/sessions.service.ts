import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource } from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { OrganizationException } from '../organization.exception';
import { UserEntity } from '../users/user.entity';
import { hashPassword, verifyPassword } from '../users/password-hasher';
import { AuthService } from './auth.service';
import { maySignOutEverywhere } from '../organization.policy';

// Ends sessions: every token carries the user's token version, and bumping it (here, in the same
// transaction as the change) makes all older tokens invalid in every API process at once.
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly time: TimeSource,
  ) {}

  // Signs the user out everywhere else and returns a fresh token for the caller's own session.
  async changePassword(
    caller: AuthUser,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ accessToken: string; user: UserEntity }> {
    const newHash = await hashPassword(newPassword);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.id = :id', { id: caller.id })
        .setLock('pessimistic_write')
        .getOne();
      if (!user) throw OrganizationException.unauthenticated();
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
        throw OrganizationException.badInput('The current password is wrong', ['currentPassword']);
      }
      if (await verifyPassword(user.passwordHash, newPassword)) {
        throw OrganizationException.badInput('The new password must differ from the current one', [
          'newPassword',
        ]);
      }
      const changed = await this.bumpTokenVersion(manager, user.id, { passwordHash: newHash });
      return { accessToken: await this.auth.issueToken(changed), user: changed };
    });
  }

  // An administrator for anyone, anyone for themselves: every token issued so far stops working.
  async signOutEverywhere(caller: AuthUser, userId: string): Promise<UserEntity> {
    if (!maySignOutEverywhere(caller, userId)) {
      throw OrganizationException.forbidden('Only an administrator may sign out another user');
    }
    return this.dataSource.transaction(async (manager) => {
      const exists = await manager.getRepository(UserEntity).existsBy({ id: userId });
      if (!exists) throw OrganizationException.notFound(`No user with id ${userId}`);
      return this.bumpTokenVersion(manager, userId, {});
    });
  }

  private async bumpTokenVersion(
    manager: EntityManager,
    userId: string,
    changes: { passwordHash?: string },
  ): Promise<UserEntity> {
    await manager
      .getRepository(UserEntity)
      .createQueryBuilder()
      .update()
      .set({ ...changes, tokenVersion: () => 'token_version + 1', updatedAt: this.time.now() })
      .where('id = :id', { id: userId })
      .execute();
    await this.auth.userChanged(manager, userId);
    return manager.getRepository(UserEntity).findOneByOrFail({ id: userId });
  }
}
