import { Injectable } from '@nestjs/common';
import { ClockSubject, ClocksService, ClockTarget, SlaClockKind } from '@intradesk/sla';
import { EntityManager } from 'typeorm';
import { ClockEffect } from '../lifecycle/apply-status-change';

// The clock rules of API.md (decided by applyStatusChange and applyComment) applied to a
// request's clocks, live or imported: first response stops at the supplier's first public
// comment or first move out of NEW; resolution pauses while waiting on the customer, stops when
// resolved, resumes on reopen; both are cancelled with the request.
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

  // The effects of one change (from applyStatusChange, applyComment, or a priority change), in
  // order, in the caller's transaction or the import's store.
  async apply(
    target: ClockTarget,
    request: ClockSubject,
    effects: readonly ClockEffect[],
    at: Date,
  ): Promise<void> {
    const { FIRST_RESPONSE, RESOLUTION } = SlaClockKind;
    for (const effect of effects) {
      switch (effect) {
        case ClockEffect.STOP_FIRST_RESPONSE:
          await this.clocks.stop(target, request.id, FIRST_RESPONSE, at);
          break;
        case ClockEffect.PAUSE_RESOLUTION:
          await this.clocks.pause(target, request.id, RESOLUTION, at);
          break;
        case ClockEffect.RESUME_RESOLUTION:
          await this.clocks.resume(target, request.id, RESOLUTION, at);
          break;
        case ClockEffect.STOP_RESOLUTION:
          await this.clocks.stop(target, request.id, RESOLUTION, at);
          break;
        case ClockEffect.CANCEL_CLOCKS:
          await this.clocks.cancel(target, request.id, at);
          break;
        case ClockEffect.RETARGET_CLOCKS:
          await this.clocks.retarget(target, request, at);
          break;
      }
    }
  }
}
