import { IANAZone } from 'luxon';
import { CalendarError } from './calendar.errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const SAMPLE_STEP = 6 * HOUR;

interface OffsetSpan {
  from: number; // epoch ms at which `offset` starts to apply
  offset: number; // minutes east of UTC
}

// A zone's UTC offsets, read from the tz database (via Luxon) once per year and kept as a
// list of transitions, so an offset look-up is a binary search instead of an Intl call.
export class ZoneOffsets {
  private static readonly shared = new Map<string, ZoneOffsets>();
  private readonly zone: IANAZone;
  private readonly years = new Map<number, OffsetSpan[]>();

  // One instance per zone for the whole process: the tz rules do not change while it runs.
  static of(timeZone: string): ZoneOffsets {
    let offsets = ZoneOffsets.shared.get(timeZone);
    if (!offsets) {
      offsets = new ZoneOffsets(timeZone);
      ZoneOffsets.shared.set(timeZone, offsets);
    }
    return offsets;
  }

  private constructor(readonly timeZone: string) {
    if (!IANAZone.isValidZone(timeZone))
      throw new CalendarError(`Unknown time zone ${timeZone}`, 'timeZone');
    this.zone = IANAZone.create(timeZone);
  }

  // Minutes east of UTC at an instant.
  offsetAt(epochMs: number): number {
    const spans = this.spansOfYear(new Date(epochMs).getUTCFullYear());
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid].from <= epochMs) lo = mid;
      else hi = mid - 1;
    }
    return spans[lo].offset;
  }

  // Spans covering the UTC year with a day of margin on each side.
  private spansOfYear(year: number): OffsetSpan[] {
    let spans = this.years.get(year);
    if (spans) return spans;
    const start = Date.UTC(year, 0, 1) - 24 * HOUR;
    const end = Date.UTC(year + 1, 0, 1) + 24 * HOUR;
    spans = [{ from: -Infinity, offset: this.zone.offset(start) }];
    let previous = start;
    let previousOffset = spans[0].offset;
    for (let t = start + SAMPLE_STEP; t <= end + SAMPLE_STEP; t += SAMPLE_STEP) {
      const offset = this.zone.offset(t);
      if (offset !== previousOffset) {
        // Bisect to the minute at which the offset changes.
        let lo = previous;
        let hi = t;
        while (hi - lo > MINUTE) {
          const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
          if (this.zone.offset(mid) === previousOffset) lo = mid;
          else hi = mid;
        }
        spans.push({ from: hi, offset: this.zone.offset(hi) });
        previousOffset = offset;
      }
      previous = t;
    }
    this.years.set(year, spans);
    return spans;
  }
}
