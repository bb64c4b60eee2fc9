const MINUTE = 60_000;

export enum SlaClockState {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  MET = 'MET',
  BREACHED = 'BREACHED',
  CANCELLED = 'CANCELLED',
}

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

// A clock as of `now`, by API.md's rules: BREACHED once elapsed working time exceeds the
// target (and for good), CANCELLED with its request, MET when stopped within the target.
export function viewClock(clock: StoredClock, calendar: ClockMath, now: Date): ClockView {
  const running = clock.runningSince !== null && clock.runningSince <= now;
  const elapsed =
    clock.elapsedMs +
    (running ? calendar.workingMs(clock.runningSince!.getTime(), now.getTime()) : 0);
  const target = clock.targetMinutes * MINUTE;
  const over = elapsed > target;
  // A running clock past its due time breached at its due time.
  const breachedAt = clock.breachedAt ?? (over && running && clock.dueAt ? clock.dueAt : null);
  let state: SlaClockState;
  if (clock.cancelledAt) state = SlaClockState.CANCELLED;
  else if (over || clock.breachedAt) state = SlaClockState.BREACHED;
  else if (clock.stoppedAt) state = SlaClockState.MET;
  else state = clock.runningSince ? SlaClockState.RUNNING : SlaClockState.PAUSED;
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
