import { clockVerdict, SlaClockState } from './clock-verdict';

export { SlaClockState };

const MINUTE = 60_000;

export interface StoredClock {
  targetMinutes: number;
  elapsedMs: number;
  runningSince: Date | null;
  dueAt: Date | null;
  stoppedAt: Date | null;
  cancelledAt: Date | null;
  breachedAt: Date | null;
}

export interface ClockMath {
  workingMs(from: number, to: number): number;
}

export interface ClockView {
  state: SlaClockState;
  targetMinutes: number;
  elapsedMinutes: number;
  // Negative once breached: how far over the target.
  remainingMinutes: number;
  dueAt: Date | null;
  breachedAt: Date | null;
  // Running and inside its calendar's working time right now (not paused, stopped, or outside
  // working hours).
  countingNow: boolean;
}

// A clock as of `now`: its verdict (clockVerdict, the rules the reports' SQL shares), elapsed
// and remaining working minutes, due and breach times.
export function viewClock(clock: StoredClock, calendar: ClockMath, now: Date): ClockView {
  const running = clock.runningSince !== null && clock.runningSince <= now;
  const elapsed =
    clock.elapsedMs +
    (running ? calendar.workingMs(clock.runningSince!.getTime(), now.getTime()) : 0);
  const state = clockVerdict(clock, now);
  // A running clock past its due time breached at its due time.
  const breachedAt =
    clock.breachedAt ?? (state === SlaClockState.BREACHED && running ? clock.dueAt : null);
  const elapsedMinutes = Math.floor(elapsed / MINUTE);
  return {
    state,
    targetMinutes: clock.targetMinutes,
    elapsedMinutes,
    remainingMinutes: clock.targetMinutes - elapsedMinutes,
    dueAt: clock.runningSince ? clock.dueAt : null,
    breachedAt: state === SlaClockState.CANCELLED && !clock.breachedAt ? null : breachedAt,
    countingNow:
      running &&
      !clock.stoppedAt &&
      !clock.cancelledAt &&
      calendar.workingMs(now.getTime(), now.getTime() + 1) > 0,
  };
}
