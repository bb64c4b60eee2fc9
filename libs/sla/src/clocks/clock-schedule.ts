// When a clock next needs the worker: its warning, its breach, or its next escalation rung.
export interface ScheduledClock {
  runningSince: Date | null;
  dueAt: Date | null;
  warnAt: Date | null;
  warnedAt: Date | null;
  breachedAt: Date | null;
  breachRecordedAt: Date | null;
  escalationRung: number;
}

export const ESCALATION_RUNGS = 3;

// Rung k (1-based) is due `(k - 1) * delay` after the breach.
export function escalationTime(breachedAt: Date, rung: number, delayMs: number): Date {
  return new Date(breachedAt.getTime() + (rung - 1) * delayMs);
}

export function nextCheckAt(clock: ScheduledClock, escalationDelayMs: number): Date | null {
  if (!clock.runningSince) return null; // paused, stopped or cancelled: nothing happens
  const candidates: number[] = [];
  if (!clock.warnedAt && clock.warnAt && !clock.breachRecordedAt)
    candidates.push(clock.warnAt.getTime());
  if (!clock.breachRecordedAt && clock.dueAt) candidates.push(clock.dueAt.getTime() + 1); // breached once *past* due
  if (clock.breachRecordedAt && clock.breachedAt && clock.escalationRung < ESCALATION_RUNGS) {
    candidates.push(
      escalationTime(clock.breachedAt, clock.escalationRung + 1, escalationDelayMs).getTime(),
    );
  }
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}
