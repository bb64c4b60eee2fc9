import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource, ErrorReason } from '@intradesk/core';
import { CatalogService, Priority } from '@intradesk/catalog';
import { classifyRelationship, DepartmentEntity, RelationshipType } from '@intradesk/organization';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentsService } from '../attachments/attachments.service';
import { RequestChangeKind } from '../events/request-events';
import { HistoryKind } from '../history/history-kind.enum';
import { RequestNotifier } from '../notifications/request-notifier';
import { RequestsException } from '../requests.exception';
import { RequestStatus } from './request-status.enum';
import { RequestClocks } from './request-clocks';
import { nextRequestSeq } from './request-numbers';
import { RequestWriter } from './request-writer.service';
import { RequestEntity } from './request.entity';

export interface CreateRequestCommand {
  supplierId: string;
  serviceId?: string | null;
  title: string;
  description?: string | null;
  priority?: Priority | null;
  idempotencyKey?: string | null;
  // The caller's uploads for this request (POST /attachments), linked as its own files.
  attachmentIds?: readonly string[] | null;
}

export interface SlaPreview {
  relationshipType: RelationshipType;
  explanation: string;
  sla: Awaited<ReturnType<RequestClocks['preview']>>;
}

const position = (d: DepartmentEntity) => ({
  id: d.id,
  code: d.code,
  path: d.path,
  level: d.effectiveLevel,
});

