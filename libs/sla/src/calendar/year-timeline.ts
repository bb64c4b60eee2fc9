import { CalendarError } from './calendar.errors';

const MINUTE = 60_000;
// A search for a due date gives up after this many years without enough working time.
const MAX_YEARS_SEARCHED = 100;

// Working time as queried by the SLA clocks.
export interface WorkingTime {
  // Working milliseconds in [from, to).
  workingMs(from: number, to: number): number;
  // The earliest instant t >= start with exactly `ms` of working time in [start, t).
  dueAt(start: number, ms: number): number;
}

// Disjoint, sorted working intervals of one year, with running totals.
export interface YearTimeline {
  starts: Float64Array;
  ends: Float64Array;
  // cumulative[i] = working ms of intervals 0..i-1
  cumulative: Float64Array;
}

export function toTimeline(merged: readonly [number, number][]): YearTimeline {
  const starts = new Float64Array(merged.length);
  const ends = new Float64Array(merged.length);
  const cumulative = new Float64Array(merged.length + 1);
  merged.forEach(([from, to], i) => {
    starts[i] = from;
    ends[i] = to;
    cumulative[i + 1] = cumulative[i] + (to - from);
  });
  return { starts, ends, cumulative };
}

// Sorts and merges overlapping or touching intervals.
export function mergeIntervals(intervals: [number, number][]): [number, number][] {
  intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [from, to] of intervals) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

// Business-time queries over per-year timelines built on demand and cached: both queries are
// binary searches over running totals, however long the span.
export abstract class YearTimelineCalendar implements WorkingTime {
  private readonly years = new Map<number, YearTimeline>();

  // The year (in the calendar's own sense) an instant belongs to.
  protected abstract yearOf(epochMs: number): number;
  // The merged working intervals of that year.
  protected abstract buildYear(year: number): [number, number][];

  workingMs(from: number, to: number): number {
    if (!(to > from)) return 0;
    let total = 0;
    const lastYear = this.yearOf(to);
    for (let year = this.yearOf(from); year <= lastYear; year++) {
      total += workingMsInYear(this.timeline(year), from, to);
    }
    return total;
  }

  dueAt(start: number, ms: number): number {
    if (ms <= 0) return start;
    let remaining = ms;
    let from = start;
    const firstYear = this.yearOf(start);
    for (let year = firstYear; year < firstYear + MAX_YEARS_SEARCHED; year++) {
      const { starts, ends, cumulative } = this.timeline(year);
      const n = starts.length;
      let i = firstEndingAfter(ends, from);
      if (i < n && starts[i] < from) {
        const partial = ends[i] - from;
        if (partial >= remaining) return from + remaining;
        remaining -= partial;
        i++;
      }
      const available = cumulative[n] - cumulative[i];
      if (available >= remaining) {
        // The first interval k at which the running total reaches what remains.
        const goal = cumulative[i] + remaining;
        let lo = i;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (cumulative[mid + 1] >= goal) hi = mid;
          else lo = mid + 1;
        }
        return starts[lo] + (goal - cumulative[lo]);
      }
      remaining -= available;
      from = -Infinity;
    }
    throw new CalendarError(
      `No ${Math.round(ms / MINUTE)} working minutes within ${MAX_YEARS_SEARCHED} years`,
    );
  }

  // The merged working intervals overlapping [from, to), clipped to it.
  intervalsBetween(from: number, to: number): [number, number][] {
    const result: [number, number][] = [];
    if (!(to > from)) return result;
    const lastYear = this.yearOf(to);
    for (let year = this.yearOf(from); year <= lastYear; year++) {
      const { starts, ends } = this.timeline(year);
      for (let i = firstEndingAfter(ends, from); i < starts.length && starts[i] < to; i++) {
        result.push([Math.max(starts[i], from), Math.min(ends[i], to)]);
      }
    }
    return mergeIntervals(result);
  }

  private timeline(year: number): YearTimeline {
    let timeline = this.years.get(year);
    if (!timeline) {
      timeline = toTimeline(this.buildYear(year));
      this.years.set(year, timeline);
    }
    return timeline;
  }
}

function workingMsInYear(
  { starts, ends, cumulative }: YearTimeline,
  from: number,
  to: number,
): number {
  const n = starts.length;
  const first = firstEndingAfter(ends, from);
  if (first >= n || starts[first] >= to) return 0;
  const last = lastStartingBefore(starts, to);
  let total = cumulative[last + 1] - cumulative[first];
  if (starts[first] < from) total -= from - starts[first];
  if (ends[last] > to) total -= ends[last] - to;
  return total;
}

// Index of the first interval whose end is after t (n when none).
function firstEndingAfter(ends: Float64Array, t: number): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

// Index of the last interval whose start is before t (-1 when none).
function lastStartingBefore(starts: Float64Array, t: number): number {
  let lo = -1;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] < t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
