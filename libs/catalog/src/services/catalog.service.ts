import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource } from '@intradesk/core';
import { DepartmentEntity } from '@intradesk/organization';
import { DataSource, EntityManager, In } from 'typeorm';
import { mayManageCatalogOf } from '../catalog.policy';
import { CatalogException } from '../catalog.exception';
import { Priority } from './priority.enum';
import { ServiceEntity } from './service.entity';

export interface CreateServiceCommand {
  supplierId: string;
  name: string;
  description?: string | null;
  defaultPriority?: Priority | null;
}

export interface UpdateServiceCommand {
  name?: string;
  description?: string;
  defaultPriority?: Priority;
  active?: boolean;
  expectedVersion?: number;
}

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
  ) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(ServiceEntity);
  }

  list(filter: { supplierIds?: string[]; includeInactive?: boolean }): Promise<ServiceEntity[]> {
    return this.repo().find({
      where: {
        ...(filter.supplierIds ? { supplierId: In(filter.supplierIds) } : {}),
        ...(filter.includeInactive ? {} : { active: true }),
      },
      order: { name: 'ASC' },
    });
  }

  findByIds(ids: readonly string[]): Promise<ServiceEntity[]> {
    return this.repo().findBy({ id: In([...ids]) });
  }

  async getById(id: string, manager?: EntityManager): Promise<ServiceEntity> {
    const service = await this.repo(manager).findOneBy({ id });
    if (!service) throw CatalogException.notFound(`No service with id ${id}`);
    return service;
  }

  async create(actor: AuthUser, command: CreateServiceCommand): Promise<ServiceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const supplier = await manager
        .getRepository(DepartmentEntity)
        .findOneBy({ id: command.supplierId });
      if (!supplier || supplier.archivedAt) {
        throw CatalogException.badInput(`No active department with id ${command.supplierId}`, [
          'input.supplierId',
        ]);
      }
      this.assertManages(actor, supplier.id);
      const service = this.repo(manager).create({
        supplierId: supplier.id,
        name: command.name.trim(),
        description: command.description?.trim() ?? '',
        defaultPriority: command.defaultPriority ?? Priority.P3,
      });
      try {
        return await this.repo(manager).save(service);
      } catch (error) {
        throw this.duplicateName(error, command.name);
      }
    });
  }

  async update(actor: AuthUser, id: string, command: UpdateServiceCommand): Promise<ServiceEntity> {
    return this.dataSource.transaction(async (manager) => {
      const service = await this.getById(id, manager);
      this.assertManages(actor, service.supplierId);
      const { expectedVersion, ...changes } = command;
      if (changes.name !== undefined) changes.name = changes.name.trim();
      const query = manager
        .createQueryBuilder()
        .update(ServiceEntity)
        .set({ ...changes, updatedAt: this.time.now(), version: () => 'version + 1' })
        .where('id = :id', { id });
      if (expectedVersion !== undefined)
        query.andWhere('version = :expectedVersion', { expectedVersion });
      try {
        const result = await query.execute();
        if (result.affected === 0) {
          throw CatalogException.conflict(
            `Service ${id} was changed by someone else; reload and retry`,
            ['input.expectedVersion'],
          );
        }
      } catch (error) {
        throw this.duplicateName(error, command.name ?? service.name);
      }
      return this.getById(id, manager);
    });
  }

  private assertManages(actor: AuthUser, supplierId: string): void {
    if (!mayManageCatalogOf(actor, supplierId)) {
      throw CatalogException.forbidden(
        "Only the supplier's team lead or an administrator manages its services",
      );
    }
  }

  private duplicateName(error: unknown, name: string): unknown {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      return CatalogException.conflict(`This supplier already offers a service named "${name}"`, [
        'input.name',
      ]);
    }
    return error;
  }
}
