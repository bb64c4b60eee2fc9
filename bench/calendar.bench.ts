// npm run bench:calendar — due-date computations per second on one core, for 8-hour and 30-day
// targets on a realistic calendar, beside the minute-by-minute reference. Target: >= 100,000/s
// for 30-day targets.
import {
  BusinessCalendar,
  CalendarSpec,
  WEEKDAYS,
} from '../libs/sla/src/calendar/business-calendar';
import { MinuteReference } from '../libs/sla/src/calendar/reference/minute-reference';

const MINUTE = 60_000;
const DAY = 86_400_000;

// A London office: Monday to Friday 08:30-12:30 and 13:30-17:30, England's 2026-2027 bank holidays.
const spec: CalendarSpec = {
  timeZone: 'Europe/London',
  weeklyHours: WEEKDAYS.slice(0, 5).flatMap((day) => [
    { day, start: '08:30', end: '12:30' },
    { day, start: '13:30', end: '17:30' },
  ]),
  holidays: [
    '2026-01-01',
    '2026-04-03',
    '2026-04-06',
    '2026-05-04',
    '2026-05-25',
    '2026-08-31',
    '2026-12-25',
    '2026-12-28',
    '2027-01-01',
    '2027-03-26',
    '2027-03-29',
    '2027-05-03',
    '2027-05-31',
    '2027-08-30',
    '2027-12-27',
    '2027-12-28',
  ],
};

// Whole-minute starts spread over 2026 (so DST changes and holidays are crossed).
function starts(count: number): number[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const base = Date.parse('2026-01-01T00:00:00Z');
  return Array.from({ length: count }, () => base + Math.floor(random() * 365 * 1440) * MINUTE);
}

function rate(
  label: string,
  runs: number,
  compute: (start: number) => number,
  inputs: number[],
): number {
  // Warm-up, then a timed pass.
  for (let i = 0; i < Math.min(runs, 1000); i++) compute(inputs[i % inputs.length]);
  let sink = 0;
  const begin = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) sink += compute(inputs[i % inputs.length]) % 7;
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  const perSecond = runs / seconds;
  console.log(
    `${label.padEnd(44)} ${Math.round(perSecond).toLocaleString('en-GB').padStart(12)} /s   (${runs} runs, ${seconds.toFixed(2)} s${sink < 0 ? '' : ''})`,
  );
  return perSecond;
}

const calendar = new BusinessCalendar(spec);
const reference = new MinuteReference(spec);
const inputs = starts(10_000);
console.log(
  `node ${process.version}, one core; calendar ${spec.timeZone}, 40 h a week, ${spec.holidays.length} holidays\n`,
);
const fast8h = rate(
  'BusinessCalendar.dueAt, 8-hour target',
  500_000,
  (s) => calendar.dueAt(s, 8 * 60 * MINUTE),
  inputs,
);
const fast30d = rate(
  'BusinessCalendar.dueAt, 30-day target',
  500_000,
  (s) => calendar.dueAt(s, 30 * 1440 * MINUTE),
  inputs,
);
const slow8h = rate(
  'minute-by-minute reference, 8-hour target',
  200,
  (s) => reference.dueAt(s, 8 * 60, 10),
  inputs,
);
const slow30d = rate(
  'minute-by-minute reference, 30-day target',
  20,
  (s) => reference.dueAt(s, 30 * 1440, 200),
  inputs,
);
const businessTime = rate(
  'BusinessCalendar.workingMs, 30-day span',
  500_000,
  (s) => calendar.workingMs(s, s + 30 * DAY),
  inputs,
);
console.log(
  `\nspeed-up over the reference: ${Math.round(fast8h / slow8h).toLocaleString('en-GB')}x (8 h), ${Math.round(fast30d / slow30d).toLocaleString('en-GB')}x (30 d)`,
);
console.log(
  `30-day target: ${Math.round(fast30d).toLocaleString('en-GB')}/s against the 100,000/s target: ${fast30d >= 100_000 ? 'met' : 'NOT met'} (ratio ${(fast30d / 100_000).toFixed(1)})`,
);
void businessTime;
