import fc from 'fast-check';
import { RequestStatus } from '../requests/request-status.enum';
import {
  applyComment,
  applyStatusChange,
  ClockEffect,
  LifecycleState,
  StatusChange,
} from './apply-status-change';
import { Side } from './request-state-machine';

const { NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED, CLOSED, CANCELLED } = RequestStatus;
const { STOP_FIRST_RESPONSE, PAUSE_RESOLUTION, RESUME_RESOLUTION, STOP_RESOLUTION, CANCEL_CLOCKS } =
  ClockEffect;
const supplier = new Set<Side>(['SUPPLIER']);
const customer = new Set<Side>(['CUSTOMER']);
const both = new Set<Side>(['SUPPLIER', 'CUSTOMER']);
const HOUR = 3_600_000;
const t0 = new Date('2026-03-02T08:00:00Z');
const at = new Date('2026-03-02T10:00:00Z');

const state = (status: RequestStatus, over: Partial<LifecycleState> = {}): LifecycleState => ({
  status,
  firstRespondedAt: status === NEW ? null : t0,
  resolvedAt: status === RESOLVED || status === CLOSED ? t0 : null,
  ...over,
});

const ok = (change: StatusChange) => {
  if (!change.ok) throw new Error(`refused: ${change.reason}`);
  return change;
};

// API.md's lifecycle, written out again: every move a request may make and who makes it.
const LEGAL: [RequestStatus, RequestStatus, Side[]][] = [
  [NEW, IN_PROGRESS, ['SUPPLIER']],
  [NEW, WAITING_ON_CUSTOMER, ['SUPPLIER']],
  [NEW, RESOLVED, ['SUPPLIER']],
  [NEW, CANCELLED, ['CUSTOMER']],
  [IN_PROGRESS, WAITING_ON_CUSTOMER, ['SUPPLIER']],
  [IN_PROGRESS, RESOLVED, ['SUPPLIER']],
  [IN_PROGRESS, CANCELLED, ['CUSTOMER']],
  [WAITING_ON_CUSTOMER, IN_PROGRESS, ['SUPPLIER', 'CUSTOMER']],
  [WAITING_ON_CUSTOMER, RESOLVED, ['SUPPLIER']],
  [WAITING_ON_CUSTOMER, CANCELLED, ['CUSTOMER']],
  [RESOLVED, CLOSED, ['CUSTOMER']],
  [RESOLVED, IN_PROGRESS, ['CUSTOMER']],
];
const ALL = Object.values(RequestStatus);

