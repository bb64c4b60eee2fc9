import { DateTime } from 'luxon';
import { Priority } from '@intradesk/catalog';
import type { WorkingTime } from '@intradesk/sla';
import { RequestStatus } from '../requests/request-status.enum';
import { DemoStory } from './demo-requests';
import {
  CANCEL_COMMENTS,
  CHASERS,
  FIRST_REPLIES,
  INTERNAL_NOTES,
  KUDOS_MESSAGES,
  PRIORITY_MIX,
  QUALITY_COMMENTS,
  RATING_COMMENTS,
  REOPEN_COMMENTS,
  TRAFFIC,
  TrafficService,
} from './demo-traffic';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Requests a day on an ordinary weekday at the end of the period, before the weekday factor.
const DAILY_REQUESTS = 21;
// Monday .. Sunday.
const WEEKDAY_FACTOR = [1.15, 1.1, 1.05, 1, 0.8, 0.1, 0.04];
const HOLIDAY_FACTOR = 0.05;
// Departments that also work early, late and on Saturdays (they file then too).
const SHIFT_CUSTOMERS = new Set(['LINE-A', 'LOG', 'PROD']);
const PRIORITY_PACE: Record<Priority, number> = {
  [Priority.P1]: 0.8,
  [Priority.P2]: 0.95,
  [Priority.P3]: 1,
  [Priority.P4]: 1.1,
};

export interface DemoTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  // The working time the request's clocks count in.
  calendar: WorkingTime;
}

export interface DemoRequestTraits {
  supplier: string;
  customer: string;
  service: string | null;
  priority: Priority;
}

export interface DemoPeople {
  // Who files a department's requests, and who works those addressed to it (email, weight).
  requesters: [string, number][];
  workers: [string, number][];
}

export interface DemoHistoryInput {
  now: Date;
  // How far back the generated traffic goes (0: only the stories).
  days: number;
  timeZone: string;
  holidays: readonly string[];
  people: Record<string, DemoPeople>;
  // The story requests are filed by this person of the customer department.
  storyRequester(department: string): string;
  storyAgent(department: string): string;
  targets(traits: DemoRequestTraits): DemoTargets;
  // A department's own working time (when its people answer, confirm and rate).
  workingTimeOf(department: string): WorkingTime;
  autoCloseHours: number;
  reopenWindowHours: number;
  ratingWindowDays: number;
  stories: DemoStory[];
  seed?: number;
}

type ImportEvent = { at: string; type: string } & Record<string, unknown>;

export interface DemoHistoryRequest {
  ref: string;
  createdAt: number;
  // One line of the import format (API.md), events up to now.
  line: {
    ref: string;
    supplier: string;
    customer: string;
    requester: string;
    service: string | null;
    priority: Priority;
    title: string;
    events: ImportEvent[];
  };
  // What the import format does not carry, applied after it.
  assignee: { email: string; at: number } | null;
  kudos: {
    from: string;
    toUser: string | null;
    toDepartment: string | null;
    message: string;
    at: number;
  } | null;
  quality: { by: string; score: number; comment: string; at: number } | null;
}

// A small, fast, seedable PRNG (mulberry32): the same seed and "now" give the same history.
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly next: () => number) {}

  chance(p: number): boolean {
    return this.next() < p;
  }

  between(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  // Durations: a median and a spread (sigma of the logarithm).
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
}

// The instant `minutes` of working time after `at`.
const after = (time: WorkingTime, at: number, minutes: number) =>
  time.dueAt(at, Math.max(0, Math.round(minutes * MINUTE)));

// The latest instant from which `minutes` of working time remain until `until`.
export function workingAgo(time: WorkingTime, until: number, minutes: number): number {
  const goal = Math.round(minutes * MINUTE);
  let lo = until - 400 * DAY;
  let hi = until;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (time.workingMs(mid, until) >= goal) lo = mid;
    else hi = mid;
  }
  return lo;
}

class Timeline {
  private readonly events: { at: number; event: Record<string, unknown> }[] = [];

  constructor(readonly createdAt: number) {
    this.add(createdAt, { type: 'CREATED' });
  }

  add(at: number, event: Record<string, unknown>): void {
    this.events.push({ at, event });
  }

  status(at: number, to: RequestStatus): void {
    this.add(at, { type: 'STATUS', to });
  }

  comment(at: number, by: 'SUPPLIER' | 'CUSTOMER', body: string, internal = false): void {
    this.add(at, { type: 'COMMENT', by, body, ...(internal ? { internal } : {}) });
  }

