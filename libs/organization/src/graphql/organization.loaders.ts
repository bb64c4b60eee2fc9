import { Injectable } from '@nestjs/common';
import { LoaderFactory } from '@intradesk/core';
import DataLoader from 'dataloader';
import { DepartmentsService } from '../departments/departments.service';
import { UsersService } from '../users/users.service';
import { DepartmentModel } from './department.model';
import { UserModel } from './user.model';

export interface OrganizationLoaders {
  departmentById: DataLoader<string, DepartmentModel | null>;
  childrenByParentId: DataLoader<string, DepartmentModel[]>;
  userById: DataLoader<string, UserModel | null>;
  membersByDepartmentId: DataLoader<string, UserModel[]>;
}

function byKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupedByKey<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) map.get(keyOf(row))?.push(row);
  return keys.map((key) => map.get(key)!);
}

@Injectable()
export class OrganizationLoaderFactory implements LoaderFactory<OrganizationLoaders> {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly users: UsersService,
  ) {}

  create(): OrganizationLoaders {
    return {
      departmentById: new DataLoader(async (ids) =>
        byKey(ids, (await this.departments.findByIds(ids)).map(DepartmentModel.from), (d) => d.id),
      ),
      childrenByParentId: new DataLoader(async (ids) =>
        groupedByKey(
          ids,
          (await this.departments.childrenOf(ids)).map(DepartmentModel.from),
          (d) => d.parentId!,
        ),
      ),
      userById: new DataLoader(async (ids) =>
        byKey(ids, (await this.users.findByIds(ids)).map(UserModel.from), (u) => u.id),
      ),
      membersByDepartmentId: new DataLoader(async (ids) =>
        groupedByKey(
          ids,
          (await this.users.membersOf(ids)).map(UserModel.from),
          (u) => u.departmentId!,
        ),
      ),
    };
  }
}
