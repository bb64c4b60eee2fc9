import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig, AuthUser, Clock, ErrorReason } from '@intradesk/core';
import { CatalogService, Priority } from '@intradesk/catalog';
import {
  classifyRelationship,
  DepartmentEntity,
  DepartmentsService,
  RelationshipType,
  UserEntity,
} from '@intradesk/organization';
import {
  NOTIFICATION_CHANNEL,
  NotificationKind,
  NotificationsService,
  writeWebhookOutbox,
} from '@intradesk/notifications';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  canSeeRequest,
  isCustomerSide,
  isSupplierSide,
  seesInternalNotes,
} from '../access/request-access';
import { CommentEntity } from '../comments/comment.entity';
import {
  publishRequestChanged,
  REQUEST_CHANGED_CHANNEL,
  RequestChangeKind,
  requestWebhookEvent,
} from '../events/request-events';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { HistoryKind } from '../history/history-kind.enum';
import { allowedMoves, checkMove, isReopen, Side } from '../lifecycle/request-state-machine';
import { RequestNotifier } from '../notifications/request-notifier';
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
    private readonly notifier: RequestNotifier,
  ) {}

  // Files a request from the caller's department. A repeated idempotency key returns the first
  // request; the same key with a different payload is a CONFLICT.
  async create(actor: AuthUser, command: CreateRequestCommand): Promise<RequestEntity> {
    if (!actor.departmentId) {
      throw RequestsException.badInput(
        'You belong to no department, so you cannot file requests',
      ).because(ErrorReason.NO_DEPARTMENT);
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
      await this.notifier.created(manager, actor, request, {
        supplierName: supplier.name,
        customerName: customer.name,
      });
      return request;
    });
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
      this.clock.now(),
    );
    return { relationshipType: relationship.type, explanation: relationship.explanation, sla };
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
        ).because(ErrorReason.NOT_SUPPLIER_SIDE);
      }
      this.assertWorkable(request);
      if (assigneeId) {
        const assignee = await manager.getRepository(UserEntity).findOneBy({ id: assigneeId });
        if (!assignee || assignee.departmentId !== request.supplierId) {
          throw RequestsException.badInput(
            'The assignee must be a member of the supplier department',
            ['assigneeId'],
          ).because(ErrorReason.ASSIGNEE_NOT_IN_SUPPLIER);
        }
      }
      if (request.assigneeId === assigneeId) return request;
      const now = this.clock.now();
      const updated = await this.applyChange(manager, actor, request, { assigneeId }, now, {
        kind: HistoryKind.ASSIGNED,
        from: request.assigneeId,
        to: assigneeId,
        event: RequestChangeKind.ASSIGNED,
      });
      await this.notifier.assigned(manager, actor, updated, assigneeId);
      return updated;
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
        throw RequestsException.badInput(`${request.number} is already ${to}`, ['status']).because(
          ErrorReason.ALREADY_IN_STATUS,
          { allowed: allowedMoves(request.status, sides) },
        );
      }
      const check = checkMove(request.status, to, sides);
      if (!check.ok) {
        const allowed = check.allowed.length ? check.allowed.join(', ') : 'none';
        if (check.reason === 'ILLEGAL') {
          throw RequestsException.badInput(
            `${request.number} cannot move from ${request.status} to ${to}; moves allowed to you: ${allowed}`,
            ['status'],
          ).because(ErrorReason.ILLEGAL_TRANSITION, { allowed: check.allowed });
        }
        throw RequestsException.forbidden(
          `You may not move ${request.number} from ${request.status} to ${to}; moves allowed to you: ${allowed}`,
        ).because(ErrorReason.NOT_YOUR_MOVE, { allowed: check.allowed });
      }
      const now = this.clock.now();
      if (isReopen(request.status, to)) this.assertReopenWindow(request, now);
      return this.moveStatus(manager, actor, request, to, sides, now);
    });
  }

  // A status change within the caller's transaction (an explicit move, or the customer's reply
  // taking a request off WAITING_ON_CUSTOMER): the update, clocks, history, event, notifications.
  private async moveStatus(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    to: RequestStatus,
    sides: ReadonlySet<Side>,
    now: Date,
    notify = true,
  ): Promise<RequestEntity> {
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
    if (notify) {
      await this.notifier.statusChanged(
        manager,
        actor,
        updated,
        request.status,
        actingSide(actor, request, to, sides),
      );
    }
    if (to === RequestStatus.RESOLVED) await this.inviteRating(manager, updated, now);
    return updated;
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
        ).because(ErrorReason.NOT_SUPPLIER_SIDE);
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

  // Comments never conflict: they do not raise the request's version (which guards its own
  // fields), so commenting and then moving a request works. The row is locked instead, so the
  // first-response stamp and the customer's reply-resumes rule see a stable request.
  async addComment(
    actor: AuthUser,
    requestId: string,
    body: string,
    internal: boolean,
  ): Promise<CommentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.loadForChange(manager, actor, requestId, undefined, true);
      if (internal && !seesInternalNotes(actor, request)) {
        throw RequestsException.forbidden('Internal notes are for the supplier side only').because(
          ErrorReason.INTERNAL_NOTES_SUPPLIER_ONLY,
        );
      }
      const now = this.clock.now();
      const changes: Partial<RequestEntity> = {};
      // The supplier's first public comment is its first response (a requester filing to
      // their own department does not answer themselves).
      const supplierAnswer = isSupplierSide(actor, request) && actor.id !== request.requesterId;
      const customerReply =
        !internal &&
        isCustomerSide(actor, request) &&
        (!isSupplierSide(actor, request) || actor.id === request.requesterId);
      if (!internal && supplierAnswer && !request.firstRespondedAt) changes.firstRespondedAt = now;
      await manager
        .createQueryBuilder()
        .update(RequestEntity)
        .set({ ...changes, updatedAt: now })
        .where('id = :id', { id: request.id })
        .execute();
      let updated = manager
        .getRepository(RequestEntity)
        .create({ ...request, ...changes, updatedAt: now });
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
      // The customer's answer to "waiting on you" takes the request back to work, as a status
      // change of its own (history, event, webhooks), and resumes the resolution clock.
      const resumes = customerReply && request.status === RequestStatus.WAITING_ON_CUSTOMER;
      if (resumes) {
        updated = await this.moveStatus(
          manager,
          actor,
          updated,
          RequestStatus.IN_PROGRESS,
          new Set<Side>(['CUSTOMER']),
          now,
          false,
        );
      }
      if (!internal && (supplierAnswer || customerReply)) {
        await this.notifier.commented(
          manager,
          actor,
          updated,
          comment.body,
          customerReply ? 'CUSTOMER' : 'SUPPLIER',
          resumes,
        );
      }
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
      kind: NotificationKind.RATING_INVITATION,
      message: `${request.number} "${request.title.slice(0, 120)}" was resolved: how did it go? Rate it within ${this.config.RATING_WINDOW_DAYS} days`,
      requestId: request.id,
      createdAt: now,
    });
  }

  // Closes resolved requests past the auto-close delay: one statement and the webhook outbox in
  // one transaction, safe to run in several processes at once (each row is closed, recorded,
  // announced and its requester told exactly once).
  async closeResolvedRequests(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string; number: string; supplier_id: string; customer_id: string }[] =
        await manager.query(
          `WITH closed AS (
             UPDATE requests
                SET status = 'CLOSED', closed_at = $1, updated_at = $1, version = version + 1
              WHERE status = 'RESOLVED' AND resolved_at <= $1::timestamptz - make_interval(hours => $2)
            RETURNING id, number, title, requester_id, supplier_id, customer_id
           ), history AS (
             INSERT INTO request_history (request_id, actor_id, at, kind, from_value, to_value, internal)
             SELECT id, NULL, $1, 'STATUS_CHANGED', 'RESOLVED', 'CLOSED', false FROM closed
           ), told AS (
             INSERT INTO notifications (user_id, kind, message, request_id, actor_id, created_at)
             SELECT c.requester_id, $5::varchar,
                    left(c.number || ' "' || left(c.title, 80) || '" was closed automatically, '
                         || $2::int || ' hours after it was resolved', 300),
                    c.id, NULL::uuid, $1::timestamptz
               FROM closed c
              WHERE NOT EXISTS (SELECT 1 FROM notification_preferences p
                                 WHERE p.user_id = c.requester_id AND p.kind = $5::varchar AND NOT p.in_app)
             RETURNING id, user_id, kind
           ), announced AS (
             SELECT count(pg_notify($4, json_build_object(
                      'id', id::text, 'userId', user_id, 'kind', kind)::text)) AS n
               FROM told
           )
           SELECT id, number, supplier_id, customer_id,
                  pg_notify($3, json_build_object(
                    'requestId', id, 'supplierId', supplier_id, 'customerId', customer_id,
                    'kind', 'STATUS_CHANGED', 'internal', false)::text),
                  (SELECT n FROM announced) AS told
             FROM closed`,
          [
            now,
            this.config.REQUEST_AUTO_CLOSE_HOURS,
            REQUEST_CHANGED_CHANNEL,
            NOTIFICATION_CHANNEL,
            NotificationKind.REQUEST_STATUS_CHANGED,
          ],
        );
      await writeWebhookOutbox(
        manager,
        rows.map((r) => {
          const ids = { requestId: r.id, supplierId: r.supplier_id, customerId: r.customer_id };
          const event = { ...ids, kind: RequestChangeKind.STATUS_CHANGED, internal: false };
          return requestWebhookEvent(event, { ...ids, number: r.number, status: 'CLOSED' }, now);
        }),
      );
      return rows.length;
    });
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

  // The request as the caller may change it: invisible is NOT_FOUND, stale is CONFLICT.
  private async loadForChange(
    manager: EntityManager,
    actor: AuthUser,
    id: string,
    expectedVersion: number | undefined,
    lock = false,
  ): Promise<RequestEntity> {
    const request = await manager.getRepository(RequestEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!request || !canSeeRequest(actor, request))
      throw RequestsException.notFound(`No request with id ${id}`);
    if (expectedVersion !== undefined && request.version !== expectedVersion)
      throw await this.stale(manager, request, expectedVersion);
    return request;
  }

  private assertWorkable(request: RequestEntity): void {
    if (CLOSED_FOR_WORK.has(request.status)) {
      throw RequestsException.badInput(`${request.number} is ${request.status}`, ['id']).because(
        ErrorReason.REQUEST_CLOSED,
      );
    }
  }

  private assertReopenWindow(request: RequestEntity, now: Date): void {
    const windowMs = this.config.REQUEST_REOPEN_WINDOW_HOURS * 3_600_000;
    if (request.resolvedAt && now.getTime() - request.resolvedAt.getTime() > windowMs) {
      throw RequestsException.badInput(
        `${request.number} was resolved more than ${this.config.REQUEST_REOPEN_WINDOW_HOURS} hours ago and can no longer be reopened; file a new request`,
        ['status'],
      ).because(ErrorReason.REOPEN_WINDOW_PASSED, {
        reopenableUntil: new Date(request.resolvedAt.getTime() + windowMs).toISOString(),
      });
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
    if (result.affected === 0) throw await this.stale(manager, request, request.version);
    return manager
      .getRepository(RequestEntity)
      .create({ ...request, ...changes, updatedAt: now, version: request.version + 1 });
  }

  // Names who changed what and when: the latest change of the request's own fields (comments
  // never conflict, so they are not it).
  private async stale(
    manager: EntityManager,
    request: RequestEntity,
    expectedVersion: number,
  ): Promise<RequestsException> {
    const [last]: {
      kind: HistoryKind;
      to_value: string | null;
      at: Date;
      actor_name: string | null;
      to_name: string | null;
    }[] = await manager.query(
      `SELECT h.kind, h.to_value, h.at, actor.name AS actor_name, target.name AS to_name
         FROM request_history h
         LEFT JOIN users actor ON actor.id = h.actor_id
         LEFT JOIN users target ON h.kind = 'ASSIGNED' AND target.id::text = h.to_value
        WHERE h.request_id = $1 AND h.kind <> 'COMMENTED'
        ORDER BY h.id DESC LIMIT 1`,
      [request.id],
    );
    const what = last ? describeChange(last.kind, last.to_value, last.to_name) : 'changed it';
    const at = last ? new Date(last.at).toISOString() : null;
    const who = last?.actor_name ?? 'Intradesk (automatically)';
    return RequestsException.conflict(
      `${request.number} was changed by someone else (you had version ${expectedVersion}): ${who} ${what}${at ? ` at ${at}` : ''}; reload and retry`,
      ['expectedVersion'],
    ).because(ErrorReason.STALE_VERSION, {
      lastChange: last ? { actorName: last.actor_name, kind: last.kind, at } : null,
    });
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

// "changed the status to IN_PROGRESS", "assigned it to Ana Agent", ...
function describeChange(kind: HistoryKind, to: string | null, toName: string | null): string {
  switch (kind) {
    case HistoryKind.STATUS_CHANGED:
      return `changed the status to ${to}`;
    case HistoryKind.PRIORITY_CHANGED:
      return `changed the priority to ${to}`;
    case HistoryKind.ASSIGNED:
      return to ? `assigned it to ${toName ?? 'someone'}` : 'unassigned it';
    case HistoryKind.CREATED:
      return 'filed it';
    default:
      return 'changed it';
  }
}

// Which side a move was made as, when the caller is both (an administrator, or a requester of
// their own department): the side the move belongs to, the customer's when either may make it
// and the caller filed the request.
function actingSide(
  actor: AuthUser,
  request: RequestEntity,
  to: RequestStatus,
  sides: ReadonlySet<Side>,
): Side {
  const asSupplier =
    sides.has('SUPPLIER') && checkMove(request.status, to, new Set(['SUPPLIER'])).ok;
  const asCustomer =
    sides.has('CUSTOMER') && checkMove(request.status, to, new Set(['CUSTOMER'])).ok;
  if (asSupplier && asCustomer) return actor.id === request.requesterId ? 'CUSTOMER' : 'SUPPLIER';
  return asSupplier ? 'SUPPLIER' : 'CUSTOMER';
}