  // In time order (ties keep the order they were added in), up to `now`.
  upTo(now: number): ImportEvent[] {
    return [...this.events]
      .sort((a, b) => a.at - b.at)
      .filter((e) => e.at <= now)
      .map((e) => ({ at: new Date(e.at).toISOString(), ...e.event }) as ImportEvent);
  }
}

// Months of traffic between the demo departments, as import lines: more on weekdays and in
// working hours, resolution efforts that vary by service and priority (lognormal), waits on
// the customer, reopens, cancellations, breaches, ratings that follow the service, kudos; plus
// the scripted stories. Pure and deterministic for a given input.
export function generateDemoHistory(input: DemoHistoryInput): DemoHistoryRequest[] {
  const dice = new Dice(prng(input.seed ?? 20_260_301));
  const now = input.now.getTime();
  const holidays = new Set(input.holidays);
  const generated: DemoHistoryRequest[] = [];

  const workdayTraffic = TRAFFIC.map((t) => [t, t.weight] as const);
  // Off days only the shift departments file.
  const offDayTraffic = workdayTraffic.filter(([t]) =>
    Object.keys(t.customers).some((c) => SHIFT_CUSTOMERS.has(c)),
  );
  const today = DateTime.fromMillis(now, { zone: input.timeZone }).startOf('day');
  const first = today.minus({ days: input.days });
  for (let day = first, i = 0; input.days > 0 && day <= today; day = day.plus({ days: 1 }), i++) {
    const progress = i / input.days;
    // Local midnight as UTC wall time, and the day's offset (filing starts after any DST change).
    const midnight = Date.UTC(day.year, day.month - 1, day.day);
    const offset = day.set({ hour: 12 }).offset * MINUTE;
    const holiday = holidays.has(day.toISODate()!);
    const off = holiday || day.weekday >= 6;
    const factor = holiday ? HOLIDAY_FACTOR : WEEKDAY_FACTOR[day.weekday - 1];
    const count = dice.poisson(DAILY_REQUESTS * factor * (0.85 + 0.3 * progress));
    for (let n = 0; n < count; n++) {
      const traffic = dice.weighted(off ? offDayTraffic : workdayTraffic);
      const customers = Object.entries(traffic.customers).filter(
        ([code, w]) => w > 0 && (!off || SHIFT_CUSTOMERS.has(code)),
      );
      const customer = dice.weighted(customers);
      const minute = filingMinute(dice, off, SHIFT_CUSTOMERS.has(customer));
      const createdAt = midnight + minute * MINUTE - offset;
      if (createdAt >= now - MINUTE) continue;
      let priority = dice.weighted(PRIORITY_MIX[traffic.defaultPriority]);
      // Off-day calls are often breakdowns.
      if (off && dice.chance(0.3)) priority = Priority.P1;
      generated.push(simulate(dice, input, traffic, customer, priority, createdAt, progress));
    }
  }
  generated.sort((a, b) => a.createdAt - b.createdAt);
  generated.forEach((r, i) => {
    r.ref = r.line.ref = `DEMO-H${String(i + 1).padStart(5, '0')}`;
  });
  const stories = input.stories.map((s, i) => story(input, s, i));
  return [...generated, ...stories].sort((a, b) => a.createdAt - b.createdAt);
}

// Local minute of the day a request is filed: morning and afternoon peaks on working days.
function filingMinute(dice: Dice, off: boolean, shifts: boolean): number {
  let minute: number;
  if (off) minute = dice.between(7 * 60, 14 * 60);
  else if (shifts && dice.chance(0.25)) minute = dice.between(6 * 60, 22 * 60);
  else {
    const r = dice.between(0, 1);
    minute =
      r < 0.45
        ? 600 + 70 * dice.normal()
        : r < 0.85
          ? 870 + 80 * dice.normal()
          : dice.between(8 * 60, 18 * 60);
    minute = Math.min(Math.max(minute, 7 * 60 + 30), 19 * 60);
  }
  return Math.floor(minute);
}

