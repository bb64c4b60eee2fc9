import { RequestStatus } from '../requests/request-status.enum';

export type Side = 'SUPPLIER' | 'CUSTOMER';

const S: Side = 'SUPPLIER';
const C: Side = 'CUSTOMER';

// Every legal move and which side may make it.
const MOVES: Record<RequestStatus, Partial<Record<RequestStatus, Side[]>>> = {
  [RequestStatus.NEW]: {
    [RequestStatus.IN_PROGRESS]: [S],
    [RequestStatus.WAITING_ON_CUSTOMER]: [S],
    [RequestStatus.RESOLVED]: [S],
    [RequestStatus.CANCELLED]: [C],
  },
  [RequestStatus.IN_PROGRESS]: {
    [RequestStatus.WAITING_ON_CUSTOMER]: [S],
    [RequestStatus.RESOLVED]: [S],
    [RequestStatus.CANCELLED]: [C],
  },
  [RequestStatus.WAITING_ON_CUSTOMER]: {
    // The customer answers, or the supplier takes it up again.
    [RequestStatus.IN_PROGRESS]: [S, C],
    [RequestStatus.RESOLVED]: [S],
    [RequestStatus.CANCELLED]: [C],
  },
  [RequestStatus.RESOLVED]: {
    // The customer confirms, or reopens within the reopen window.
    [RequestStatus.CLOSED]: [C],
    [RequestStatus.IN_PROGRESS]: [C],
  },
  [RequestStatus.CLOSED]: {},
  [RequestStatus.CANCELLED]: {},
};

export type MoveCheck =
  { ok: true } | { ok: false; reason: 'ILLEGAL' | 'NOT_YOUR_SIDE'; allowed: RequestStatus[] };

// The moves these sides may make from a status.
export function allowedMoves(from: RequestStatus, sides: ReadonlySet<Side>): RequestStatus[] {
  return (Object.entries(MOVES[from]) as [RequestStatus, Side[]][])
    .filter(([, who]) => who.some((side) => sides.has(side)))
    .map(([to]) => to);
}

export function checkMove(
  from: RequestStatus,
  to: RequestStatus,
  sides: ReadonlySet<Side>,
): MoveCheck {
  const who = MOVES[from][to];
  const allowed = allowedMoves(from, sides);
  if (!who) return { ok: false, reason: 'ILLEGAL', allowed };
  if (!who.some((side) => sides.has(side))) return { ok: false, reason: 'NOT_YOUR_SIDE', allowed };
  return { ok: true };
}

export function isReopen(from: RequestStatus, to: RequestStatus): boolean {
  return from === RequestStatus.RESOLVED && to === RequestStatus.IN_PROGRESS;
}

// Open: still somebody's work.
export const OPEN_STATUSES = [
  RequestStatus.NEW,
  RequestStatus.IN_PROGRESS,
  RequestStatus.WAITING_ON_CUSTOMER,
];
