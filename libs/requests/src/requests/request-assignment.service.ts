import { Injectable } from '@nestjs/common';
import { AuthUser, Clock, ErrorReason } from '@intradesk/core';
import { Priority } from '@intradesk/catalog';
import { UserEntity } from '@intradesk/organization';
import { DataSource } from 'typeorm';
import { isSupplierSide } from '../access/request-access';
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
    private readonly clock: Clock,
    private readonly notifier: RequestNotifier,
    private readonly writer: RequestWriter,
  ) {}

  async assign(
    actor: AuthUser,
    id: string,
    assigneeId: string | null,
    expectedVersion: number,
  ): Promise<RequestEntity> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.writer.loadForChange(manager, actor, id, expectedVersion);
      if (!isSupplierSide(actor, request)) {
        throw RequestsException.forbidden(
          'Only agents and leads of the supplier department assign requests',
        ).because(ErrorReason.NOT_SUPPLIER_SIDE);
      }
      this.writer.assertWorkable(request);
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
      const updated = await this.writer.applyChange(
        manager,
        actor,
        request,
        { assigneeId },
        now,
        {
          kind: HistoryKind.ASSIGNED,
          from: request.assigneeId,
          to: assigneeId,
          event: RequestChangeKind.ASSIGNED,
        },
        [],
      );
      await this.notifier.assigned(manager, actor, updated, assigneeId);
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
      const request = await this.writer.loadForChange(manager, actor, id, expectedVersion);
      if (!isSupplierSide(actor, request)) {
        throw RequestsException.forbidden(
          'Only agents and leads of the supplier department change priorities',
        ).because(ErrorReason.NOT_SUPPLIER_SIDE);
      }
      this.writer.assertWorkable(request);
      if (request.priority === priority) return request;
      const now = this.clock.now();
      return this.writer.applyChange(
        manager,
        actor,
        request,
        { priority },
        now,
        {
          kind: HistoryKind.PRIORITY_CHANGED,
          from: request.priority,
          to: priority,
          event: RequestChangeKind.PRIORITY_CHANGED,
        },
        [ClockEffect.RETARGET_CLOCKS],
      );
    });
  }
}
