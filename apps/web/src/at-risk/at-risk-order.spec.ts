import { AtRiskRow, liveClock, orderAtRisk } from './at-risk-order';

const clock = (over: Partial<AtRiskRow['clock']>): AtRiskRow['clock'] => ({
  kind: 'RESOLUTION',
  state: 'RUNNING',
  targetMinutes: 240,
  elapsedMinutes: 200,
  remainingMinutes: 40,
  dueAt: '2026-03-02T12:00:00Z',
  breachedAt: null,
  countingNow: true,
  ...over,
});
const row = (number: string, over: Partial<AtRiskRow['clock']>): AtRiskRow =>
  ({ clock: clock(over), request: { id: number, number } }) as AtRiskRow;

describe('the At risk table', () => {
  it('puts breached clocks first (longest breached first), then the soonest due', () => {
    const ordered = orderAtRisk([
      row('IT-1', { remainingMinutes: 90 }),
      row('IT-2', { state: 'BREACHED', remainingMinutes: -30, breachedAt: '2026-03-02T11:00:00Z' }),
      row('IT-3', { remainingMinutes: 10 }),
      row('IT-4', {
        state: 'BREACHED',
        remainingMinutes: -300,
        breachedAt: '2026-03-02T07:00:00Z',
      }),
    ]);
    expect(ordered.map((r) => r.request.number)).toEqual(['IT-4', 'IT-2', 'IT-3', 'IT-1']);
  });

  it('counts a running clock down between refetches, only while its calendar counts', () => {
    const fetchedAt = Date.parse('2026-03-02T10:00:00Z');
    const later = new Date('2026-03-02T10:25:30Z');
    expect(liveClock(clock({}), fetchedAt, later)).toMatchObject({
      remainingMinutes: 15,
      elapsedMinutes: 225,
    });
    expect(liveClock(clock({ countingNow: false }), fetchedAt, later).remainingMinutes).toBe(40);
    expect(liveClock(clock({ state: 'PAUSED' }), fetchedAt, later).remainingMinutes).toBe(40);
  });
});