function simulate(
  dice: Dice,
  input: DemoHistoryInput,
  traffic: TrafficService,
  customer: string,
  priority: Priority,
  createdAt: number,
  progress: number,
): DemoHistoryRequest {
  const now = input.now.getTime();
  const { supplier, service } = traffic;
  const target = input.targets({ supplier, customer, service, priority });
  const work = target.calendar;
  const theirs = input.workingTimeOf(customer);
  const requester = dice.weighted(input.people[customer].requesters);
  const agent = dice.weighted(input.people[supplier].workers);
  const tl = new Timeline(createdAt);
  const title = (priority === Priority.P1 ? 'Urgent: ' : '') + dice.pick(traffic.titles);
  const result: DemoHistoryRequest = {
    ref: '',
    createdAt,
    line: { ref: '', supplier, customer, requester, service, priority, title, events: [] },
    assignee: null,
    kudos: null,
    quality: null,
  };
  const finish = () => {
    result.line.events = tl.upTo(now);
    if (result.assignee && result.assignee.at > now) result.assignee = null;
    if (result.kudos && result.kudos.at > now) result.kudos = null;
    if (result.quality && result.quality.at > now) result.quality = null;
    return result;
  };
  const cancel = (at: number) => {
    tl.comment(at, 'CUSTOMER', dice.pick(CANCEL_COMMENTS));
    tl.status(at, RequestStatus.CANCELLED);
    return finish();
  };

  // Sometimes the customer withdraws it before anyone answers.
  if (dice.chance(0.012)) return cancel(after(theirs, createdAt, dice.lognormal(45, 1)));

  // First response: a public reply and work started, or work started straight away.
  const firstResponse = Math.max(2, dice.lognormal(target.firstResponseMinutes * 0.22, 0.9));
  let t = after(work, createdAt, firstResponse);
  result.assignee = { email: agent, at: t };
  if (dice.chance(0.55)) {
    tl.comment(t, 'SUPPLIER', dice.pick(FIRST_REPLIES));
    t = after(work, t, dice.between(0, 30));
  }
  tl.status(t, RequestStatus.IN_PROGRESS);

  // The working minutes the resolution will take on the supplier's clock (compliance improves
  // a little over the months, as teams settle in).
  const pace = traffic.pace * PRIORITY_PACE[priority] * (1.15 - 0.3 * progress);
  let effort = Math.max(
    firstResponse + 10,
    dice.lognormal(target.resolutionMinutes * pace, traffic.spread),
  );
  let elapsed = work.workingMs(createdAt, t) / MINUTE;
  effort = Math.max(effort, elapsed + 5);

  if (dice.chance(traffic.waitChance)) {
    const ask = (effort - elapsed) * dice.between(0.1, 0.5);
    t = after(work, t, ask);
    elapsed += ask;
    tl.comment(t, 'SUPPLIER', dice.pick(traffic.questions));
    tl.status(t, RequestStatus.WAITING_ON_CUSTOMER);
    // A few are never answered and withdrawn a couple of days later.
    if (dice.chance(0.06)) return cancel(after(theirs, t, dice.lognormal(900, 0.4)));
    t = after(theirs, t, dice.lognormal(200, 1.1));
    tl.comment(t, 'CUSTOMER', dice.pick(traffic.answers));
    tl.status(t, RequestStatus.IN_PROGRESS);
  }
  if (dice.chance(0.025)) return cancel(after(theirs, t, dice.lognormal(240, 1)));

  const resolvedAt = after(work, t, effort - elapsed);
  if (dice.chance(0.15)) {
    const note = after(work, t, (effort - elapsed) * dice.between(0.1, 0.7));
    tl.comment(note, 'SUPPLIER', dice.pick(INTERNAL_NOTES), true);
  }
  // Long waits get chased, in the customer's working hours.
  const waiting = theirs.workingMs(t, resolvedAt) / MINUTE;
  if (resolvedAt - t > 3 * DAY && dice.chance(0.5)) {
    tl.comment(after(theirs, t, waiting * dice.between(0.5, 0.9)), 'CUSTOMER', dice.pick(CHASERS));
  }
  if (dice.chance(0.8)) tl.comment(resolvedAt, 'SUPPLIER', dice.pick(traffic.resolutions));
  tl.status(resolvedAt, RequestStatus.RESOLVED);

  let resolved = resolvedAt;
  let reopened = false;
  if (dice.chance(0.06)) {
    const reopenAt = after(theirs, resolvedAt, dice.lognormal(300, 0.9));
    if (reopenAt - resolvedAt < input.reopenWindowHours * HOUR) {
      tl.comment(reopenAt, 'CUSTOMER', dice.pick(REOPEN_COMMENTS));
      tl.status(reopenAt, RequestStatus.IN_PROGRESS);
      const extra = dice.lognormal(target.resolutionMinutes * 0.15, 0.8);
      effort += extra;
      resolved = after(work, reopenAt, extra);
      tl.comment(resolved, 'SUPPLIER', dice.pick(traffic.resolutions));
      tl.status(resolved, RequestStatus.RESOLVED);
      reopened = true;
    }
  }

  // Confirmed by the customer, else closed by the desk after the auto-close delay.
  const confirmed = dice.chance(0.35) ? after(theirs, resolved, dice.lognormal(180, 1)) : Infinity;
  tl.status(Math.min(confirmed, resolved + input.autoCloseHours * HOUR), RequestStatus.CLOSED);

  // The verdicts the clocks will reach, which colour the rating.
  const breached = effort > target.resolutionMinutes;
  const lateReply = firstResponse > target.firstResponseMinutes;
  if (dice.chance(breached ? 0.65 : 0.45)) {
    const at = Math.min(
      after(theirs, resolved, dice.lognormal(240, 1.3)),
      resolved + (input.ratingWindowDays - 4) * DAY,
    );
    const raw =
      4.4 -
      (breached ? 1.8 : 0) -
      (lateReply ? 0.6 : 0) -
      (reopened ? 1 : 0) +
      (effort < target.resolutionMinutes * 0.3 ? 0.3 : 0) +
      0.75 * dice.normal();
    const score = Math.min(5, Math.max(1, Math.round(raw)));
    const comment = dice.chance(score <= 2 ? 0.85 : 0.55) ? dice.pick(RATING_COMMENTS[score]) : '';
    tl.add(at, { type: 'RATING', score, comment });
    if (score === 5 && dice.chance(0.35)) {
      const toPerson = dice.chance(0.7);
      result.kudos = {
        from: requester,
        toUser: toPerson ? agent : null,
        toDepartment: toPerson ? null : supplier,
        message: dice.pick(KUDOS_MESSAGES),
        at: at + 2 * MINUTE,
      };
    }
  }
  if (dice.chance(0.12)) {
    result.quality = {
      by: agent,
      score: dice.weighted([
        [5, 0.35],
        [4, 0.4],
        [3, 0.18],
        [2, 0.07],
      ] as const),
      comment: dice.pick(QUALITY_COMMENTS),
      at: resolved + 5 * MINUTE,
    };
  }
  return finish();
}