// Filing a request, and what filing would give (the SLA preview).
@Injectable()
export class RequestFilingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly time: TimeSource,
    private readonly requestClocks: RequestClocks,
    private readonly notifier: RequestNotifier,
    private readonly writer: RequestWriter,
    private readonly attachments: AttachmentsService,
  ) {}

  // Files a request from the caller's department. A repeated idempotency key returns the first
  // request; the same key with a different payload is a CONFLICT.
  async create(actor: AuthUser, command: CreateRequestCommand): Promise<RequestEntity> {
    return this.dataSource.transaction((manager) => this.createIn(manager, actor, command));
  }

  // create inside the caller's transaction (an e-mail records its receipt with the request).
  async createIn(
    manager: EntityManager,
    actor: AuthUser,
    command: CreateRequestCommand,
  ): Promise<RequestEntity> {
    if (!actor.departmentId) {
      throw RequestsException.badInput(
        'You belong to no department, so you cannot file requests',
      ).because(ErrorReason.NO_DEPARTMENT);
    }
    const attachmentIds = [
      ...new Set((command.attachmentIds ?? []).map((id) => id.toLowerCase())),
    ].sort();
    const payloadHash = createHash('sha256')
      .update(
        JSON.stringify([
          command.supplierId,
          command.serviceId ?? null,
          command.title,
          command.description ?? '',
          command.priority ?? null,
          // Only when there are files, so the hashes of requests filed without stay the same.
          ...(attachmentIds.length > 0 ? [attachmentIds] : []),
        ]),
      )
      .digest('hex');
    {
      if (command.idempotencyKey) {
        const existing = await this.findIdempotent(manager, actor.id, command.idempotencyKey);
        if (existing) {
          if (existing.payloadHash !== payloadHash) {
            throw RequestsException.conflict(
              `Idempotency key "${command.idempotencyKey}" was already used for a different request (${existing.number})`,
              ['input.idempotencyKey'],
            ).because(ErrorReason.IDEMPOTENCY_KEY_REUSED);
          }
          return existing;
        }
      }
      const [supplier, customer] = await this.activeDepartments(
        manager,
        command.supplierId,
        actor.departmentId!,
      );
      const service = command.serviceId
        ? await this.serviceOf(manager, command.serviceId, supplier)
        : null;
      const relationship = classifyRelationship(position(customer), position(supplier));
      const seq = await nextRequestSeq(manager, supplier.id);
      const now = this.time.now();
      const request = manager.getRepository(RequestEntity).create({
        seq,
        number: `${supplier.code}-${seq}`,
        supplierId: supplier.id,
        customerId: customer.id,
        requesterId: actor.id,
        serviceId: service?.id ?? null,
        title: command.title.trim(),
        description: command.description?.trim() ?? '',
        priority: command.priority ?? service?.defaultPriority ?? Priority.P3,
        status: RequestStatus.NEW,
        relationshipType: relationship.type,
        idempotencyKey: command.idempotencyKey ?? null,
        payloadHash: command.idempotencyKey ? payloadHash : null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      await manager.getRepository(RequestEntity).insert(request);
      // Before anything else is written for it: a refused file refuses the whole request.
      await this.attachments.linkToNewRequest(manager, actor, request.id, attachmentIds);
      await this.requestClocks.started(
        manager,
        {
          ...request,
          departmentCalendarIds: new Map([
            [supplier.id, supplier.calendarId],
            [customer.id, customer.calendarId],
          ]),
        },
        now,
      );
      await this.writer.record(
        manager,
        request,
        actor.id,
        now,
        HistoryKind.CREATED,
        null,
        RequestStatus.NEW,
      );
      await this.writer.publish(manager, request, RequestChangeKind.CREATED);
      await this.notifier.created(manager, actor, request, {
        supplierName: supplier.name,
        customerName: customer.name,
      });
      return request;
    }
  }

  // What filing now would give, before filing: the relationship type and the OLA targets and due
  // times, through the same department checks, policy matching and calendar math as create().
  async preview(
    actor: AuthUser,
    command: { supplierId: string; serviceId?: string | null; priority: Priority },
  ): Promise<SlaPreview> {
    if (!actor.departmentId) {
      throw RequestsException.badInput(
        'You belong to no department, so you cannot file requests',
      ).because(ErrorReason.NO_DEPARTMENT);
    }
    return this.previewFor(actor.departmentId, command);
  }

  // What a request from any customer department would get (the same selection as filing):
  // the relationship type, the policy that applies and its due times as if filed now.
  async previewFor(
    customerId: string,
    command: { supplierId: string; serviceId?: string | null; priority: Priority },
  ): Promise<SlaPreview> {
    const manager = this.dataSource.manager;
    // The query's arguments are top-level (supplierId, serviceId), not input.*.
    const [supplier, customer] = await this.activeDepartments(
      manager,
      command.supplierId,
      customerId,
      '',
    );
    const service = command.serviceId
      ? await this.serviceOf(manager, command.serviceId, supplier, '')
      : null;
    const relationship = classifyRelationship(position(customer), position(supplier));
    const sla = await this.requestClocks.preview(
      manager,
      {
        supplierId: supplier.id,
        customerId: customer.id,
        serviceId: service?.id ?? null,
        relationshipType: relationship.type,
        priority: command.priority,
        departmentCalendarIds: new Map([
          [supplier.id, supplier.calendarId],
          [customer.id, customer.calendarId],
        ]),
      },
      this.time.now(),
    );
    return { relationshipType: relationship.type, explanation: relationship.explanation, sla };
  }

  private async findIdempotent(
    manager: EntityManager,
    requesterId: string,
    key: string,
  ): Promise<RequestEntity | null> {
    // Serialises concurrent retries of one key: the second waits, then finds the first.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `request:${requesterId}:${key}`,
    ]);
    return manager.getRepository(RequestEntity).findOneBy({ requesterId, idempotencyKey: key });
  }

  // The supplier and the filing department, read together; both must exist and be active.
  private async activeDepartments(
    manager: EntityManager,
    supplierId: string,
    customerId: string,
    fieldPrefix = 'input.',
  ): Promise<[DepartmentEntity, DepartmentEntity]> {
    const found = await manager
      .getRepository(DepartmentEntity)
      .findBy({ id: In([supplierId, customerId]) });
    const active = (id: string) => {
      const department = found.find((d) => d.id === id);
      if (!department)
        throw RequestsException.badInput(`No department with id ${id}`, [
          `${fieldPrefix}supplierId`,
        ]).because(ErrorReason.UNKNOWN_DEPARTMENT);
      if (department.archivedAt) {
        throw RequestsException.badInput(`Department ${department.code} is archived`, [
          `${fieldPrefix}supplierId`,
        ]).because(ErrorReason.DEPARTMENT_ARCHIVED);
      }
      return department;
    };
    return [active(supplierId), active(customerId)];
  }

  private async serviceOf(
    manager: EntityManager,
    serviceId: string,
    supplier: DepartmentEntity,
    fieldPrefix = 'input.',
  ) {
    const service = await this.catalog.getById(serviceId, manager).catch(() => null);
    if (!service || service.supplierId !== supplier.id) {
      throw RequestsException.badInput(`${supplier.name} offers no such service`, [
        `${fieldPrefix}serviceId`,
      ]).because(ErrorReason.SERVICE_NOT_OFFERED);
    }
    if (!service.active) {
      throw RequestsException.badInput(`The service "${service.name}" is no longer offered`, [
        `${fieldPrefix}serviceId`,
      ]).because(ErrorReason.SERVICE_WITHDRAWN);
    }
    return service;
  }
}
