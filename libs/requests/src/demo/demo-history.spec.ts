import { BusinessCalendar, WEEKDAYS } from '@intradesk/sla';
import { parseImportLine } from '../import/import-line';
import { DemoHistoryInput, generateDemoHistory } from './demo-history';
import { DEMO_CALENDARS, DEMO_STORIES, ENGLAND_BANK_HOLIDAYS } from './demo-requests';
import { TRAFFIC } from './demo-traffic';

const office = new BusinessCalendar({
  timeZone: 'Europe/London',
  weeklyHours: DEMO_CALENDARS.office.weeklyHours,
  holidays: ENGLAND_BANK_HOLIDAYS,
});
const allDay = new BusinessCalendar({
  timeZone: 'Europe/London',
  weeklyHours: WEEKDAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
  holidays: [],
});
const codes = [
  ...new Set(TRAFFIC.flatMap((t) => [t.supplier, ...Object.keys(t.customers)])),
  ...DEMO_STORIES.flatMap((s) => [s.customer, s.supplier]),
];

const input = (now: Date): DemoHistoryInput => ({
  now,
  days: 122,
  timeZone: 'Europe/London',
  holidays: ENGLAND_BANK_HOLIDAYS,
  people: Object.fromEntries(
    codes.map((code) => [
      code,
      {
        requesters: [
          [`member.${code}@x.test`, 3],
          [`lead.${code}@x.test`, 1],
        ],
        workers: [[`agent.${code}@x.test`, 1]],
      },
    ]),
  ),
  storyRequester: (code) => `member.${code}@x.test`,
  storyAgent: (code) => `agent.${code}@x.test`,
  targets: ({ priority }) =>
    priority === 'P1'
      ? { firstResponseMinutes: 30, resolutionMinutes: 240, calendar: allDay }
      : { firstResponseMinutes: 240, resolutionMinutes: 960, calendar: office },
  workingTimeOf: () => office,
  autoCloseHours: 72,
  reopenWindowHours: 168,
  ratingWindowDays: 14,
  stories: DEMO_STORIES,
});

describe('the demo history', () => {
  const now = new Date('2026-11-17T10:40:00Z');
  const history = generateDemoHistory(input(now));

  it('is the same for the same "now", and moves with it', () => {
    expect(generateDemoHistory(input(now))).toEqual(history);
    const later = generateDemoHistory(input(new Date(now.getTime() + 7 * 86_400_000)));
    expect(later.map((h) => h.line.title)).not.toEqual(history.map((h) => h.line.title));
  });

  it('is months of legal import lines, in creation order, nothing after now', () => {
    expect(history.length).toBeGreaterThan(1500);
    expect(history.length).toBeLessThan(3000);
    history.forEach((h, i) => {
      const parsed = parseImportLine(JSON.stringify(h.line), i + 1);
      expect('error' in parsed ? parsed.error : null).toBeNull();
      expect(Date.parse(h.line.events[h.line.events.length - 1].at)).toBeLessThanOrEqual(
        now.getTime(),
      );
      if (i > 0) expect(h.createdAt).toBeGreaterThanOrEqual(history[i - 1].createdAt);
    });
    expect(new Set(history.map((h) => h.ref)).size).toBe(history.length);
    const days = (now.getTime() - history[0].createdAt) / 86_400_000;
    expect(days).toBeGreaterThan(115);
  });

  it('places the at-risk stories so that their clocks have the promised time left', () => {
    const scanner = history.find((h) => h.line.title === 'Barcode scanner on line A offline')!;
    // P1: 240 minutes around the clock, 50 left.
    expect(now.getTime() - scanner.createdAt).toBe(190 * 60_000);
    const vpn = history.find((h) => h.line.title === 'VPN drops for the field sales team')!;
    expect(Math.round(office.workingMs(vpn.createdAt, now.getTime()) / 60_000)).toBe(960 - 75);
  });
});