// One scripted request, placed relative to now.
function story(input: DemoHistoryInput, s: DemoStory, index: number): DemoHistoryRequest {
  const now = input.now.getTime();
  const priority = s.priority ?? Priority.P3;
  const target = input.targets({
    supplier: s.supplier,
    customer: s.customer,
    service: s.service ?? null,
    priority,
  });
  const work = target.calendar;
  const atRisk = s.remainingMinutes !== undefined;
  const createdAt = atRisk
    ? workingAgo(work, now, target.resolutionMinutes - s.remainingMinutes!)
    : workingAgo(work, now, (s.daysAgo ?? 0) * 480 + 90);
  const available = work.workingMs(createdAt, now) / MINUTE - 5;
  const n = s.steps.length;
  // At-risk ones answered promptly (their first-response clock met), the rest spread out.
  const offset = (i: number) =>
    atRisk
      ? i < 2
        ? 12 * (i + 1)
        : 24 + ((available - 24) * (i - 1)) / Math.max(1, n - 1)
      : Math.min(available / (n + 1), 120) * (i + 1);
  const requester = input.storyRequester(s.customer);
  const agent = input.storyAgent(s.supplier);
  const tl = new Timeline(createdAt);
  let assignedAt: number | null = null;
  s.steps.forEach((step, i) => {
    const at = after(work, createdAt, offset(i));
    if ('status' in step) {
      tl.status(at, step.status);
      if (step.status === RequestStatus.IN_PROGRESS) assignedAt ??= at;
    } else if ('rating' in step) {
      tl.add(at, { type: 'RATING', score: step.rating, comment: step.comment });
    } else {
      tl.comment(at, step.by === 'supplier' ? 'SUPPLIER' : 'CUSTOMER', step.comment, step.internal);
      if (step.by === 'supplier') assignedAt ??= at;
    }
  });
  const ref = `DEMO-S${String(index + 1).padStart(2, '0')}`;
  return {
    ref,
    createdAt,
    line: {
      ref,
      supplier: s.supplier,
      customer: s.customer,
      requester,
      service: s.service ?? null,
      priority,
      title: s.title,
      events: tl.upTo(now),
    },
    assignee: s.assign && assignedAt !== null ? { email: agent, at: assignedAt } : null,
    kudos: null,
    quality: null,
  };
}
