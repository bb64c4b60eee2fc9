import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, TimeSource, ErrorReason } from '@intradesk/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { OrganizationException } from '../organization.exception';
import { normalizeDepartmentCode } from './department-code';
import { DepartmentEntity } from './department.entity';
import { lockOrgTree } from './org-tree.lock';
import { UserEntity } from '../users/user.entity';
import { classifyRelationship, Relationship } from './relationship-rule';

export interface CreateDepartmentCommand {
  code: string;
  name: string;
  parentId?: string | null;
  level?: number | null;
  timeZone?: string | null;
  calendarId?: string | null;
}

export interface UpdateDepartmentCommand {
  name?: string;
  // null clears an explicit level (back to depth); undefined keeps it.
  level?: number | null;
  timeZone?: string;
  // null returns to the organisation default; undefined keeps it.
  calendarId?: string | null;
  expectedVersion?: number;
}

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly time: TimeSource,
  ) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(DepartmentEntity);
  }

  list(includeArchived = false): Promise<DepartmentEntity[]> {
    return this.repo().find({
      where: includeArchived ? {} : { archivedAt: IsNull() },
      order: { depth: 'ASC', code: 'ASC' },
    });
  }

  findByIds(ids: readonly string[]): Promise<DepartmentEntity[]> {
    return this.repo().findBy({ id: In([...ids]) });
  }

  childrenOf(parentIds: readonly string[]): Promise<DepartmentEntity[]> {
    return this.repo().find({
      where: { parentId: In([...parentIds]), archivedAt: IsNull() },
      order: { code: 'ASC' },
    });
  }

  async getById(id: string, manager?: EntityManager): Promise<DepartmentEntity> {
    const department = await this.repo(manager).findOneBy({ id });
    if (!department) throw OrganizationException.notFound(`No department with id ${id}`);
    return department;
  }

  async getByCode(code: string, manager?: EntityManager): Promise<DepartmentEntity> {
    const department = await this.repo(manager).findOneBy({ code: normalizeDepartmentCode(code) });
    if (!department) throw OrganizationException.notFound(`No department with code ${code}`);
    return department;
  }

  async create(command: CreateDepartmentCommand): Promise<DepartmentEntity> {
    const code = normalizeDepartmentCode(command.code);
    return this.dataSource.transaction(async (manager) => {
      await lockOrgTree(manager);
      if (await this.repo(manager).existsBy({ code })) {
        throw OrganizationException.conflict(`Department code ${code} is already taken`, [
          'input.code',
        ]);
      }
      const parent = command.parentId ? await this.activeParent(command.parentId, manager) : null;
      const id = randomUUID();
      const department = this.repo(manager).create({
        id,
        code,
        name: command.name.trim(),
        parentId: parent?.id ?? null,
        level: command.level ?? null,
        depth: parent ? parent.depth + 1 : 0,
        path: [...(parent?.path ?? []), id],
        timeZone: command.timeZone ?? parent?.timeZone ?? this.config.DEFAULT_TIME_ZONE,
        calendarId: command.calendarId ?? null,
      });
      try {
        return await this.repo(manager).save(department);
      } catch (error) {
        throw this.mapUniqueViolation(error, code);
      }
    });
  }

  async update(id: string, command: UpdateDepartmentCommand): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const changes: Partial<DepartmentEntity> = {};
      if (command.name !== undefined) changes.name = command.name.trim();
      if (command.level !== undefined) changes.level = command.level;
      if (command.timeZone !== undefined) changes.timeZone = command.timeZone;
      if (command.calendarId !== undefined) changes.calendarId = command.calendarId;
      await this.bumpVersion(manager, id, command.expectedVersion, changes).catch((error) => {
        throw this.mapUnknownCalendar(error);
      });
      return this.getById(id, manager);
    });
  }

  async move(id: string, parentId: string | null): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockOrgTree(manager);
      const department = await this.getById(id, manager);
      const parent = parentId ? await this.activeParent(parentId, manager, 'parentId') : null;
      if (parent && parent.path.includes(department.id)) {
        throw OrganizationException.badInput(
          parent.id === department.id
            ? `${department.code} cannot be its own parent`
            : `Moving ${department.code} under ${parent.code} would make a cycle: ${parent.code} is inside ${department.code}`,
          ['parentId'],
        ).because(ErrorReason.DEPARTMENT_CYCLE, {
          department: department.code,
          parent: parent.code,
        });
      }
      if ((parent?.id ?? null) === department.parentId) return department;
      // Re-root the whole subtree: new parent path + the part of each path from this department down.
      const prefix = parent?.path ?? [];
      const cut = department.path.length;
      await manager.query(
        `UPDATE departments
            SET path = $1::uuid[] || path[$2:],
                depth = cardinality($1::uuid[]) + cardinality(path[$2:]) - 1
          WHERE path @> ARRAY[$3::uuid]`,
        [prefix, cut, department.id],
      );
      await this.bumpVersion(manager, id, undefined, { parentId: parent?.id ?? null });
      return this.getById(id, manager);
    });
  }

  async archive(id: string): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockOrgTree(manager);
      const department = await this.getById(id, manager);
      if (department.archivedAt) return department;
      const activeChildren = await this.repo(manager).find({
        where: { parentId: id, archivedAt: IsNull() },
        order: { code: 'ASC' },
      });
      if (activeChildren.length > 0) {
        throw OrganizationException.badInput(
          `${department.code} still has active child departments: ${activeChildren.map((c) => c.code).join(', ')}; move or archive them first`,
          ['id'],
        ).because(ErrorReason.HAS_ACTIVE_CHILDREN, {
          children: activeChildren.map((c) => c.code),
        });
      }
      await this.bumpVersion(manager, id, undefined, { archivedAt: this.time.now() });
      return this.getById(id, manager);
    });
  }

  // A lead is someone who can sign in: an unknown or deactivated user is refused.
  private async activeUser(manager: EntityManager, userId: string): Promise<void> {
    const user = await manager.getRepository(UserEntity).findOneBy({ id: userId });
    if (!user) throw OrganizationException.badInput('No such user', ['userId']);
    if (user.deactivatedAt) {
      throw OrganizationException.badInput(
        `${user.name} is deactivated: reactivate them first, or choose someone else`,
        ['userId'],
      ).because(ErrorReason.USER_DEACTIVATED);
    }
  }

  async restore(id: string): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      await lockOrgTree(manager);
      const department = await this.getById(id, manager);
      if (!department.archivedAt) return department;
      if (department.parentId) await this.activeParent(department.parentId, manager, 'id');
      await this.bumpVersion(manager, id, undefined, { archivedAt: null });
      return this.getById(id, manager);
    });
  }

  async setLead(id: string, userId: string | null): Promise<DepartmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      if (userId) await this.activeUser(manager, userId);
      await this.bumpVersion(manager, id, undefined, { leadId: userId });
      return this.getById(id, manager);
    });
  }

  // The organisation's time zone: its root department's (the oldest root if there are several).
  async organizationTimeZone(manager: EntityManager = this.dataSource.manager): Promise<string> {
    const rows: { time_zone: string }[] = await manager.query(
      `SELECT time_zone FROM departments WHERE parent_id IS NULL
        ORDER BY archived_at IS NOT NULL, created_at, code LIMIT 1`,
    );
    return rows[0]?.time_zone ?? this.config.DEFAULT_TIME_ZONE;
  }

  async relationship(customerId: string, supplierId: string): Promise<Relationship> {
    const found = await this.findByIds([customerId, supplierId]);
    const byId = new Map(found.map((d) => [d.id, d]));
    const customer = byId.get(customerId);
    const supplier = byId.get(supplierId);
    if (!customer) throw OrganizationException.notFound(`No department with id ${customerId}`);
    if (!supplier) throw OrganizationException.notFound(`No department with id ${supplierId}`);
    const position = (d: DepartmentEntity) => ({
      id: d.id,
      code: d.code,
      path: d.path,
      level: d.effectiveLevel,
    });
    return classifyRelationship(position(customer), position(supplier));
  }

  private async activeParent(parentId: string, manager: EntityManager, field = 'input.parentId') {
    const parent = await this.repo(manager).findOneBy({ id: parentId });
    if (!parent) throw OrganizationException.badInput(`No department with id ${parentId}`, [field]);
    if (parent.archivedAt) {
      throw OrganizationException.badInput(`Department ${parent.code} is archived`, [field]);
    }
    return parent;
  }

  // Version check in SQL: zero rows updated means someone else changed it first.
  private async bumpVersion(
    manager: EntityManager,
    id: string,
    expectedVersion: number | undefined,
    changes: Partial<DepartmentEntity>,
  ): Promise<void> {
    const query = manager
      .createQueryBuilder()
      .update(DepartmentEntity)
      .set({ ...changes, updatedAt: this.time.now(), version: () => 'version + 1' })
      .where('id = :id', { id });
    if (expectedVersion !== undefined)
      query.andWhere('version = :expectedVersion', { expectedVersion });
    const result = await query.execute();
    if (result.affected === 0) {
      await this.getById(id, manager);
      throw OrganizationException.conflict(
        `Department ${id} was changed by someone else (expected version ${expectedVersion}); reload and retry`,
        ['expectedVersion'],
      );
    }
  }

  private mapUnknownCalendar(error: unknown): unknown {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
      return OrganizationException.badInput('No business calendar with that id', [
        'input.calendarId',
      ]);
    }
    return error;
  }

  private mapUniqueViolation(error: unknown, code: string): unknown {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION)
      return this.mapUnknownCalendar(error);
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return OrganizationException.conflict(`Department code ${code} is already taken`, [
        'input.code',
      ]);
    }
    return error;
  }
}
