import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource, ErrorReason } from '@intradesk/core';
import { Priority } from '@intradesk/catalog';
import { UserEntity } from '@intradesk/organization';
import { DataSource, EntityManager } from 'typeorm';
import { isSupplierSide } from '../access/requests.policy';
import { RequestChangeKind } from '../events/request-events';
import { HistoryKind } from '../history/history-kind.enum';
import { ClockEffect } from '../lifecycle/apply-status-change';
import { RequestNotifier } from '../notifications/request-notifier';
import { RequestsException } from '../requests.exception';
import { RequestWriter } from './request-writer.service';
import { RequestEntity } from './request.entity';

// The supplier side's handling of a request: who works on it and how urgent it is.
@Injectable()
export class RequestAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly notifier: RequestNotifier,
    private readonly writer: RequestWriter,
  ) {}

  assign(
    actor: AuthUser,
    id: string,
    assigneeId: string | null,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.supplierChange(actor, id, expectedVersion, {
      refusal: 'Only agents and leads of the supplier department assign requests',
      check: async (manager, request) => {
        if (!assigneeId) return;
        const assignee = await manager.getRepository(UserEntity).findOneBy({ id: assigneeId });
        if (!assignee || assignee.departmentId !== request.supplierId) {
          throw RequestsException.badInput(
            'The assignee must be a member of the supplier department',
            ['assigneeId'],
          ).because(ErrorReason.ASSIGNEE_NOT_IN_SUPPLIER);
        }
        // A leaver's requests stay theirs in history, but nothing new is handed to them.
        if (assignee.deactivatedAt) {
          throw RequestsException.badInput(
            `${assignee.name} is deactivated and cannot be assigned requests`,
            ['assigneeId'],
          ).because(ErrorReason.USER_DEACTIVATED);
        }
      },
      from: (request) => request.assigneeId,
      to: assigneeId,
      changes: { assigneeId },
      kind: HistoryKind.ASSIGNED,
      event: RequestChangeKind.ASSIGNED,
      clocks: [],
      after: (manager, updated) => this.notifier.assigned(manager, actor, updated, assigneeId),
    });
  }

  changePriority(
    actor: AuthUser,
    id: string,
    priority: Priority,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.supplierChange(actor, id, expectedVersion, {
      refusal: 'Only agents and leads of the supplier department change priorities',
      from: (request) => request.priority,
      to: priority,
      changes: { priority },
      kind: HistoryKind.PRIORITY_CHANGED,
      event: RequestChangeKind.PRIORITY_CHANGED,
      // The clocks take the targets of the policy that now matches.
      clocks: [ClockEffect.RETARGET_CLOCKS],
    });
  }

  // One field the supplier side sets on an open request: checked, a no-op when unchanged,
  // else written with its history row, event and clock effects in one transaction.
  private supplierChange(
    actor: AuthUser,
    id: string,
    expectedVersion: number,
    field: SupplierChange,
  ): Promise<RequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.writer.loadForChange(manager, actor, id, expectedVersion);
      if (!isSupplierSide(actor, request)) {
        throw RequestsException.forbidden(field.refusal).because(ErrorReason.NOT_SUPPLIER_SIDE);
      }
      this.writer.assertWorkable(request);
      await field.check?.(manager, request);
      const from = field.from(request);
      if (from === field.to) return request;
      const now = this.time.now();
      const updated = await this.writer.applyChange(
        manager,
        actor,
        request,
        field.changes,
        now,
        { kind: field.kind, from, to: field.to, event: field.event },
        field.clocks,
      );
      await field.after?.(manager, updated);
      return updated;
    });
  }
}

interface SupplierChange {
  refusal: string;
  check?: (manager: EntityManager, request: RequestEntity) => Promise<void>;
  from: (request: RequestEntity) => string | null;
  to: string | null;
  changes: Partial<RequestEntity>;
  kind: HistoryKind;
  event: RequestChangeKind;
  clocks: ClockEffect[];
  after?: (manager: EntityManager, updated: RequestEntity) => Promise<void>;
}
