import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource, ErrorReason } from '@intradesk/core';
import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { mayManageSlaPoliciesOf } from '../sla.policy';
import { ClocksService } from '../clocks/clocks.service';
import { SlaConfigCache } from '../config-cache/sla-config-cache';
import { SlaException } from '../sla.exception';
import { CalendarMode } from './calendar-mode.enum';
import { SlaPolicyEntity } from './sla-policy.entity';

export interface PolicyCommand {
  name?: string | null;
  supplierId?: string | null;
  serviceId?: string | null;
  customerId?: string | null;
  relationshipType?: RelationshipType | null;
  priority?: Priority | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
  calendarId?: string | null;
  calendarMode?: CalendarMode | null;
  warnAtPercent?: number | null;
}

const FOREIGN_KEY_VIOLATION = '23503';

@Injectable()
export class PoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clocks: ClocksService,
    private readonly time: TimeSource,
    private readonly cache: SlaConfigCache,
  ) {}

  // Runs a change of policies and tells every process's configuration cache about it.
  private async changing<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(async (manager) => {
      const value = await work(manager);
      await SlaConfigCache.announce(manager);
      return value;
    });
    this.cache.invalidate();
    return result;
  }

  list(supplierId?: string | null): Promise<SlaPolicyEntity[]> {
    return this.dataSource.getRepository(SlaPolicyEntity).find({
      where: supplierId
        ? [
            { supplierId, active: true },
            { supplierId: IsNull(), active: true },
          ]
        : { active: true },
      order: { createdAt: 'ASC' },
    });
  }

  findByIds(ids: readonly string[]): Promise<SlaPolicyEntity[]> {
    return this.dataSource.getRepository(SlaPolicyEntity).findBy({ id: In([...ids]) });
  }

  async create(actor: AuthUser, command: PolicyCommand): Promise<SlaPolicyEntity> {
    this.assertScope(actor, command.supplierId ?? null);
    return this.changing(async (manager) => {
      await this.assertServiceOfSupplier(manager, command);
      const policy = manager.getRepository(SlaPolicyEntity).create({
        name: command.name?.trim() ?? '',
        supplierId: command.supplierId ?? null,
        serviceId: command.serviceId ?? null,
        customerId: command.customerId ?? null,
        relationshipType: command.relationshipType ?? null,
        priority: command.priority ?? null,
        firstResponseMinutes: command.firstResponseMinutes,
        resolutionMinutes: command.resolutionMinutes,
        calendarId: command.calendarId ?? null,
        calendarMode: command.calendarMode ?? CalendarMode.SUPPLIER,
        warnAtPercent: command.warnAtPercent ?? 80,
        createdAt: this.time.now(),
      });
      try {
        return await manager.getRepository(SlaPolicyEntity).save(policy);
      } catch (error) {
        throw this.unknownReference(error);
      }
    });
  }

  // New targets apply to the running clocks under this policy (elapsed time kept).
  async updateTargets(
    actor: AuthUser,
    id: string,
    changes: {
      name?: string;
      firstResponseMinutes?: number;
      resolutionMinutes?: number;
      warnAtPercent?: number;
      active?: boolean;
    },
  ): Promise<SlaPolicyEntity> {
    return this.changing(async (manager) => {
      const policy = await manager.getRepository(SlaPolicyEntity).findOneBy({ id });
      if (!policy) throw SlaException.notFound(`No SLA policy with id ${id}`);
      this.assertScope(actor, policy.supplierId);
      if (changes.name !== undefined) {
        const name = changes.name.trim();
        if (!name) throw SlaException.badInput('A policy needs a name', ['input.name']);
        changes = { ...changes, name };
      }
      await manager
        .getRepository(SlaPolicyEntity)
        .update({ id }, { ...changes, updatedAt: this.time.now(), version: policy.version + 1 });
      const updated = (await manager.getRepository(SlaPolicyEntity).findOneBy({ id }))!;
      await this.clocks.applyPolicyTargets(manager, updated, this.time.now());
      return updated;
    });
  }

  private assertScope(actor: AuthUser, supplierId: string | null): void {
    if (mayManageSlaPoliciesOf(actor, supplierId)) return;
    throw SlaException.forbidden(
      'Team leads manage the policies of their own department; operations all of them',
    ).because(ErrorReason.NOT_OWN_DEPARTMENT);
  }

  private async assertServiceOfSupplier(
    manager: EntityManager,
    command: PolicyCommand,
  ): Promise<void> {
    if (!command.serviceId) return;
    const [service] = await manager.query('SELECT supplier_id FROM services WHERE id = $1', [
      command.serviceId,
    ]);
    if (!service)
      throw SlaException.badInput(`No service with id ${command.serviceId}`, ['input.serviceId']);
    if (command.supplierId && service.supplier_id !== command.supplierId) {
      throw SlaException.badInput('The service belongs to another supplier', [
        'input.serviceId',
      ]).because(ErrorReason.SERVICE_OF_OTHER_SUPPLIER);
    }
    command.supplierId ??= service.supplier_id;
  }

  private unknownReference(error: unknown): unknown {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) {
      const detail = String((error as { detail?: string }).detail ?? '');
      const field = /calendar_id/.test(detail)
        ? 'calendarId'
        : /customer_id/.test(detail)
          ? 'customerId'
          : 'supplierId';
      return SlaException.badInput(`Unknown ${field}`, [`input.${field}`]);
    }
    return error;
  }
}
