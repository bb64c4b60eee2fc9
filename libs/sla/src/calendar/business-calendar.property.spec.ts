import fc from 'fast-check';
import { BusinessCalendar, CalendarSpec, WEEKDAYS } from './business-calendar';
import { CalendarError } from './calendar.errors';
import { IntersectionCalendar } from './intersection-calendar';
import { MinuteReference } from './reference/minute-reference';

const MINUTE = 60_000;
const DAY = 86_400_000;

// Zones with DST both ways, half-hour and 45-minute offsets, a 30-minute DST shift, none.
const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'America/Santiago',
];

// Days around 2026's DST changes in those zones, where bugs live.
const ANCHORS = [
  '2026-03-08',
  '2026-03-29',
  '2026-04-05',
  '2026-09-06',
  '2026-09-27',
  '2026-10-04',
  '2026-10-25',
  '2026-11-01',
  '2026-01-01',
  '2026-06-15',
  '2026-12-31',
].map((d) => Date.parse(`${d}T00:00:00Z`));

const hhmm = (minutes: number) =>
  minutes === 1440
    ? '24:00'
    : `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const weeklyInterval = fc
  .record({
    day: fc.constantFrom(...WEEKDAYS),
    // Mostly a 15-minute grid (real calendars), sometimes any minute; the DST hours are likely.
    start: fc.oneof(
      fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
      fc.integer({ min: 0, max: 1439 }),
    ),
    length: fc.integer({ min: 1, max: 1440 }),
  })
  .map(({ day, start, length }) => ({
    day,
    start: hhmm(start),
    end: hhmm(Math.min(1440, start + length)),
  }));

const calendar: fc.Arbitrary<CalendarSpec> = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  weeklyHours: fc.oneof(
    { weight: 6, arbitrary: fc.array(weeklyInterval, { minLength: 1, maxLength: 10 }) },
    {
      weight: 1,
      arbitrary: fc.constant(WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' }))),
    },
    // An office week with a night shift split at midnight.
    {
      weight: 1,
      arbitrary: fc.constant([
        ...WEEKDAYS.slice(0, 5).map((day) => ({ day, start: '09:00', end: '17:30' })),
        { day: 'FRIDAY' as const, start: '22:00', end: '24:00' },
        { day: 'SATURDAY' as const, start: '00:00', end: '06:00' },
      ]),
    },
  ),
  holidays: fc.array(
    fc
      .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -5, max: 20 }))
      .map(([anchor, days]) => new Date(anchor + days * DAY).toISOString().slice(0, 10)),
    { maxLength: 4 },
  ),
});

// A whole-minute instant within a few days of a DST change.
const instant = fc
  .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -3 * 1440, max: 3 * 1440 }))
  .map(([anchor, minutes]) => anchor + minutes * MINUTE);

describe('BusinessCalendar agrees with the minute-by-minute reference', () => {
  it('businessTime over random calendars, zones, DST days and holidays', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 0, max: 12 * 1440 }),
        (spec, from, minutes) => {
          const to = from + minutes * MINUTE;
          const fast = new BusinessCalendar(spec).workingMs(from, to);
          expect(fast).toBe(new MinuteReference(spec).businessMinutes(from, to) * MINUTE);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('businessDueAt over random calendars, zones, DST days and holidays', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 3000 }), (spec, start, minutes) => {
        const reference = new MinuteReference(spec);
        // Only targets the reference can reach within its horizon.
        fc.pre(reference.businessMinutes(start, start + 30 * DAY) >= minutes);
        const due = new BusinessCalendar(spec).dueAt(start, minutes * MINUTE);
        expect(new Date(due).toISOString()).toBe(
          new Date(reference.dueAt(start, minutes, 30)).toISOString(),
        );
      }),
      { numRuns: 1500 },
    );
  });

  it('dueAt and workingMs are inverse: the working time up to the due date is the target', () => {
    fc.assert(
      fc.property(
        calendar,
        instant,
        fc.integer({ min: 1, max: 200_000 }),
        (spec, start, minutes) => {
          const cal = new BusinessCalendar(spec);
          // Calendars with a few minutes a week cannot reach large targets within the search limit.
          fc.pre(cal.workingMs(start, start + 3 * 365 * DAY) >= minutes * MINUTE);
          const due = cal.dueAt(start, minutes * MINUTE);
          expect(cal.workingMs(start, due)).toBe(minutes * MINUTE);
          // Earliest: one millisecond less is not enough.
          expect(cal.workingMs(start, due - 1)).toBeLessThan(minutes * MINUTE);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('IntersectionCalendar (BOTH) agrees with the reference: working only when both work', () => {
  it('businessTime and businessDueAt over random pairs of calendars', () => {
    fc.assert(
      fc.property(
        calendar,
        calendar,
        instant,
        fc.integer({ min: 0, max: 8 * 1440 }),
        (specA, specB, from, minutes) => {
          const flagsA = new MinuteReference(specA).workingMinutes(from, minutes);
          const flagsB = new MinuteReference(specB).workingMinutes(from, minutes);
          let common = 0;
          let due: number | null = null;
          const target = Math.floor(minutes / 7);
          for (let m = 0; m < minutes; m++) {
            if (flagsA[m] && flagsB[m] && ++common === target && due === null)
              due = from + (m + 1) * MINUTE;
          }
          let both: IntersectionCalendar;
          try {
            both = new IntersectionCalendar(
              new BusinessCalendar(specA),
              new BusinessCalendar(specB),
              from,
            );
          } catch (error) {
            // Refused as having no common working time: the reference must agree.
            expect(error).toBeInstanceOf(CalendarError);
            expect(common).toBe(0);
            return;
          }
          expect(both.workingMs(from, from + minutes * MINUTE)).toBe(common * MINUTE);
          if (target === 0) expect(both.dueAt(from, 0)).toBe(from);
          else if (due !== null) {
            expect(new Date(both.dueAt(from, target * MINUTE)).toISOString()).toBe(
              new Date(due).toISOString(),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
