import { Injectable } from '@nestjs/common';
import { AuthUser, ErrorReason } from '@intradesk/core';
import { EntityManager } from 'typeorm';
import { canSeeRequest } from '../access/requests.policy';
import { publishRequestChanged, RequestChangeKind } from '../events/request-events';
import { HistoryEntryEntity } from '../history/history-entry.entity';
import { HistoryKind } from '../history/history-kind.enum';
import { ClockEffect } from '../lifecycle/apply-status-change';
import { RequestsException } from '../requests.exception';
import { RequestStatus } from './request-status.enum';
import { RequestClocks } from './request-clocks';
import { RequestEntity } from './request.entity';

const CLOSED_FOR_WORK = new Set([RequestStatus.CLOSED, RequestStatus.CANCELLED]);

// How every live change of a request is written: loaded as the caller may change it, updated
// under its version, its clocks told, one history row and the change event, all in the
// caller's transaction.
@Injectable()
export class RequestWriter {
  constructor(private readonly requestClocks: RequestClocks) {}

  // The request as the caller may change it: invisible is NOT_FOUND, stale is CONFLICT.
  async loadForChange(
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

  assertWorkable(request: RequestEntity): void {
    if (CLOSED_FOR_WORK.has(request.status)) {
      throw RequestsException.badInput(`${request.number} is ${request.status}`, ['id']).because(
        ErrorReason.REQUEST_CLOSED,
      );
    }
  }

  // One change of a request: the versioned update, its clock effects, one history row and the
  // live notification, all in the caller's transaction.
  async applyChange(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    changes: Partial<RequestEntity>,
    now: Date,
    change: { kind: HistoryKind; from: string | null; to: string | null; event: RequestChangeKind },
    clocks: readonly ClockEffect[],
  ): Promise<RequestEntity> {
    const updated = await this.versionedUpdate(manager, request, changes, now);
    await this.requestClocks.apply(manager, updated, clocks, now);
    await this.record(manager, updated, actor.id, now, change.kind, change.from, change.to);
    await this.publish(manager, updated, change.event);
    return updated;
  }

  // The version check is in SQL: a concurrent change makes this update zero rows.
  async versionedUpdate(
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
  async stale(
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

  async record(
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

  publish(
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
