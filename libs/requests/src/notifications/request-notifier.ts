import { Injectable } from '@nestjs/common';
import { AuthUser } from '@intradesk/core';
import { NewNotification, NotificationKind, NotificationsService } from '@intradesk/notifications';
import { EntityManager } from 'typeorm';
import { RequestStatus } from '../requests/request-status.enum';
import { RequestEntity } from '../requests/request.entity';

const STATUS_WORDS: Record<RequestStatus, string> = {
  [RequestStatus.NEW]: 'new',
  [RequestStatus.IN_PROGRESS]: 'in progress',
  [RequestStatus.WAITING_ON_CUSTOMER]: 'waiting on the customer',
  [RequestStatus.RESOLVED]: 'resolved',
  [RequestStatus.CLOSED]: 'closed',
  [RequestStatus.CANCELLED]: 'cancelled',
};

function subject(request: RequestEntity): string {
  const title = request.title.length > 80 ? `${request.title.slice(0, 79)}…` : request.title;
  return `${request.number} "${title}"`;
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 100 ? `${flat.slice(0, 99)}…` : flat;
}

// The in-app notifications of request changes, written in the change's transaction: the
// requester hears of the supplier's public replies and moves, the assignee of the customer's
// replies and moves and of being assigned, the supplier's agents and leads of new requests.
// Nobody hears of their own action (NotificationsService drops those); internal notes notify
// nobody on the customer side. Messages name people, departments and numbers, never ids.
@Injectable()
export class RequestNotifier {
  constructor(private readonly notifications: NotificationsService) {}

  async created(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    departments: { supplierName: string; customerName: string },
  ): Promise<void> {
    await this.notifications.addForDepartmentStaff(manager, request.supplierId, {
      kind: NotificationKind.REQUEST_CREATED,
      message: `${actor.name} of ${departments.customerName} filed ${subject(request)} (${request.priority}) for ${departments.supplierName}; it is unassigned`,
      requestId: request.id,
      actorId: actor.id,
      createdAt: request.updatedAt,
      params: { priority: request.priority },
    });
  }

  async assigned(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    assigneeId: string | null,
  ): Promise<void> {
    if (!assigneeId) return;
    await this.send(
      manager,
      actor,
      request,
      [assigneeId],
      NotificationKind.REQUEST_ASSIGNED,
      `${actor.name} assigned ${subject(request)} to you`,
    );
  }

  // A public comment: the supplier's answer goes to the requester, the customer's reply to the
  // assignee (`resumed`: the reply took the request off WAITING_ON_CUSTOMER).
  async commented(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    body: string,
    by: 'SUPPLIER' | 'CUSTOMER',
    resumed: boolean,
  ): Promise<void> {
    const recipient = this.otherSide(actor, request, by);
    if (!recipient) return;
    const who = await this.who(manager, actor);
    const back = by === 'CUSTOMER' && resumed ? ', so it is back in progress' : '';
    // The question after "waiting on you" whose mail is not out yet: it goes into that mail.
    const folded =
      by === 'SUPPLIER' &&
      request.status === RequestStatus.WAITING_ON_CUSTOMER &&
      (await this.notifications.foldIntoUnsentMail(
        manager,
        {
          userId: recipient,
          requestId: request.id,
          actorId: actor.id,
          kinds: [NotificationKind.REQUEST_STATUS_CHANGED],
          having: { status: RequestStatus.WAITING_ON_CUSTOMER },
        },
        { detail: body },
      ));
    await this.send(
      manager,
      actor,
      request,
      [recipient],
      NotificationKind.REQUEST_COMMENTED,
      `${who} replied on ${subject(request)}${back}: ${excerpt(body)}`,
      { detail: body },
      !folded,
    );
  }

  async statusChanged(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    from: RequestStatus,
    by: 'SUPPLIER' | 'CUSTOMER',
  ): Promise<void> {
    const recipient = this.otherSide(actor, request, by);
    if (!recipient) return;
    const who = await this.who(manager, actor);
    const to = request.status;
    if (by === 'SUPPLIER') {
      let message: string;
      if (to === RequestStatus.WAITING_ON_CUSTOMER)
        message = `${subject(request)} is waiting on you: ${who} needs your answer`;
      else if (to === RequestStatus.RESOLVED) message = `${who} resolved ${subject(request)}`;
      else if (to === RequestStatus.IN_PROGRESS && from === RequestStatus.NEW)
        message = `${who} started work on ${subject(request)}`;
      else message = `${who} moved ${subject(request)} to ${STATUS_WORDS[to]}`;
      // Asking for information is a question and "waiting on you": one mail, the question's
      // (not yet sent) one saying it waits; both stay in the app.
      const folded =
        to === RequestStatus.WAITING_ON_CUSTOMER &&
        (await this.notifications.foldIntoUnsentMail(
          manager,
          {
            userId: recipient,
            requestId: request.id,
            actorId: actor.id,
            kinds: [NotificationKind.REQUEST_COMMENTED],
          },
          { status: to, from },
        ));
      await this.send(
        manager,
        actor,
        request,
        [recipient],
        NotificationKind.REQUEST_STATUS_CHANGED,
        message,
        { status: to, from },
        !folded,
      );
      return;
    }
    let message: string;
    if (to === RequestStatus.CANCELLED) message = `${who} cancelled ${subject(request)}`;
    else if (to === RequestStatus.CLOSED)
      message = `${who} confirmed and closed ${subject(request)}`;
    else if (from === RequestStatus.RESOLVED) message = `${who} reopened ${subject(request)}`;
    else message = `${who} moved ${subject(request)} to ${STATUS_WORDS[to]}`;
    await this.send(
      manager,
      actor,
      request,
      [recipient],
      NotificationKind.REQUEST_STATUS_CHANGED,
      message,
      { status: to, from },
    );
  }

  // Who hears of a side's action: the requester of the supplier's, the assignee of the
  // customer's; nobody when that is the actor themselves (or nobody is assigned).
  private otherSide(
    actor: AuthUser,
    request: RequestEntity,
    by: 'SUPPLIER' | 'CUSTOMER',
  ): string | null {
    const recipient = by === 'SUPPLIER' ? request.requesterId : request.assigneeId;
    return recipient && recipient !== actor.id ? recipient : null;
  }

  // "Ana Agent of Information Technology" (administrators may belong to no department).
  private async who(manager: EntityManager, actor: AuthUser): Promise<string> {
    if (!actor.departmentId) return actor.name;
    const [department]: { name: string }[] = await manager.query(
      'SELECT name FROM departments WHERE id = $1',
      [actor.departmentId],
    );
    return department ? `${actor.name} of ${department.name}` : actor.name;
  }

  private send(
    manager: EntityManager,
    actor: AuthUser,
    request: RequestEntity,
    userIds: string[],
    kind: NotificationKind,
    message: string,
    // For the e-mail templates (a comment's body, a status).
    params?: Record<string, string | null>,
    // false: in the app only (its e-mail was folded into another).
    mail = true,
  ): Promise<void> {
    const rows: NewNotification[] = [...new Set(userIds)].map((userId) => ({
      userId,
      kind,
      message,
      requestId: request.id,
      actorId: actor.id,
      createdAt: request.updatedAt,
      params,
      mail,
    }));
    return this.notifications.addMany(manager, rows);
  }
}
