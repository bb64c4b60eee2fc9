import type { CalendarSpec } from '../business-calendar';

// A deliberately slow, independent reference for the calendar math, for tests: offsets come
// from Intl directly, intervals are resolved per local date, then time is walked minute by
// minute through the resolved intervals (as API.md asks of a reference).
const MINUTE = 60_000;
const DAY = 86_400_000;
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

function formatter(timeZone: string) {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
}

export class MinuteReference {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(private readonly spec: CalendarSpec) {
    this.format = formatter(spec.timeZone);
  }

  // Minutes east of UTC at an instant, read from the formatted wall clock.
  private offset(t: number): number {
    let cached = this.offsets.get(t);
    if (cached === undefined) {
      cached = this.readOffset(t);
      this.offsets.set(t, cached);
    }
    return cached;
  }

  private readOffset(t: number): number {
    const parts = Object.fromEntries(
      this.format.formatToParts(new Date(t)).map((p) => [p.type, p.value]),
    );
    const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
    return Math.round((wall - Math.floor(t / MINUTE) * MINUTE) / MINUTE);
  }

  // Earliest instant showing this wall time; in a gap, the wall time read with the earlier offset.
  private resolve(wall: number): number {
    const offsets = [
      ...new Set([this.offset(wall - DAY), this.offset(wall), this.offset(wall + DAY)]),
    ];
    const fits = offsets
      .map((o) => wall - o * MINUTE)
      .filter((t) => this.offset(t) * MINUTE === wall - t);
    if (fits.length > 0) return Math.min(...fits);
    return wall - this.offset(wall - DAY) * MINUTE;
  }

  private minutes(hhmm: string): number {
    return hhmm === '24:00' ? 1440 : Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  }

  // Resolved working intervals of the local dates around [from, to].
  intervals(from: number, to: number): [number, number][] {
    const result: [number, number][] = [];
    const firstDate = Math.floor((from + this.offset(from) * MINUTE) / DAY) * DAY - 2 * DAY;
    const lastDate = Math.floor((to + this.offset(to) * MINUTE) / DAY) * DAY + 2 * DAY;
    for (let date = firstDate; date <= lastDate; date += DAY) {
      const iso = new Date(date).toISOString().slice(0, 10);
      if (this.spec.holidays.includes(iso)) continue;
      const day = DAYS[(new Date(date).getUTCDay() + 6) % 7];
      for (const hours of this.spec.weeklyHours.filter((h) => h.day === day)) {
        const start = this.resolve(date + this.minutes(hours.start) * MINUTE);
        const end = this.resolve(date + this.minutes(hours.end) * MINUTE);
        if (end > start) result.push([start, end]);
      }
    }
    return result;
  }

  // One flag per minute of [from, from + minutes): inside some resolved interval or not.
  workingMinutes(from: number, minutes: number): Uint8Array {
    const flags = new Uint8Array(minutes);
    for (const [start, end] of this.intervals(from, from + minutes * MINUTE)) {
      const first = Math.max(0, Math.ceil((start - from) / MINUTE));
      const last = Math.min(minutes, Math.ceil((end - from) / MINUTE));
      for (let m = first; m < last; m++) flags[m] = 1;
    }
    return flags;
  }

  // Working minutes in [from, to), both whole minutes.
  businessMinutes(from: number, to: number): number {
    let count = 0;
    for (const flag of this.workingMinutes(from, (to - from) / MINUTE)) count += flag;
    return count;
  }

  // The end of the minute at which the count of working minutes reaches `minutes`.
  dueAt(start: number, minutes: number, horizonDays = 60): number {
    if (minutes === 0) return start;
    const flags = this.workingMinutes(start, horizonDays * 1440);
    let count = 0;
    for (let m = 0; m < flags.length; m++) {
      if (flags[m] && ++count === minutes) return start + (m + 1) * MINUTE;
    }
    throw new Error('reference: horizon too short');
  }
}
