import type { WorkingTime } from '@intradesk/sla';

export type ReplayedState = 'MET' | 'BREACHED' | 'RUNNING' | 'PAUSED' | 'CANCELLED';

export interface StatusChange {
  at: number;
  to: string;
}

export interface RequestTimeline {
  createdAt: number;
  firstRespondedAt: number | null;
  // Status changes in order (the request starts NEW).
  changes: StatusChange[];
}

const RUNNING = new Set(['NEW', 'IN_PROGRESS']);
const STOPPED = new Set(['RESOLVED', 'CLOSED']);

// The intervals the resolution clock ran, by API.md's rules: it runs while the request is NEW or
// IN_PROGRESS, pauses while waiting on the customer, stops when resolved and resumes on reopen.
export function resolutionIntervals(
  timeline: RequestTimeline,
  now: number,
): { intervals: [number, number][]; status: string } {
  const intervals: [number, number][] = [];
  let status = 'NEW';
  let since = timeline.createdAt;
  for (const change of timeline.changes) {
    if (RUNNING.has(status) && change.at > since) intervals.push([since, change.at]);
    status = change.to;
    since = change.at;
  }
  if (RUNNING.has(status) && now > since) intervals.push([since, now]);
  return { intervals, status };
}

// A clock replayed under another target and calendar: breached once its working time exceeds the
// target, met when stopped within it.
export function replayState(
  intervals: [number, number][],
  finalStatus: 'STOPPED' | 'RUNNING' | 'PAUSED' | 'CANCELLED',
  targetMinutes: number,
  calendar: WorkingTime,
): ReplayedState {
  if (finalStatus === 'CANCELLED') return 'CANCELLED';
  const target = targetMinutes * 60_000;
  let elapsed = 0;
  for (const [from, to] of intervals) {
    elapsed += calendar.workingMs(from, to);
    if (elapsed > target) return 'BREACHED';
  }
  return finalStatus === 'STOPPED' ? 'MET' : finalStatus;
}

export function replayResolution(
  timeline: RequestTimeline,
  targetMinutes: number,
  calendar: WorkingTime,
  now: number,
): ReplayedState {
  const { intervals, status } = resolutionIntervals(timeline, now);
  const final =
    status === 'CANCELLED'
      ? 'CANCELLED'
      : STOPPED.has(status)
        ? 'STOPPED'
        : RUNNING.has(status)
          ? 'RUNNING'
          : 'PAUSED';
  return replayState(intervals, final, targetMinutes, calendar);
}

// The first-response clock runs from creation to the first response (or is cancelled with a
// request cancelled before any response).
export function replayFirstResponse(
  timeline: RequestTimeline,
  targetMinutes: number,
  calendar: WorkingTime,
  now: number,
): ReplayedState {
  if (timeline.firstRespondedAt !== null) {
    return replayState(
      [[timeline.createdAt, timeline.firstRespondedAt]],
      'STOPPED',
      targetMinutes,
      calendar,
    );
  }
  const cancelled = timeline.changes.some((c) => c.to === 'CANCELLED');
  return replayState(
    [[timeline.createdAt, now]],
    cancelled ? 'CANCELLED' : 'RUNNING',
    targetMinutes,
    calendar,
  );
}
