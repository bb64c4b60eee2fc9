import { CalendarError } from './calendar.errors';
import { YearTimelineCalendar } from './year-timeline';

const DAY = 86_400_000;

// Time when both calendars are working (BOTH: the customer and the supplier), by UTC year.
// `nowMs` (the time source's now, given by the caller: this stays pure) is where the search for
// common working time starts besides 2000.
export class IntersectionCalendar extends YearTimelineCalendar {
  constructor(
    private readonly a: YearTimelineCalendar,
    private readonly b: YearTimelineCalendar,
    nowMs: number,
  ) {
    super();
    // Two years without common working time means there is none: refuse rather than search.
    const start = Date.UTC(2000, 0, 1);
    if (this.workingMs(start, start + 2 * 366 * DAY) === 0 && this.hasNoCommonTimeFrom(nowMs)) {
      throw new CalendarError('The two calendars have no working time in common', 'calendarMode');
    }
  }

  private hasNoCommonTimeFrom(nowMs: number): boolean {
    return this.workingMs(nowMs, nowMs + 2 * 366 * DAY) === 0;
  }

  protected yearOf(epochMs: number): number {
    return new Date(epochMs).getUTCFullYear();
  }

  protected buildYear(year: number): [number, number][] {
    const from = Date.UTC(year, 0, 1);
    const to = Date.UTC(year + 1, 0, 1);
    const left = this.a.intervalsBetween(from, to);
    const right = this.b.intervalsBetween(from, to);
    const result: [number, number][] = [];
    // Two sorted, disjoint lists: walk them together.
    for (let i = 0, j = 0; i < left.length && j < right.length;) {
      const start = Math.max(left[i][0], right[j][0]);
      const end = Math.min(left[i][1], right[j][1]);
      if (end > start) result.push([start, end]);
      if (left[i][1] < right[j][1]) i++;
      else j++;
    }
    return result;
  }
}
