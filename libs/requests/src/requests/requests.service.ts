import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, AuthUser, Clock } from '@intradesk/core';
import { CatalogService, Priority } from '@intradesk/catalog';
import {
  classifyRelationship,
  DepartmentEntity,
  DepartmentsService,
  UserEntity,
} from '@intradesk/organization';
import { NotificationsService } from '@intradesk/notifications';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  canSeeRequest,
  isCustomerSide,
  isSupplierSide,
  seesInternalNotes,
} from '../access/request-access';
import { CommentEntity } from '../comments/comment.entity';
import { publishRequestChanged, RequestChangeKind } from '../events/request-events';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { HistoryKind } from '../history/history-kind.enum';
import { checkMove, isReopen, Side } from '../lifecycle/request-state-machine';
import { RequestsException } from '../requests.exception';
import { RequestStatus } from './request-status.enum';
import { RequestClocks } from './request-clocks';
import { nextRequestSeq } from './request-numbers';
import { RequestEntity } from './request.entity';

export interface CreateRequestCommand {
  supplierId: string;
  serviceId?: string | null;
  title: string;
  description?: string | null;
  priority?: Priority | null;
  idempotencyKey?: string | null;
}

const CLOSED_FOR_WORK = new Set([RequestStatus.CLOSED, RequestStatus.CANCELLED]);

