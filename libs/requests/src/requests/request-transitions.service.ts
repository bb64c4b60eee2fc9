import { Injectable } from '@nestjs/common';
import { AppConfig, AuthUser, TimeSource, ErrorReason } from '@intradesk/core';
import { NotificationKind, NotificationsService } from '@intradesk/notifications';
import { DataSource, EntityManager } from 'typeorm';
import { isCustomerSide, isSupplierSide } from '../access/requests.policy';
import { RequestChangeKind } from '../events/request-events';
import { HistoryKind } from '../history/history-kind.enum';
import { applyStatusChange, StatusChange } from '../lifecycle/apply-status-change';
import { checkMove, Side } from '../lifecycle/request-state-machine';
import { RequestNotifier } from '../notifications/request-notifier';
import { RequestsException } from '../requests.exception';
import { RequestStatus } from './request-status.enum';
import { RequestWriter } from './request-writer.service';
import { RequestEntity } from './request.entity';

// Moves along the request lifecycle: who may make which move, the reopen window, and what a
// move sets, notifies and asks (a rating, once resolved).
@Injectable()
export class RequestTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
    private readonly notifier: RequestNotifier,
    private readonly writer: RequestWriter,
  ) {}

  async changeStatus(
    actor: AuthUser,
    id: string,
    to: RequestStatus,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.writer.loadForChange(manager, actor, id, expectedVersion);
      const sides = new Set<Side>();
      if (isSupplierSide(actor, request)) sides.add('SUPPLIER');
      if (isCustomerSide(actor, request)) sides.add('CUSTOMER');
      return this.moveStatus(manager, actor, request, to, sides, this.time.now());
    });
  }

  // A status change within the caller's transaction (an explicit move, or the customer's reply
  // taking a request off WAITING_ON_CUSTOMER): the rules of applyStatusChange, then the update,
  // clocks, history, event, notifications.
  async moveStatus(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    to: RequestStatus,
    sides: ReadonlySet<Side>,
    now: Date,
    notify = true,
  ): Promise<RequestEntity> {
    const change = applyStatusChange(request, to, now, {
      sides,
      reopenWindowHours: this.config.REQUEST_REOPEN_WINDOW_HOURS,
    });
    if (!change.ok) throw this.refusal(request, to, change);
    const updated = await this.writer.applyChange(
      manager,
      actor,
      request,
      change.changes,
      now,
      {
        kind: HistoryKind.STATUS_CHANGED,
        from: request.status,
        to,
        event: RequestChangeKind.STATUS_CHANGED,
      },
      change.clocks,
    );
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

  private refusal(
    request: RequestEntity,
    to: RequestStatus,
    refused: Extract<StatusChange, { ok: false }>,
  ): RequestsException {
    const allowed = refused.allowed.length ? refused.allowed.join(', ') : 'none';
    switch (refused.reason) {
      case 'SAME_STATUS':
        return RequestsException.badInput(`${request.number} is already ${to}`, ['status']).because(
          ErrorReason.ALREADY_IN_STATUS,
          { allowed: refused.allowed },
        );
      case 'ILLEGAL':
        return RequestsException.badInput(
          `${request.number} cannot move from ${request.status} to ${to}; moves allowed to you: ${allowed}`,
          ['status'],
        ).because(ErrorReason.ILLEGAL_TRANSITION, { allowed: refused.allowed });
      case 'NOT_YOUR_SIDE':
        return RequestsException.forbidden(
          `You may not move ${request.number} from ${request.status} to ${to}; moves allowed to you: ${allowed}`,
        ).because(ErrorReason.NOT_YOUR_MOVE, { allowed: refused.allowed });
      case 'REOPEN_WINDOW_PASSED':
        return RequestsException.badInput(
          `${request.number} was resolved more than ${this.config.REQUEST_REOPEN_WINDOW_HOURS} hours ago and can no longer be reopened; file a new request`,
          ['status'],
        ).because(ErrorReason.REOPEN_WINDOW_PASSED, {
          reopenableUntil: refused.reopenableUntil!.toISOString(),
        });
    }
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
