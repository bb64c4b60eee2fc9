import { Injectable } from '@nestjs/common';
import {
  decodeCursor,
  encodeCursor,
  ErrorReason,
  isAdministrator,
  Role,
  RowsPage,
  TimeSource,
} from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { PasswordResetLinkEntity } from '../auth/password-reset-link.entity';
import { DepartmentEntity } from '../departments/department.entity';
import { OrganizationException } from '../organization.exception';
import { USER_SEARCH_TEXT, UserEntity } from './user.entity';

export interface UserListCriteria {
  search?: string | null;
  role?: Role | null;
  departmentId?: string | null;
  includeDeactivated?: boolean | null;
}

export type UserPage = RowsPage<UserEntity>;

export interface UpdateUserCommand {
  id: string;
  name?: string;
  role?: Role;
  // null takes the user out of every department; undefined leaves it.
  departmentId?: string | null;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

// Administrators run the organisation's people: list, rename, move, change roles, deactivate
// leavers and bring them back. The last active administrator always stays one.
@Injectable()
export class PeopleAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly time: TimeSource,
  ) {}

  // By name, then id (the cursor); a search matches any part of the name or the email.
  async page(criteria: UserListCriteria, size: number, after?: string | null): Promise<UserPage> {
    const query = this.filtered(criteria);
    if (after) {
      const [name, id] = decodeCursor(after, 2);
      query.andWhere('(u.name, u.id) > (:name, :id)', { name, id });
    }
    const rows = await query
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(size + 1)
      .getMany();
    return {
      rows,
      cursorOf: (row) => encodeCursor([row.name, row.id]),
      count: () => this.filtered(criteria).getCount(),
    };
  }

  private filtered(criteria: UserListCriteria) {
    const query = this.dataSource.getRepository(UserEntity).createQueryBuilder('u');
    if (!criteria.includeDeactivated) query.andWhere('u.deactivated_at IS NULL');
    if (criteria.role) query.andWhere('u.role = :role', { role: criteria.role });
    if (criteria.departmentId)
      query.andWhere('u.department_id = :departmentId', { departmentId: criteria.departmentId });
    const search = criteria.search?.trim().toLowerCase();
    if (search) {
      query.andWhere(`${USER_SEARCH_TEXT} LIKE :pattern`, { pattern: `%${escapeLike(search)}%` });
    }
    return query;
  }

  async update(command: UpdateUserCommand): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const losesAdmin = command.role !== undefined && !isAdministrator({ role: command.role });
      const admins = losesAdmin ? await this.lockActiveAdmins(manager) : null;
      const user = await this.lockUser(manager, command.id);
      const changes: Partial<UserEntity> = {};
      if (command.name !== undefined) {
        const name = command.name.trim();
        if (!name) throw OrganizationException.badInput('name must not be blank', ['input.name']);
        if (name !== user.name) changes.name = name;
      }
      if (command.role !== undefined && command.role !== user.role) {
        if (admins && isAdministrator(user) && !user.deactivatedAt) {
          this.assertAnotherAdmin(admins, user.id, 'demote');
        }
        changes.role = command.role;
      }
      if (command.departmentId !== undefined && command.departmentId !== user.departmentId) {
        if (command.departmentId !== null)
          await this.checkDepartment(manager, command.departmentId);
        changes.departmentId = command.departmentId;
      }
      if (Object.keys(changes).length === 0) return user;
      await manager
        .getRepository(UserEntity)
        .update({ id: user.id }, { ...changes, updatedAt: this.time.now() });
      await this.auth.userChanged(manager, user.id);
      return manager.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    });
  }

  // Every token ends at once (the token version moves on), sign-in is refused, any reset link is
  // voided; requests, comments and history keep pointing at the user.
  async deactivate(id: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const admins = await this.lockActiveAdmins(manager);
      const user = await this.lockUser(manager, id);
      if (user.deactivatedAt) return user;
      if (isAdministrator(user)) this.assertAnotherAdmin(admins, user.id, 'deactivate');
      await manager
        .getRepository(UserEntity)
        .createQueryBuilder()
        .update()
        .set({
          deactivatedAt: this.time.now(),
          tokenVersion: () => 'token_version + 1',
          updatedAt: this.time.now(),
        })
        .where('id = :id', { id })
        .execute();
      await manager.getRepository(PasswordResetLinkEntity).delete({ userId: id });
      await this.auth.userChanged(manager, id);
      return manager.getRepository(UserEntity).findOneByOrFail({ id });
    });
  }

  async reactivate(id: string): Promise<UserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, id);
      if (!user.deactivatedAt) return user;
      await manager
        .getRepository(UserEntity)
        .update({ id }, { deactivatedAt: null, updatedAt: this.time.now() });
      await this.auth.userChanged(manager, id);
      return manager.getRepository(UserEntity).findOneByOrFail({ id });
    });
  }

  // Every active administrator's row, locked in id order: two transactions that each take an
  // administrator away serialise here, and the second sees the first's change.
  private async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE role = $1 AND deactivated_at IS NULL ORDER BY id FOR UPDATE`,
      [Role.ADMIN],
    );
    return rows.map((r) => r.id);
  }

  private assertAnotherAdmin(admins: string[], userId: string, action: string): void {
    if (!admins.some((id) => id !== userId)) {
      throw OrganizationException.conflict(
        `Cannot ${action} the last active administrator; make someone else an administrator first`,
      ).because(ErrorReason.LAST_ADMIN);
    }
  }

  private async lockUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!user) throw OrganizationException.notFound(`No user with id ${id}`);
    return user;
  }

  private async checkDepartment(manager: EntityManager, departmentId: string): Promise<void> {
    const department = await manager
      .getRepository(DepartmentEntity)
      .findOneBy({ id: departmentId });
    if (!department) {
      throw OrganizationException.badInput(`No department with id ${departmentId}`, [
        'input.departmentId',
      ]).because(ErrorReason.UNKNOWN_DEPARTMENT);
    }
    if (department.archivedAt) {
      throw OrganizationException.badInput(`Department ${department.code} is archived`, [
        'input.departmentId',
      ]).because(ErrorReason.DEPARTMENT_ARCHIVED);
    }
  }
}
