import { BusinessCalendar } from '@intradesk/sla';
import { replayFirstResponse, replayResolution, resolutionIntervals } from './clock-replay';

const at = (iso: string) => Date.parse(iso);
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
const office = new BusinessCalendar({
  timeZone: 'Europe/London',
  weeklyHours: WEEKDAYS.map((day) => ({ day, start: '09:00', end: '17:00' })),
  holidays: [],
});

describe('clock replay (what-if simulation)', () => {
  // API.md's import example: 3255 working minutes in an 8-to-6 calendar; here 9-to-5.
  const timeline = {
    createdAt: at('2026-03-02T08:15:00Z'),
    firstRespondedAt: at('2026-03-02T09:40:00Z'),
    changes: [
      { at: at('2026-03-02T09:40:00Z'), to: 'IN_PROGRESS' },
      { at: at('2026-03-03T10:00:00Z'), to: 'WAITING_ON_CUSTOMER' },
      { at: at('2026-03-04T12:00:00Z'), to: 'IN_PROGRESS' },
      { at: at('2026-03-05T16:30:00Z'), to: 'RESOLVED' },
    ],
  };
  const now = at('2026-04-01T00:00:00Z');

  it('runs the resolution clock while NEW or IN_PROGRESS only', () => {
    expect(resolutionIntervals(timeline, now)).toEqual({
      intervals: [
        [timeline.createdAt, at('2026-03-02T09:40:00Z')],
        [at('2026-03-02T09:40:00Z'), at('2026-03-03T10:00:00Z')],
        [at('2026-03-04T12:00:00Z'), at('2026-03-05T16:30:00Z')],
      ],
      status: 'RESOLVED',
    });
  });

  it('meets or breaches by working time under the proposed target', () => {
    // Working time: 09:00-17:00 Mon (8 h) + 09:00-10:00 Tue (1 h) + 12:00-17:00 Wed (5 h)
    // + 09:00-16:30 Thu (7.5 h) = 21.5 h = 1290 min.
    expect(replayResolution(timeline, 1290, office, now)).toBe('MET');
    expect(replayResolution(timeline, 1289, office, now)).toBe('BREACHED');
    // First response at 09:40 on a 09:00 start: 40 working minutes.
    expect(replayFirstResponse(timeline, 40, office, now)).toBe('MET');
    expect(replayFirstResponse(timeline, 39, office, now)).toBe('BREACHED');
  });

  it('leaves open clocks running or paused unless already over the target', () => {
    const waiting = { ...timeline, changes: timeline.changes.slice(0, 2) };
    expect(replayResolution(waiting, 100_000, office, now)).toBe('PAUSED');
    expect(replayResolution(waiting, 60, office, now)).toBe('BREACHED');
    const cancelled = {
      createdAt: timeline.createdAt,
      firstRespondedAt: null,
      changes: [{ at: at('2026-03-02T10:00:00Z'), to: 'CANCELLED' }],
    };
    expect(replayResolution(cancelled, 1, office, now)).toBe('CANCELLED');
    expect(replayFirstResponse(cancelled, 1, office, now)).toBe('CANCELLED');
  });
});
