import type { AtRiskClocksQuery } from '../gql/graphql';

export type AtRiskRow = AtRiskClocksQuery['atRiskRequests'][number];

// A running clock counts down between refetches: minutes of wall time that pass while its
// calendar is counting are minutes of working time.
export function liveClock(
  clock: AtRiskRow['clock'],
  fetchedAt: number,
  now: Date,
): AtRiskRow['clock'] {
  if (clock.state !== 'RUNNING' || clock.countingNow === false) return clock;
  const passed = Math.max(0, Math.floor((now.getTime() - fetchedAt) / 60_000));
  return {
    ...clock,
    remainingMinutes: clock.remainingMinutes - passed,
    elapsedMinutes: clock.elapsedMinutes + passed,
  };
}

function isBreached(clock: AtRiskRow['clock']): boolean {
  return clock.state === 'BREACHED' || clock.remainingMinutes < 0 || !!clock.breachedAt;
}

// Breached first (longest breached first), then soonest due.
export function orderAtRisk(rows: readonly AtRiskRow[]): AtRiskRow[] {
  return [...rows].sort((a, b) => {
    const ab = isBreached(a.clock);
    const bb = isBreached(b.clock);
    if (ab !== bb) return ab ? -1 : 1;
    return a.clock.remainingMinutes - b.clock.remainingMinutes;
  });
}