describe('applyStatusChange', () => {
  describe('which moves it allows and refuses', () => {
    for (const from of ALL) {
      for (const to of ALL) {
        const legal = LEGAL.find(([f, t]) => f === from && t === to);
        if (from === to) {
          it(`${from} -> ${to}: refused as SAME_STATUS`, () => {
            expect(applyStatusChange(state(from), to, at, { sides: both })).toMatchObject({
              ok: false,
              reason: 'SAME_STATUS',
            });
          });
        } else if (!legal) {
          it(`${from} -> ${to}: refused as ILLEGAL, whoever asks`, () => {
            expect(applyStatusChange(state(from), to, at, { sides: both })).toMatchObject({
              ok: false,
              reason: 'ILLEGAL',
            });
          });
        } else {
          const [, , who] = legal;
          it(`${from} -> ${to}: allowed to ${who.join(' and ')} only`, () => {
            for (const [name, sides] of [
              ['SUPPLIER', supplier],
              ['CUSTOMER', customer],
            ] as const) {
              const change = applyStatusChange(state(from), to, at, { sides });
              if (who.includes(name)) expect(change.ok).toBe(true);
              else expect(change).toMatchObject({ ok: false, reason: 'NOT_YOUR_SIDE' });
            }
          });
        }
      }
    }

    it('names the moves the caller may make when it refuses', () => {
      expect(applyStatusChange(state(RESOLVED), CANCELLED, at, { sides: customer })).toEqual({
        ok: false,
        reason: 'ILLEGAL',
        allowed: [CLOSED, IN_PROGRESS],
      });
      expect(applyStatusChange(state(NEW), NEW, at, { sides: supplier })).toEqual({
        ok: false,
        reason: 'SAME_STATUS',
        allowed: [IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED],
      });
    });
  });

  describe('the timestamps and clock effects of each move', () => {
    it.each([
      [NEW, IN_PROGRESS, { firstRespondedAt: at }, [STOP_FIRST_RESPONSE]],
      [NEW, WAITING_ON_CUSTOMER, { firstRespondedAt: at }, [STOP_FIRST_RESPONSE, PAUSE_RESOLUTION]],
      [
        NEW,
        RESOLVED,
        { firstRespondedAt: at, resolvedAt: at },
        [STOP_FIRST_RESPONSE, STOP_RESOLUTION],
      ],
      [NEW, CANCELLED, { cancelledAt: at }, [CANCEL_CLOCKS]],
      [IN_PROGRESS, WAITING_ON_CUSTOMER, {}, [PAUSE_RESOLUTION]],
      [IN_PROGRESS, RESOLVED, { resolvedAt: at }, [STOP_FIRST_RESPONSE, STOP_RESOLUTION]],
      [IN_PROGRESS, CANCELLED, { cancelledAt: at }, [CANCEL_CLOCKS]],
      [WAITING_ON_CUSTOMER, IN_PROGRESS, {}, [RESUME_RESOLUTION]],
      [WAITING_ON_CUSTOMER, RESOLVED, { resolvedAt: at }, [STOP_FIRST_RESPONSE, STOP_RESOLUTION]],
      [WAITING_ON_CUSTOMER, CANCELLED, { cancelledAt: at }, [CANCEL_CLOCKS]],
      [RESOLVED, CLOSED, { closedAt: at }, []],
      [RESOLVED, IN_PROGRESS, { resolvedAt: null }, [RESUME_RESOLUTION]],
    ])('%s -> %s sets %p and %p', (from, to, fields, clocks) => {
      const change = ok(applyStatusChange(state(from), to, at, { sides: both }));
      expect(change.changes).toEqual({ status: to, ...fields });
      expect(change.clocks).toEqual(clocks);
      expect(change.reopen).toBe(from === RESOLVED && to === IN_PROGRESS);
    });

    it('stamps the first response once: not again after it was given', () => {
      const responded = state(NEW, { firstRespondedAt: t0 });
      const change = ok(applyStatusChange(responded, IN_PROGRESS, at, { sides: supplier }));
      expect(change.changes).toEqual({ status: IN_PROGRESS });
      expect(change.clocks).toEqual([]);
    });
  });

  describe('the reopen window', () => {
    const resolved = state(RESOLVED, { resolvedAt: t0 });
    const rules = { sides: customer, reopenWindowHours: 72 };

    it('reopens up to the window, inclusive', () => {
      const edge = new Date(t0.getTime() + 72 * HOUR);
      expect(ok(applyStatusChange(resolved, IN_PROGRESS, edge, rules)).reopen).toBe(true);
    });

    it('refuses a millisecond later, saying until when it was open', () => {
      const late = new Date(t0.getTime() + 72 * HOUR + 1);
      expect(applyStatusChange(resolved, IN_PROGRESS, late, rules)).toEqual({
        ok: false,
        reason: 'REOPEN_WINDOW_PASSED',
        allowed: [CLOSED, IN_PROGRESS],
        reopenableUntil: new Date(t0.getTime() + 72 * HOUR),
      });
    });

    it('does not limit closing, nor an import (no window given)', () => {
      const late = new Date(t0.getTime() + 1000 * HOUR);
      expect(applyStatusChange(resolved, CLOSED, late, rules).ok).toBe(true);
      expect(applyStatusChange(resolved, IN_PROGRESS, late, { sides: both }).ok).toBe(true);
    });
  });

  // Any timeline of legal moves, replayed: the fields stay consistent with the status.
  it('keeps the timestamps consistent over any sequence of legal moves', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 30 }), (picks) => {
        let s: LifecycleState & { closedAt?: Date; cancelledAt?: Date } = state(NEW);
        let time = t0.getTime();
        for (const pick of picks) {
          const moves = LEGAL.filter(([from]) => from === s.status);
          if (moves.length === 0) break;
          const [, to] = moves[pick % moves.length];
          time += 60_000;
          const change = ok(applyStatusChange(s, to, new Date(time), { sides: both }));
          s = { ...s, ...change.changes };
          if (s.status !== NEW && s.status !== CANCELLED) expect(s.firstRespondedAt).not.toBeNull();
          expect(s.resolvedAt !== null).toBe(s.status === RESOLVED || s.status === CLOSED);
          expect(s.closedAt !== undefined).toBe(s.status === CLOSED);
        }
      }),
    );
  });
});

describe('applyComment', () => {
  it.each([
    [
      { supplierAnswer: true, internal: false },
      null,
      { firstRespondedAt: at },
      [STOP_FIRST_RESPONSE],
    ],
    [{ supplierAnswer: true, internal: true }, null, {}, []],
    [{ supplierAnswer: false, internal: false }, null, {}, []],
    [{ supplierAnswer: true, internal: false }, t0, {}, []],
  ])('%p with first response %p sets %p and %p', (comment, firstRespondedAt, fields, clocks) => {
    expect(applyComment(state(NEW, { firstRespondedAt }), comment, at)).toEqual({
      changes: fields,
      clocks,
    });
  });
});
