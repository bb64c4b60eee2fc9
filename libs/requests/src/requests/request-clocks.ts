import { Injectable } from '@nestjs/common';
import { ClockSubject, ClocksService, ClockTarget, SlaClockKind } from '@intradesk/sla';
import { EntityManager } from 'typeorm';
import { RequestStatus } from './request-status.enum';
import { RequestEntity } from './request.entity';

// The clock rules of API.md, applied to one change of a request (live or imported): first
// response stops at the supplier's first public comment or first move out of NEW; resolution
// pauses while waiting on the customer, stops when resolved, resumes on reopen; both are
// cancelled with the request.
@Injectable()
export class RequestClocks {
  constructor(private readonly clocks: ClocksService) {}

  started(target: ClockTarget, request: ClockSubject, at: Date): Promise<void> {
    return this.clocks.start(target, request, at);
  }

  // The clocks a request like this would start with now (nothing written).
  preview(manager: EntityManager, request: Omit<ClockSubject, 'id'>, at: Date) {
    return this.clocks.preview(manager, request, at);
  }

  async changed(
    target: ClockTarget,
    before: RequestEntity,
    after: RequestEntity,
    at: Date,
  ): Promise<void> {
    const { FIRST_RESPONSE, RESOLUTION } = SlaClockKind;
    if (after.firstRespondedAt && !before.firstRespondedAt)
      await this.clocks.stop(target, after.id, FIRST_RESPONSE, at);
    if (after.priority !== before.priority) await this.clocks.retarget(target, after, at);
    if (after.status === before.status) return;
    switch (after.status) {
      case RequestStatus.WAITING_ON_CUSTOMER:
        await this.clocks.pause(target, after.id, RESOLUTION, at);
        break;
      case RequestStatus.IN_PROGRESS:
        if (
          before.status === RequestStatus.WAITING_ON_CUSTOMER ||
          before.status === RequestStatus.RESOLVED
        ) {
          await this.clocks.resume(target, after.id, RESOLUTION, at);
        }
        break;
      case RequestStatus.RESOLVED:
        await this.clocks.stop(target, after.id, FIRST_RESPONSE, at);
        await this.clocks.stop(target, after.id, RESOLUTION, at);
        break;
      case RequestStatus.CANCELLED:
        await this.clocks.cancel(target, after.id, at);
        break;
      default:
        break;
    }
  }
}
