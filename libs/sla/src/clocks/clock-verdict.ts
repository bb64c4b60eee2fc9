// A stored clock's verdict (RUNNING, PAUSED, MET, BREACHED, CANCELLED), defined once as data and
// read two ways: clockVerdict() in TypeScript (Request.sla, at-risk) and clockVerdictSql() /
// clockIsSql() in SQL (reports, the export, what-if, queue health), so both always agree (a test
// evaluates both over the same random clocks in PostgreSQL).

export enum SlaClockState {
  RUNNING = 'RUNNING',
  PAUSED = 'PAUSED',
  MET = 'MET',
  BREACHED = 'BREACHED',
  CANCELLED = 'CANCELLED',
}

// What the verdict reads of a clock (sla_clocks' columns, or request_report_facts' copies).
export interface VerdictClock {
  runningSince: Date | null;
  dueAt: Date | null;
  stoppedAt: Date | null;
  cancelledAt: Date | null;
  breachedAt: Date | null;
}

export type VerdictField = keyof VerdictClock;

type Condition =
  | { set: VerdictField }
  // The field is set and earlier than now.
  | { beforeNow: VerdictField }
  | { all: Condition[] }
  | { any: Condition[] }
  | { always: true };

// API.md's rules, the first that holds decides. Cancelled counts as neither met nor breached. A
// clock is breached for good once recorded so, and a running clock once now is past its due
// time (the instant its working time reaches the target, so due exactly now is not yet breached:
// the breach scan records it at that instant too). Stopped within the target is met.
const VERDICT: readonly (readonly [SlaClockState, Condition])[] = [
  [SlaClockState.CANCELLED, { set: 'cancelledAt' }],
  [
    SlaClockState.BREACHED,
    { any: [{ set: 'breachedAt' }, { all: [{ set: 'runningSince' }, { beforeNow: 'dueAt' }] }] },
  ],
  [SlaClockState.MET, { set: 'stoppedAt' }],
  [SlaClockState.RUNNING, { set: 'runningSince' }],
  [SlaClockState.PAUSED, { always: true }],
];

function holds(condition: Condition, clock: VerdictClock, now: Date): boolean {
  if ('set' in condition) return clock[condition.set] !== null;
  if ('beforeNow' in condition) {
    const value = clock[condition.beforeNow];
    return value !== null && value.getTime() < now.getTime();
  }
  if ('all' in condition) return condition.all.every((c) => holds(c, clock, now));
  if ('any' in condition) return condition.any.some((c) => holds(c, clock, now));
  return true;
}

export function clockVerdict(clock: VerdictClock, now: Date): SlaClockState {
  return VERDICT.find(([, condition]) => holds(condition, clock, now))![0];
}

// Names a field's column in a query, e.g. clockColumns('r.res_') for request_report_facts or
// clockColumns('c.') for sla_clocks.
export type ClockColumns = (field: VerdictField) => string;

export function clockColumns(prefix: string): ClockColumns {
  return (field) => prefix + field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

// Every condition is a non-null boolean in SQL (a NULL column makes a comparison false, not
// NULL), so NOT and FILTER mean what they do in TypeScript.
function sql(condition: Condition, column: ClockColumns, now: string): string {
  if ('set' in condition) return `${column(condition.set)} IS NOT NULL`;
  if ('beforeNow' in condition) {
    const c = column(condition.beforeNow);
    return `(${c} IS NOT NULL AND ${c} < ${now})`;
  }
  if ('all' in condition) return `(${condition.all.map((c) => sql(c, column, now)).join(' AND ')})`;
  if ('any' in condition) return `(${condition.any.map((c) => sql(c, column, now)).join(' OR ')})`;
  return 'true';
}

// The verdict as a CASE expression of text; `now` is the SQL for the instant (a placeholder).
export function clockVerdictSql(column: ClockColumns, now: string): string {
  const last = VERDICT.length - 1;
  const whens = VERDICT.slice(0, last).map(
    ([state, condition]) => `WHEN ${sql(condition, column, now)} THEN '${state}'`,
  );
  return `(CASE ${whens.join(' ')} ELSE '${VERDICT[last][0]}' END)`;
}

// "The verdict is `state`" as a boolean expression (for FILTER clauses and bool_or), without
// the CASE: the state's condition and none of those before it.
export function clockIsSql(state: SlaClockState, column: ClockColumns, now: string): string {
  const at = VERDICT.findIndex(([s]) => s === state);
  const earlier = VERDICT.slice(0, at).map(([, c]) => `NOT (${sql(c, column, now)})`);
  return `(${[...earlier, sql(VERDICT[at][1], column, now)].join(' AND ')})`;
}
