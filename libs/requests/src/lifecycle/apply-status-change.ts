import { RequestStatus } from '../requests/request-status.enum';
import { allowedMoves, checkMove, isReopen, Side } from './request-state-machine';

// What a change does to the SLA clocks (API.md's clock rules), applied by RequestClocks to the
// database (live) or to the import's in-memory store.
export enum ClockEffect {
  STOP_FIRST_RESPONSE = 'STOP_FIRST_RESPONSE',
  PAUSE_RESOLUTION = 'PAUSE_RESOLUTION',
  RESUME_RESOLUTION = 'RESUME_RESOLUTION',
  STOP_RESOLUTION = 'STOP_RESOLUTION',
  CANCEL_CLOCKS = 'CANCEL_CLOCKS',
  RETARGET_CLOCKS = 'RETARGET_CLOCKS',
}

// The part of a request its lifecycle reads.
export interface LifecycleState {
  status: RequestStatus;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
}

// The fields a move sets (only those it sets are present).
export interface StatusFields {
  status: RequestStatus;
  firstRespondedAt?: Date;
  resolvedAt?: Date | null;
  closedAt?: Date;
  cancelledAt?: Date;
}

export type StatusChange =
  | {
      ok: true;
      from: RequestStatus;
      to: RequestStatus;
      reopen: boolean;
      changes: StatusFields;
      clocks: ClockEffect[];
    }
  | {
      ok: false;
      reason: 'SAME_STATUS' | 'ILLEGAL' | 'NOT_YOUR_SIDE' | 'REOPEN_WINDOW_PASSED';
      // The moves these sides may make from the current status.
      allowed: RequestStatus[];
      // REOPEN_WINDOW_PASSED: when the window closed.
      reopenableUntil?: Date;
    };

export interface StatusChangeRules {
  // The sides the move is made as (an import replays history as both).
  sides: ReadonlySet<Side>;
  // A resolved request reopens only this long after its resolution; absent, always (an import
  // replays what happened).
  reopenWindowHours?: number;
}

// One move of the lifecycle, live or imported, decided without the database: whether it may
// be made, the timestamps it sets and what it does to the clocks.
export function applyStatusChange(
  state: LifecycleState,
  to: RequestStatus,
  at: Date,
  rules: StatusChangeRules,
): StatusChange {
  const from = state.status;
  if (from === to)
    return { ok: false, reason: 'SAME_STATUS', allowed: allowedMoves(from, rules.sides) };
  const check = checkMove(from, to, rules.sides);
  if (!check.ok) return check;
  const reopen = isReopen(from, to);
  if (reopen && rules.reopenWindowHours !== undefined && state.resolvedAt) {
    const until = state.resolvedAt.getTime() + rules.reopenWindowHours * 3_600_000;
    if (at.getTime() > until) {
      return {
        ok: false,
        reason: 'REOPEN_WINDOW_PASSED',
        allowed: allowedMoves(from, rules.sides),
        reopenableUntil: new Date(until),
      };
    }
  }
  const changes: StatusFields = { status: to };
  const clocks = new Set<ClockEffect>();
  // The supplier's first move out of NEW is its first response.
  if (from === RequestStatus.NEW && to !== RequestStatus.CANCELLED && !state.firstRespondedAt) {
    changes.firstRespondedAt = at;
    clocks.add(ClockEffect.STOP_FIRST_RESPONSE);
  }
  switch (to) {
    case RequestStatus.WAITING_ON_CUSTOMER:
      clocks.add(ClockEffect.PAUSE_RESOLUTION);
      break;
    case RequestStatus.IN_PROGRESS:
      if (reopen) changes.resolvedAt = null;
      if (reopen || from === RequestStatus.WAITING_ON_CUSTOMER)
        clocks.add(ClockEffect.RESUME_RESOLUTION);
      break;
    case RequestStatus.RESOLVED:
      changes.resolvedAt = at;
      clocks.add(ClockEffect.STOP_FIRST_RESPONSE);
      clocks.add(ClockEffect.STOP_RESOLUTION);
      break;
    case RequestStatus.CLOSED:
      changes.closedAt = at;
      break;
    case RequestStatus.CANCELLED:
      changes.cancelledAt = at;
      clocks.add(ClockEffect.CANCEL_CLOCKS);
      break;
    default:
      break;
  }
  return { ok: true, from, to, reopen, changes, clocks: [...clocks] };
}

// A comment, live or imported: the supplier's first public answer is its first response (a
// requester filing to their own department does not answer themselves: not a supplier answer).
export function applyComment(
  state: LifecycleState,
  comment: { supplierAnswer: boolean; internal: boolean },
  at: Date,
): { changes: { firstRespondedAt?: Date }; clocks: ClockEffect[] } {
  if (comment.internal || !comment.supplierAnswer || state.firstRespondedAt)
    return { changes: {}, clocks: [] };
  return { changes: { firstRespondedAt: at }, clocks: [ClockEffect.STOP_FIRST_RESPONSE] };
}