@Injectable()
export class RequestsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly catalog: CatalogService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly requestClocks: RequestClocks,
    private readonly notifications: NotificationsService,
  ) {}

  // Files a request from the caller's department. A repeated idempotency key returns the first
  // request; the same key with a different payload is a CONFLICT.
  async create(actor: AuthUser, command: CreateRequestCommand): Promise<RequestEntity> {
    if (!actor.departmentId) {
      throw RequestsException.badInput('You belong to no department, so you cannot file requests');
    }
    const payloadHash = createHash('sha256')
      .update(
        JSON.stringify([
          command.supplierId,
          command.serviceId ?? null,
          command.title,
          command.description ?? '',
          command.priority ?? null,
        ]),
      )
      .digest('hex');
    return this.dataSource.transaction(async (manager) => {
      if (command.idempotencyKey) {
        const existing = await this.findIdempotent(manager, actor.id, command.idempotencyKey);
        if (existing) {
          if (existing.payloadHash !== payloadHash) {
            throw RequestsException.conflict(
              `Idempotency key "${command.idempotencyKey}" was already used for a different request (${existing.number})`,
              ['input.idempotencyKey'],
            );
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
      const position = (d: DepartmentEntity) => ({
        id: d.id,
        code: d.code,
        path: d.path,
        level: d.effectiveLevel,
      });
      const relationship = classifyRelationship(position(customer), position(supplier));
      const seq = await nextRequestSeq(manager, supplier.id);
      const now = this.clock.now();
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
      await this.record(
        manager,
        request,
        actor.id,
        now,
        HistoryKind.CREATED,
        null,
        RequestStatus.NEW,
      );
      await this.publish(manager, request, RequestChangeKind.CREATED);
      return request;
    });
  }

  async assign(
    actor: AuthUser,
    id: string,
    assigneeId: string | null,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.loadForChange(manager, actor, id, expectedVersion);
      if (!isSupplierSide(actor, request)) {
        throw RequestsException.forbidden(
          'Only agents and leads of the supplier department assign requests',
        );
      }
      this.assertWorkable(request);
      if (assigneeId) {
        const assignee = await manager.getRepository(UserEntity).findOneBy({ id: assigneeId });
        if (!assignee || assignee.departmentId !== request.supplierId) {
          throw RequestsException.badInput(
            'The assignee must be a member of the supplier department',
            ['assigneeId'],
          );
        }
      }
      if (request.assigneeId === assigneeId) return request;
      const now = this.clock.now();
      return this.applyChange(manager, actor, request, { assigneeId }, now, {
        kind: HistoryKind.ASSIGNED,
        from: request.assigneeId,
        to: assigneeId,
        event: RequestChangeKind.ASSIGNED,
      });
    });
  }

  async changeStatus(
    actor: AuthUser,
    id: string,
    to: RequestStatus,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.loadForChange(manager, actor, id, expectedVersion);
      const sides = new Set<Side>();
      if (isSupplierSide(actor, request)) sides.add('SUPPLIER');
      if (isCustomerSide(actor, request)) sides.add('CUSTOMER');
      if (request.status === to) {
        throw RequestsException.badInput(`${request.number} is already ${to}`, ['status']);
      }
      const check = checkMove(request.status, to, sides);
      if (!check.ok) {
        const allowed = check.allowed.length ? check.allowed.join(', ') : 'none';
        if (check.reason === 'ILLEGAL') {
          throw RequestsException.badInput(
            `${request.number} cannot move from ${request.status} to ${to}; moves allowed to you: ${allowed}`,
            ['status'],
          );
        }
        throw RequestsException.forbidden(
          `You may not move ${request.number} from ${request.status} to ${to}; moves allowed to you: ${allowed}`,
        );
      }
      const now = this.clock.now();
      if (isReopen(request.status, to)) this.assertReopenWindow(request, now);
      const changes: Partial<RequestEntity> = { status: to };
      if (to === RequestStatus.RESOLVED) changes.resolvedAt = now;
      if (to === RequestStatus.CLOSED) changes.closedAt = now;
      if (to === RequestStatus.CANCELLED) changes.cancelledAt = now;
      if (isReopen(request.status, to)) changes.resolvedAt = null;
      // The supplier's first move out of NEW is its first response.
      if (
        request.status === RequestStatus.NEW &&
        to !== RequestStatus.CANCELLED &&
        !request.firstRespondedAt
      ) {
        changes.firstRespondedAt = now;
      }
      const updated = await this.applyChange(manager, actor, request, changes, now, {
        kind: HistoryKind.STATUS_CHANGED,
        from: request.status,
        to,
        event: RequestChangeKind.STATUS_CHANGED,
      });
      if (to === RequestStatus.RESOLVED) await this.inviteRating(manager, updated, now);
      return updated;
    });
  }

  async changePriority(
    actor: AuthUser,
    id: string,
    priority: Priority,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.loadForChange(manager, actor, id, expectedVersion);
      if (!isSupplierSide(actor, request)) {
        throw RequestsException.forbidden(
          'Only agents and leads of the supplier department change priorities',
        );
      }
      this.assertWorkable(request);
      if (request.priority === priority) return request;
      const now = this.clock.now();
      return this.applyChange(manager, actor, request, { priority }, now, {
        kind: HistoryKind.PRIORITY_CHANGED,
        from: request.priority,
        to: priority,
        event: RequestChangeKind.PRIORITY_CHANGED,
      });
    });
  }

  async addComment(
    actor: AuthUser,
    requestId: string,
    body: string,
    internal: boolean,
    expectedVersion?: number,
  ): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.loadForChange(manager, actor, requestId, expectedVersion);
      if (internal && !seesInternalNotes(actor, request)) {
        throw RequestsException.forbidden('Internal notes are for the supplier side only');
      }
      const now = this.clock.now();
      const changes: Partial<RequestEntity> = {};
      // The supplier's first public comment is its first response (a requester filing to
      // their own department does not answer themselves).
      const supplierAnswer = isSupplierSide(actor, request) && actor.id !== request.requesterId;
      if (!internal && supplierAnswer && !request.firstRespondedAt) changes.firstRespondedAt = now;
      const updated = await this.versionedUpdate(manager, request, changes, now);
      await this.requestClocks.changed(manager, request, updated, now);
      const comment = manager.getRepository(CommentEntity).create({
        requestId: request.id,
        authorId: actor.id,
        body: body.trim(),
        internal,
        createdAt: now,
      });
      await manager.getRepository(CommentEntity).insert(comment);
      await this.record(manager, updated, actor.id, now, HistoryKind.COMMENTED, null, null, {
        commentId: comment.id,
        internal,
      });
      await this.publish(manager, updated, RequestChangeKind.COMMENTED, internal);
      return comment;
    });
  }

  // One change of a request: the versioned update, the clock rules, one history row and the
  // live notification, all in the caller's transaction.
  private async applyChange(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    changes: Partial<RequestEntity>,
    now: Date,
    change: { kind: HistoryKind; from: string | null; to: string | null; event: RequestChangeKind },
  ): Promise<RequestEntity> {
    const updated = await this.versionedUpdate(manager, request, changes, now);
    await this.requestClocks.changed(manager, request, updated, now);
    await this.record(manager, updated, actor.id, now, change.kind, change.from, change.to);
    await this.publish(manager, updated, change.event);
    return updated;
  }

  // The requester is asked to rate the resolution (the pending rating itself is derived from the
  // request's state, so a reopen withdraws it and a new resolution asks again).
  private inviteRating(manager: EntityManager, request: RequestEntity, now: Date): Promise<void> {
    return this.notifications.add(manager, {
      userId: request.requesterId,
      kind: 'RATING_INVITATION',
      message: `${request.number} "${request.title.slice(0, 120)}" was resolved: how did it go? Rate it within ${this.config.RATING_WINDOW_DAYS} days`,
      requestId: request.id,
      createdAt: now,
    });
  }

  // Closes resolved requests past the auto-close delay: one statement, safe to run in several
  // processes at once (each row is closed, recorded and announced exactly once).
  async closeResolvedRequests(): Promise<number> {
    const now = this.clock.now();
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH closed AS (
         UPDATE requests
            SET status = 'CLOSED', closed_at = $1, updated_at = $1, version = version + 1
          WHERE status = 'RESOLVED' AND resolved_at <= $1::timestamptz - make_interval(hours => $2)
        RETURNING id, number, supplier_id, customer_id
       ), history AS (
         INSERT INTO request_history (request_id, actor_id, at, kind, from_value, to_value, internal)
         SELECT id, NULL, $1, 'STATUS_CHANGED', 'RESOLVED', 'CLOSED', false FROM closed
       ), webhook_outbox AS (
         INSERT INTO webhook_deliveries
                (webhook_id, event, payload, status, attempts, next_attempt_at, created_at)
         SELECT hook.id, 'request.status_changed',
                jsonb_build_object('requestId', c.id, 'number', c.number, 'status', 'CLOSED',
                  'supplierId', c.supplier_id, 'customerId', c.customer_id,
                  'kind', 'STATUS_CHANGED'),
                'PENDING', 0, $1, $1
           FROM closed c
           JOIN department_webhooks hook
             ON hook.active AND hook.department_id IN (c.supplier_id, c.customer_id)
       )
       SELECT id, pg_notify($3, json_build_object(
                'requestId', id, 'supplierId', supplier_id, 'customerId', customer_id,
                'kind', 'STATUS_CHANGED', 'internal', false)::text)
         FROM closed`,
      [now, this.config.REQUEST_AUTO_CLOSE_HOURS, 'request_changed'],
    );
    return rows.length;
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
  ): Promise<[DepartmentEntity, DepartmentEntity]> {
    const found = await manager
      .getRepository(DepartmentEntity)
      .findBy({ id: In([supplierId, customerId]) });
    const active = (id: string) => {
      const department = found.find((d) => d.id === id);
      if (!department)
        throw RequestsException.badInput(`No department with id ${id}`, ['input.supplierId']);
      if (department.archivedAt) {
        throw RequestsException.badInput(`Department ${department.code} is archived`, [
          'input.supplierId',
        ]);
      }
      return department;
    };
    return [active(supplierId), active(customerId)];
  }

  private async serviceOf(manager: EntityManager, serviceId: string, supplier: DepartmentEntity) {
    const service = await this.catalog.getById(serviceId, manager).catch(() => null);
    if (!service || service.supplierId !== supplier.id) {
      throw RequestsException.badInput(`${supplier.code} offers no service with id ${serviceId}`, [
        'input.serviceId',
      ]);
    }
    if (!service.active) {
      throw RequestsException.badInput(`The service "${service.name}" is no longer offered`, [
        'input.serviceId',
      ]);
    }
    return service;
  }

  // The request as the caller may change it: invisible is NOT_FOUND, stale is CONFLICT.
  private async loadForChange(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    expectedVersion: number | undefined,
  ): Promise<RequestEntity> {
    const request = await manager.getRepository(RequestEntity).findOneBy({ id });
    if (!request || !canSeeRequest(actor, request))
      throw RequestsException.notFound(`No request with id ${id}`);
    if (expectedVersion !== undefined && request.version !== expectedVersion)
      throw this.stale(request, expectedVersion);
    return request;
  }

  private assertWorkable(request: RequestEntity): void {
    if (CLOSED_FOR_WORK.has(request.status)) {
      throw RequestsException.badInput(`${request.number} is ${request.status}`, ['id']);
    }
  }

  private assertReopenWindow(request: RequestEntity, now: Date): void {
    const windowMs = this.config.REQUEST_REOPEN_WINDOW_HOURS * 3_600_000;
    if (request.resolvedAt && now.getTime() - request.resolvedAt.getTime() > windowMs) {
      throw RequestsException.badInput(
        `${request.number} was resolved more than ${this.config.REQUEST_REOPEN_WINDOW_HOURS} hours ago and can no longer be reopened; file a new request`,
        ['status'],
      );
    }
  }

  // The version check is in SQL: a concurrent change makes this update zero rows.
  private async versionedUpdate(
    manager: EntityManager,
    request: RequestEntity,
    changes: Partial<RequestEntity>,
    now: Date,
  ): Promise<RequestEntity> {
    const result = await manager
      .createQueryBuilder()
      .update(RequestEntity)
      .set({ ...changes, updatedAt: now, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: request.id, version: request.version })
      .execute();
    if (result.affected === 0) throw this.stale(request, request.version);
    return manager
      .getRepository(RequestEntity)
      .create({ ...request, ...changes, updatedAt: now, version: request.version + 1 });
  }

  private stale(request: RequestEntity, expectedVersion: number): RequestsException {
    return RequestsException.conflict(
      `${request.number} was changed by someone else (you had version ${expectedVersion}); reload and retry`,
      ['expectedVersion'],
    );
  }

  private async record(
    manager: EntityManager,
    request: RequestEntity,
    actorId: string | null,
    at: Date,
    kind: HistoryKind,
    fromValue: string | null,
    toValue: string | null,
    extra: { commentId?: string; internal?: boolean } = {},
  ): Promise<void> {
    await manager.getRepository(HistoryEntryEntity).insert({
      requestId: request.id,
      actorId,
      at,
      kind,
      fromValue,
      toValue,
      commentId: extra.commentId ?? null,
      internal: extra.internal ?? false,
    });
  }

  private publish(
    manager: EntityManager,
    request: RequestEntity,
    kind: RequestChangeKind,
    internal = false,
  ) {
    const ids = {
      requestId: request.id,
      supplierId: request.supplierId,
      customerId: request.customerId,
    };
    return publishRequestChanged(
      manager,
      { ...ids, kind, internal },
      {
        payload: { ...ids, number: request.number, status: request.status },
        at: request.updatedAt,
      },
    );
  }
}
