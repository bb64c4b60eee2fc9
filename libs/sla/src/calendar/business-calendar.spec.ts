import { BusinessCalendar, WEEKDAYS } from './business-calendar';
import { CalendarError } from './calendar.errors';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const office = (timeZone: string, holidays: string[] = []) =>
  new BusinessCalendar({
    timeZone,
    weeklyHours: WEEKDAYS.slice(0, 5).map((day) => ({ day, start: '09:00', end: '17:00' })),
    holidays,
  });
const allDay = (timeZone: string) =>
  new BusinessCalendar({
    timeZone,
    weeklyHours: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
    holidays: [],
  });

describe('BusinessCalendar', () => {
  it('counts only working hours, across a weekend', () => {
    const london = office('Europe/London');
    // Friday 16:00 to Monday 10:00 (GMT in January): one hour on Friday, one on Monday.
    expect(london.workingMs(at('2026-01-09T16:00:00Z'), at('2026-01-12T10:00:00Z'))).toBe(2 * HOUR);
    expect(new Date(london.dueAt(at('2026-01-09T16:00:00Z'), 2 * HOUR)).toISOString()).toBe(
      '2026-01-12T10:00:00.000Z',
    );
  });

  it('starts the clock at the next opening when filed outside working hours', () => {
    const london = office('Europe/London');
    expect(new Date(london.dueAt(at('2026-01-10T12:00:00Z'), 30 * MINUTE)).toISOString()).toBe(
      '2026-01-12T09:30:00.000Z',
    );
  });

  it('is due at the end of a day, not the next morning, when the target ends with the day', () => {
    const london = office('Europe/London');
    expect(new Date(london.dueAt(at('2026-01-12T09:00:00Z'), 8 * HOUR)).toISOString()).toBe(
      '2026-01-12T17:00:00.000Z',
    );
  });

  it('follows local time across DST: 09:00 London is 08:00 UTC in summer', () => {
    const london = office('Europe/London');
    expect(new Date(london.dueAt(at('2026-07-06T00:00:00Z'), HOUR)).toISOString()).toBe(
      '2026-07-06T09:00:00.000Z',
    );
  });

  it('has 23 and 25 hour days on New York’s DST changes, with a 24x7 calendar', () => {
    const ny = allDay('America/New_York');
    expect(ny.workingMs(at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z'))).toBe(23 * HOUR);
    expect(ny.workingMs(at('2026-11-01T04:00:00Z'), at('2026-11-02T05:00:00Z'))).toBe(25 * HOUR);
  });

  it('gives nothing for an interval inside the spring-forward gap', () => {
    const gap = new BusinessCalendar({
      timeZone: 'America/New_York',
      weeklyHours: [{ day: 'SUNDAY', start: '02:00', end: '03:00' }],
      holidays: [],
    });
    // 02:00 does not exist on 2026-03-08: it moves forward to 03:00, the same instant as the end.
    expect(gap.workingMs(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(0);
    expect(gap.workingMs(at('2026-03-15T00:00:00Z'), at('2026-03-16T00:00:00Z'))).toBe(HOUR);
  });

  it('counts the repeated fall-back hour twice when an interval spans it', () => {
    const repeated = new BusinessCalendar({
      timeZone: 'America/New_York',
      weeklyHours: [{ day: 'SUNDAY', start: '01:00', end: '02:00' }],
      holidays: [],
    });
    // 01:00 takes the earlier offset (EDT, 05:00Z); 02:00 is EST (07:00Z): two hours of working time.
    expect(repeated.workingMs(at('2026-11-01T00:00:00Z'), at('2026-11-02T00:00:00Z'))).toBe(
      2 * HOUR,
    );
  });

  it('removes holidays, as whole local dates', () => {
    const london = office('Europe/London', ['2026-12-25']);
    expect(london.workingMs(at('2026-12-25T00:00:00Z'), at('2026-12-26T00:00:00Z'))).toBe(0);
    expect(new Date(london.dueAt(at('2026-12-24T16:00:00Z'), 2 * HOUR)).toISOString()).toBe(
      '2026-12-28T10:00:00.000Z',
    );
  });

  it('handles half-hour offsets and intervals that end at 24:00', () => {
    const kolkata = new BusinessCalendar({
      timeZone: 'Asia/Kolkata',
      weeklyHours: [
        { day: 'MONDAY', start: '22:00', end: '24:00' },
        { day: 'TUESDAY', start: '00:00', end: '02:00' },
      ],
      holidays: [],
    });
    // Monday 22:00 IST is 16:30Z; the night shift runs four hours without a break at midnight.
    expect(new Date(kolkata.dueAt(at('2026-01-05T00:00:00Z'), 4 * HOUR)).toISOString()).toBe(
      '2026-01-05T20:30:00.000Z',
    );
  });

  it('spans years: a 30-day target on an office calendar', () => {
    const london = office('Europe/London');
    const due = london.dueAt(at('2026-12-01T09:00:00Z'), 30 * 24 * HOUR);
    expect(london.workingMs(at('2026-12-01T09:00:00Z'), due)).toBe(30 * 24 * HOUR);
    expect(new Date(due).getUTCFullYear()).toBe(2027);
  });

  it('refuses calendars without working time and malformed hours, clearly', () => {
    expect(() => new BusinessCalendar({ timeZone: 'UTC', weeklyHours: [], holidays: [] })).toThrow(
      CalendarError,
    );
    expect(
      () => new BusinessCalendar({ timeZone: 'Mars/Base', weeklyHours: [], holidays: [] }),
    ).toThrow(/time zone/);
    expect(
      () =>
        new BusinessCalendar({
          timeZone: 'UTC',
          weeklyHours: [{ day: 'MONDAY', start: '17:00', end: '09:00' }],
          holidays: [],
        }),
    ).toThrow(/24:00/);
    expect(
      () =>
        new BusinessCalendar({
          timeZone: 'UTC',
          weeklyHours: [{ day: 'MONDAY', start: '9:00', end: '24:30' }],
          holidays: [],
        }),
    ).toThrow(CalendarError);
    expect(
      () =>
        new BusinessCalendar({
          timeZone: 'UTC',
          weeklyHours: [{ day: 'MONDAY', start: '09:00', end: '10:00' }],
          holidays: ['2026-02-30'],
        }),
    ).toThrow(/holidays/);
  });

  it('gives up with an error, not a hang, when a target is out of reach', () => {
    const tiny = new BusinessCalendar({
      timeZone: 'UTC',
      weeklyHours: [{ day: 'MONDAY', start: '00:00', end: '00:01' }],
      holidays: [],
    });
    expect(() => tiny.dueAt(0, 1_000_000 * MINUTE)).toThrow(CalendarError);
  });
});
