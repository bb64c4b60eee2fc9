import { Injectable } from '@nestjs/common';
import { AuthUser, TimeSource, ErrorReason } from '@intradesk/core';
import { DataSource, EntityManager } from 'typeorm';
import { isCustomerSide, isSupplierSide, seesInternalNotes } from '../access/requests.policy';
import { AttachmentsService } from '../attachments/attachments.service';
import { CommentEntity } from '../comments/comment.entity';
import { RequestChangeKind } from '../events/request-events';
import { HistoryKind } from '../history/history-kind.enum';
import { applyComment } from '../lifecycle/apply-status-change';
import { Side } from '../lifecycle/request-state-machine';
import { RequestNotifier } from '../notifications/request-notifier';
import { RequestsException } from '../requests.exception';
import { RequestStatus } from './request-status.enum';
import { RequestClocks } from './request-clocks';
import { RequestTransitionsService } from './request-transitions.service';
import { RequestWriter } from './request-writer.service';
import { RequestEntity } from './request.entity';

// Comments and internal notes, with what a comment means for the request (the supplier's first
// response, the customer's reply to "waiting on you").
@Injectable()
export class RequestCommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly time: TimeSource,
    private readonly requestClocks: RequestClocks,
    private readonly notifier: RequestNotifier,
    private readonly writer: RequestWriter,
    private readonly transitions: RequestTransitionsService,
    private readonly attachments: AttachmentsService,
  ) {}

  // Comments never conflict: they do not raise the request's version (which guards its own
  // fields), so commenting and then moving a request works. The row is locked instead, so the
  // first-response stamp and the customer's reply-resumes rule see a stable request.
  async addComment(
    actor: AuthUser,
    requestId: string,
    body: string,
    internal: boolean,
    attachmentIds: readonly string[] = [],
  ): Promise<CommentEntity> {
    return this.dataSource.transaction((manager) =>
      this.addCommentIn(manager, actor, requestId, body, internal, attachmentIds),
    );
  }

  // addComment inside the caller's transaction (an e-mail reply records its receipt with it).
  async addCommentIn(
    manager: EntityManager,
    actor: AuthUser,
    requestId: string,
    body: string,
    internal: boolean,
    attachmentIds: readonly string[] = [],
  ): Promise<CommentEntity> {
    {
      const request = await this.writer.loadForChange(manager, actor, requestId, undefined, true);
      if (internal && !seesInternalNotes(actor, request)) {
        throw RequestsException.forbidden('Internal notes are for the supplier side only').because(
          ErrorReason.INTERNAL_NOTES_SUPPLIER_ONLY,
        );
      }
      const now = this.time.now();
      // A requester filing to their own department does not answer themselves.
      const supplierAnswer = isSupplierSide(actor, request) && actor.id !== request.requesterId;
      const customerReply =
        !internal &&
        isCustomerSide(actor, request) &&
        (!isSupplierSide(actor, request) || actor.id === request.requesterId);
      const { changes, clocks } = applyComment(request, { supplierAnswer, internal }, now);
      await manager
        .createQueryBuilder()
        .update(RequestEntity)
        .set({ ...changes, updatedAt: now })
        .where('id = :id', { id: request.id })
        .execute();
      let updated = manager
        .getRepository(RequestEntity)
        .create({ ...request, ...changes, updatedAt: now });
      await this.requestClocks.apply(manager, updated, clocks, now);
      const comment = manager.getRepository(CommentEntity).create({
        requestId: request.id,
        authorId: actor.id,
        body: body.trim(),
        internal,
        createdAt: now,
      });
      await manager.getRepository(CommentEntity).insert(comment);
      await this.attachments.linkPending(manager, actor, request.id, comment.id, attachmentIds);
      await this.writer.record(manager, updated, actor.id, now, HistoryKind.COMMENTED, null, null, {
        commentId: comment.id,
        internal,
      });
      await this.writer.publish(manager, updated, RequestChangeKind.COMMENTED, internal);
      // The customer's answer to "waiting on you" takes the request back to work, as a status
      // change of its own (history, event, webhooks), and resumes the resolution clock.
      const resumes = customerReply && request.status === RequestStatus.WAITING_ON_CUSTOMER;
      if (resumes) {
        updated = await this.transitions.moveStatus(
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
    }
  }
}
