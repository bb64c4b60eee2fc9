import { BusinessCalendar } from '../calendar/business-calendar';
import { SlaClockState, StoredClock, viewClock } from './clock-view';

// Monday to Friday, 09:00-17:00 UTC.
const office = new BusinessCalendar({
  timeZone: 'UTC',
  weeklyHours: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'].map((day) => ({
    day: day as 'MONDAY',
    start: '09:00',
    end: '17:00',
  })),
  holidays: [],
});

const running = (since: string): StoredClock => ({
  targetMinutes: 60,
  elapsedMs: 0,
  runningSince: new Date(since),
  dueAt: new Date('2026-12-02T10:00:00Z'),
  stoppedAt: null,
  cancelledAt: null,
  breachedAt: null,
});

describe('viewClock countingNow', () => {
  it('counts while running inside working hours only', () => {
    const clock = running('2026-12-02T09:00:00Z');
    expect(viewClock(clock, office, new Date('2026-12-02T09:30:00Z')).countingNow).toBe(true);
    expect(viewClock(clock, office, new Date('2026-12-02T17:00:00Z')).countingNow).toBe(false);
    expect(viewClock(clock, office, new Date('2026-12-05T12:00:00Z')).countingNow).toBe(false);
  });

  it('does not count while paused or stopped, and still counts once breached', () => {
    const now = new Date('2026-12-02T12:00:00Z');
    const paused = { ...running('2026-12-02T09:00:00Z'), runningSince: null, dueAt: null };
    expect(viewClock(paused, office, now)).toMatchObject({
      state: SlaClockState.PAUSED,
      countingNow: false,
    });
    const stopped = { ...paused, stoppedAt: new Date('2026-12-02T09:10:00Z') };
    expect(viewClock(stopped, office, now).countingNow).toBe(false);
    expect(viewClock(running('2026-12-02T09:00:00Z'), office, now)).toMatchObject({
      state: SlaClockState.BREACHED,
      countingNow: true,
    });
  });
});
