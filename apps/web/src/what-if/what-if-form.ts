import type { Priority } from '../ui/labels';

export type CalendarChoice = 'AS_RAN' | 'SUPPLIER' | 'CUSTOMER' | 'BOTH' | 'ONE';

export interface Duration {
  hours: string;
  minutes: string;
}

export interface PriorityTargets {
  firstResponse: Duration;
  resolution: Duration;
}

export interface WhatIfForm {
  supplierId: string;
  targets: Record<Priority, PriorityTargets>;
  calendar: CalendarChoice;
  calendarId: string;
  from: string; // YYYY-MM-DD
  to: string; // YYYY-MM-DD, inclusive
}

// Field keys for errors: "supplier", "P1.firstResponse", "P1.resolution", "targets", "calendarId",
// "from", "to".
export type WhatIfErrorCode =
  | 'supplierRequired'
  | 'durationInvalid'
  | 'resolutionRequired'
  | 'noTargets'
  | 'calendarRequired'
  | 'dateInvalid'
  | 'toBeforeFrom';

export type WhatIfErrors = Partial<Record<string, WhatIfErrorCode>>;

const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
const MAX_MINUTES = 5 * 366 * 1440;

export function emptyDuration(): Duration {
  return { hours: '', minutes: '' };
}

export function durationOf(minutes: number | null | undefined): Duration {
  if (minutes == null) return emptyDuration();
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

// Minutes of a duration; null when empty, NaN when not a valid duration.
export function minutesOf(d: Duration): number | null {
  const h = d.hours.trim();
  const m = d.minutes.trim();
  if (h === '' && m === '') return null;
  const hours = h === '' ? 0 : Number(h);
  const minutes = m === '' ? 0 : Number(m);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || hours < 0) return NaN;
  if (minutes < 0 || minutes > 59) return NaN;
  const total = hours * 60 + minutes;
  return total >= 1 && total <= MAX_MINUTES ? total : NaN;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateWhatIf(form: WhatIfForm): WhatIfErrors {
  const errors: WhatIfErrors = {};
  if (!form.supplierId) errors.supplier = 'supplierRequired';
  let any = false;
  for (const p of PRIORITIES) {
    const first = minutesOf(form.targets[p].firstResponse);
    const resolution = minutesOf(form.targets[p].resolution);
    if (Number.isNaN(first)) errors[`${p}.firstResponse`] = 'durationInvalid';
    if (Number.isNaN(resolution)) errors[`${p}.resolution`] = 'durationInvalid';
    else if (resolution === null && first !== null)
      errors[`${p}.resolution`] = 'resolutionRequired';
    if (resolution !== null) any = true;
  }
  if (!any && !Object.keys(errors).some((k) => k.startsWith('P'))) errors.targets = 'noTargets';
  if (form.calendar === 'ONE' && !form.calendarId) errors.calendarId = 'calendarRequired';
  if (!DATE.test(form.from) || Number.isNaN(Date.parse(form.from))) errors.from = 'dateInvalid';
  if (!DATE.test(form.to) || Number.isNaN(Date.parse(form.to))) errors.to = 'dateInvalid';
  else if (!errors.from && form.to < form.from) errors.to = 'toBeforeFrom';
  return errors;
}

interface SimulationInput {
  filter: { supplierIds: string[]; priorities: Priority[]; from: string; to: string };
  policy: {
    firstResponseMinutes: number | null;
    resolutionMinutes: number;
    calendarId: string | null;
    calendarMode: 'SUPPLIER' | 'CUSTOMER' | 'BOTH' | null;
  };
}

// The variables of WhatIfSimulate for a valid form: one input per proposed priority. Dates are
// whole days in UTC, To included.
export function simulationVariables(form: WhatIfForm) {
  const to = new Date(`${form.to}T00:00:00Z`);
  to.setUTCDate(to.getUTCDate() + 1);
  const input = (p: Priority): SimulationInput => ({
    filter: {
      supplierIds: [form.supplierId],
      priorities: [p],
      from: new Date(`${form.from}T00:00:00Z`).toISOString(),
      to: to.toISOString(),
    },
    policy: {
      firstResponseMinutes: minutesOf(form.targets[p].firstResponse),
      resolutionMinutes: minutesOf(form.targets[p].resolution) ?? 1,
      calendarId: form.calendar === 'ONE' ? form.calendarId : null,
      calendarMode:
        form.calendar === 'SUPPLIER' || form.calendar === 'CUSTOMER' || form.calendar === 'BOTH'
          ? form.calendar
          : null,
    },
  });
  const has = (p: Priority) => minutesOf(form.targets[p].resolution) !== null;
  return {
    p1: input('P1'),
    p2: input('P2'),
    p3: input('P3'),
    p4: input('P4'),
    with1: has('P1'),
    with2: has('P2'),
    with3: has('P3'),
    with4: has('P4'),
  };
}

const DEFAULTS: Record<Priority, [number, number]> = {
  P1: [30, 240],
  P2: [60, 480],
  P3: [240, 1440],
  P4: [480, 2400],
};

interface PolicyLike {
  priority?: Priority | null;
  serviceId?: string | null;
  customerId?: string | null;
  relationshipType?: string | null;
  supplierId?: string | null;
  firstResponseMinutes: number;
  resolutionMinutes: number;
}

// The targets the supplier has now (its general policy per priority), as the proposal's start.
export function currentTargets(
  policies: readonly PolicyLike[],
  supplierId: string,
): Record<Priority, PriorityTargets> {
  const general = policies.filter((p) => !p.serviceId && !p.customerId && !p.relationshipType);
  const rank = (p: PolicyLike) => (p.supplierId === supplierId ? 0 : 1);
  const pick = (priority: Priority) =>
    [...general]
      .filter((p) => p.priority === priority || p.priority == null)
      .sort((a, b) => rank(a) - rank(b) || (a.priority ? 0 : 1) - (b.priority ? 0 : 1))[0];
  const targets = {} as Record<Priority, PriorityTargets>;
  for (const p of PRIORITIES) {
    const policy = pick(p);
    const [first, resolution] = policy
      ? [policy.firstResponseMinutes, policy.resolutionMinutes]
      : DEFAULTS[p];
    targets[p] = { firstResponse: durationOf(first), resolution: durationOf(resolution) };
  }
  return targets;
}
