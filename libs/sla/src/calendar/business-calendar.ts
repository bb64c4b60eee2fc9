import { CalendarError } from './calendar.errors';
import { resolveWallTime, wallTimeOf } from './local-time';
import { ZoneOffsets } from './zone-offsets';

const MINUTE = 60_000;
const DAY = 86_400_000;
// A search for a due date gives up after this many years without enough working time.
const MAX_YEARS_SEARCHED = 100;

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type WeekdayName = (typeof WEEKDAYS)[number];

export interface WeeklyHours {
  day: WeekdayName;
  // Local "HH:MM"; end may be "24:00".
  start: string;
  end: string;
}

export interface CalendarSpec {
  timeZone: string;
  weeklyHours: readonly WeeklyHours[];
  // Local dates "YYYY-MM-DD" with no working time.
  holidays: readonly string[];
}

interface MinuteInterval {
  start: number; // minutes after local midnight
  end: number;
}

// Resolved, merged working intervals of one local year, with running totals.
interface YearTimeline {
  starts: Float64Array;
  ends: Float64Array;
  // cumulative[i] = working ms of intervals 0..i-1
  cumulative: Float64Array;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalTime(value: string, field: string): number {
  const match = TIME.exec(value);
  if (!match)
    throw new CalendarError(
      `${field} must be a local time HH:MM (00:00 to 24:00), got "${value}"`,
      field,
    );
  return value === '24:00' ? 1440 : Number(match[1]) * 60 + Number(match[2]);
}

export function isLocalDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// Business-time arithmetic over one calendar. Pure: no I/O; the tz database is read through
// Luxon. Working time is the measure of the union of each local date's weekly intervals,
// resolved to instants (see resolveWallTime), minus holidays (whole local dates).
export class BusinessCalendar {
  private readonly zone: ZoneOffsets;
  // Weekly intervals by ISO weekday index 0 (Monday) .. 6 (Sunday).
  private readonly week: MinuteInterval[][];
  private readonly holidays: Set<string>;
  private readonly years = new Map<number, YearTimeline>();

  constructor(spec: CalendarSpec) {
    this.zone = ZoneOffsets.of(spec.timeZone);
    this.week = WEEKDAYS.map(() => []);
    spec.weeklyHours.forEach((hours, i) => {
      const day = WEEKDAYS.indexOf(hours.day);
      if (day < 0)
        throw new CalendarError(
          `weeklyHours[${i}].day must be MONDAY..SUNDAY`,
          `weeklyHours.${i}.day`,
        );
      const start = parseLocalTime(hours.start, `weeklyHours.${i}.start`);
      const end = parseLocalTime(hours.end, `weeklyHours.${i}.end`);
      if (end <= start) {
        throw new CalendarError(
          `weeklyHours[${i}] ends (${hours.end}) before it starts (${hours.start}); split a night shift at 24:00`,
          `weeklyHours.${i}.end`,
        );
      }
      this.week[day].push({ start, end });
    });
    if (this.week.every((intervals) => intervals.length === 0)) {
      throw new CalendarError('A calendar needs working hours on at least one day', 'weeklyHours');
    }
    spec.holidays.forEach((date, i) => {
      if (!isLocalDate(date))
        throw new CalendarError(`holidays[${i}] must be a date YYYY-MM-DD`, `holidays.${i}`);
    });
    this.holidays = new Set(spec.holidays);
  }

  // Working milliseconds in [from, to).
  workingMs(from: number, to: number): number {
    if (!(to > from)) return 0;
    let total = 0;
    const lastYear = this.localYear(to);
    for (let year = this.localYear(from); year <= lastYear; year++) {
      total += this.workingMsInYear(this.timeline(year), from, to);
    }
    return total;
  }

  // The earliest instant t >= start with exactly `ms` of working time in [start, t).
  dueAt(start: number, ms: number): number {
    if (ms <= 0) return start;
    let remaining = ms;
    let from = start;
    const firstYear = this.localYear(start);
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

  private workingMsInYear(
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

  // The local year an instant falls in.
  private localYear(epochMs: number): number {
    return new Date(wallTimeOf(this.zone, epochMs)).getUTCFullYear();
  }

  private timeline(year: number): YearTimeline {
    let timeline = this.years.get(year);
    if (!timeline) {
      timeline = this.buildYear(year);
      this.years.set(year, timeline);
    }
    return timeline;
  }

  private buildYear(year: number): YearTimeline {
    const intervals: [number, number][] = [];
    const first = Date.UTC(year, 0, 1);
    const next = Date.UTC(year + 1, 0, 1);
    for (let midnight = first; midnight < next; midnight += DAY) {
      const date = new Date(midnight);
      const weekday = (date.getUTCDay() + 6) % 7;
      if (this.week[weekday].length === 0 || this.holidays.has(date.toISOString().slice(0, 10)))
        continue;
      for (const { start, end } of this.week[weekday]) {
        const from = resolveWallTime(this.zone, midnight + start * MINUTE);
        const to = resolveWallTime(this.zone, midnight + end * MINUTE);
        if (to > from) intervals.push([from, to]);
      }
    }
    intervals.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const merged: [number, number][] = [];
    for (const [from, to] of intervals) {
      const last = merged[merged.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
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
