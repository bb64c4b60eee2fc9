import { RequestStatus } from '../requests/request-status.enum';
import { allowedMoves, checkMove, isReopen, Side } from './request-state-machine';

const { NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, CANCELLED } = RequestStatus;
const supplier = new Set<Side>(['SUPPLIER']);
const customer = new Set<Side>(['CUSTOMER']);
const both = new Set<Side>(['SUPPLIER', 'CUSTOMER']);
const nobody = new Set<Side>();

describe('request state machine', () => {
  it.each([
    [NEW, supplier, [IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED]],
    [NEW, customer, [CANCELLED]],
    [IN_PROGRESS, supplier, [WAITING_ON_CUSTOMER, RESOLVED]],
    [IN_PROGRESS, customer, [CANCELLED]],
    [WAITING_ON_CUSTOMER, supplier, [IN_PROGRESS, RESOLVED]],
    [WAITING_ON_CUSTOMER, customer, [IN_PROGRESS, CANCELLED]],
    [RESOLVED, supplier, []],
    [RESOLVED, customer, [CLOSED, IN_PROGRESS]],
    [CLOSED, both, []],
    [CANCELLED, both, []],
    [NEW, nobody, []],
  ])('from %s, %p may move to %p', (from, sides, expected) => {
    expect(allowedMoves(from, sides)).toEqual(expected);
  });

  it('tells an illegal move from one the caller’s side may not make', () => {
    expect(checkMove(NEW, CLOSED, both)).toEqual({
      ok: false,
      reason: 'ILLEGAL',
      allowed: [IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CANCELLED],
    });
    expect(checkMove(NEW, RESOLVED, customer)).toEqual({
      ok: false,
      reason: 'NOT_YOUR_SIDE',
      allowed: [CANCELLED],
    });
    expect(checkMove(RESOLVED, CLOSED, customer)).toEqual({ ok: true });
  });

  it('never lets anything leave CLOSED or CANCELLED', () => {
    for (const to of Object.values(RequestStatus)) {
      expect(checkMove(CLOSED, to, both).ok).toBe(false);
      expect(checkMove(CANCELLED, to, both).ok).toBe(false);
    }
  });

  it('knows a reopen', () => {
    expect(isReopen(RESOLVED, IN_PROGRESS)).toBe(true);
    expect(isReopen(WAITING_ON_CUSTOMER, IN_PROGRESS)).toBe(false);
  });
});
