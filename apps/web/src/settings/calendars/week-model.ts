// The week editor's model. The API stores intervals inside one local day (end after start, up to
// 24:00); people think of a night shift as one interval, "Monday 22:00 to 06:00". The editor
// shows shifts and splits an overnight one at midnight when saving (and joins them when loading).

export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Day = (typeof WEEKDAYS)[number];

export interface Shift {
  start: string; // HH:MM
  end: string; // HH:MM; at or before start: the next day (overnight); 00:00 is midnight
}

export type Week = Record<Day, Shift[]>;

export interface ApiHours {
  day: Day;
  start: string;
  end: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function emptyWeek(): Week {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, [] as Shift[]])) as unknown as Week;
}

export function officeWeek(): Week {
  const week = emptyWeek();
  for (const day of WEEKDAYS.slice(0, 5)) week[day] = [{ start: '09:00', end: '17:00' }];
  return week;
}

const next = (day: Day): Day => WEEKDAYS[(WEEKDAYS.indexOf(day) + 1) % 7];

export const isOvernight = (shift: Shift) =>
  TIME.test(shift.start) &&
  TIME.test(shift.end) &&
  shift.end <= shift.start &&
  shift.end !== '00:00'
    ? true
    : shift.end === '00:00' && shift.start !== '00:00';

// To the API: an overnight shift becomes [start, 24:00] on its day and [00:00, end] the next.
export function toApi(week: Week): ApiHours[] {
  const out: ApiHours[] = [];
  for (const day of WEEKDAYS) {
    for (const { start, end } of week[day]) {
      if (end > start) out.push({ day, start, end });
      else {
        out.push({ day, start, end: '24:00' });
        if (end !== '00:00') out.push({ day: next(day), start: '00:00', end });
      }
    }
  }
  return out;
}

// From the API: a day's interval ending at 24:00 joins the next day's interval from 00:00.
export function fromApi(hours: readonly ApiHours[]): Week {
  const week = emptyWeek();
  const used = new Set<number>();
  hours.forEach((h, i) => {
    if (used.has(i)) return;
    if (h.end === '24:00' && h.start !== '00:00') {
      const j = hours.findIndex(
        (o, k) =>
          !used.has(k) &&
          k !== i &&
          o.day === next(h.day) &&
          o.start === '00:00' &&
          o.end !== '24:00',
      );
      used.add(i);
      if (j >= 0) {
        used.add(j);
        week[h.day].push({ start: h.start, end: hours[j].end });
      } else week[h.day].push({ start: h.start, end: '00:00' });
      return;
    }
    used.add(i);
    // A whole day: 00:00 to 24:00 shown as 00:00 to 00:00 (the next midnight).
    week[h.day].push({ start: h.start, end: h.end === '24:00' ? '00:00' : h.end });
  });
  for (const day of WEEKDAYS) week[day].sort((a, b) => a.start.localeCompare(b.start));
  return week;
}

export type ShiftError = 'start' | 'end' | 'empty';

// What is wrong with one shift, if anything.
export function shiftError(shift: Shift): ShiftError | null {
  if (!TIME.test(shift.start)) return 'start';
  if (!TIME.test(shift.end)) return 'end';
  if (shift.start === shift.end && shift.start !== '00:00') return 'empty';
  return null;
}
