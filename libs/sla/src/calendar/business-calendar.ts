import { CalendarError } from './calendar.errors';
import { resolveWallTime, wallTimeOf } from './local-time';
import { ZoneOffsets } from './zone-offsets';
import { mergeIntervals, YearTimelineCalendar } from './year-timeline';

const MINUTE = 60_000;
const DAY = 86_400_000;

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
export class BusinessCalendar extends YearTimelineCalendar {
  private readonly zone: ZoneOffsets;
  // Weekly intervals by ISO weekday index 0 (Monday) .. 6 (Sunday).
  private readonly week: MinuteInterval[][];
  private readonly holidays: Set<string>;

  constructor(spec: CalendarSpec) {
    super();
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

  // The local year an instant falls in.
  protected yearOf(epochMs: number): number {
    return new Date(wallTimeOf(this.zone, epochMs)).getUTCFullYear();
  }

  protected buildYear(year: number): [number, number][] {
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
    return mergeIntervals(intervals);
  }
}
