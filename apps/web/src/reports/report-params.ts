import type {
  Priority,
  RelationshipType,
  ReportFilter,
  ReportGroupBy,
  ReportPeriod,
} from '../gql/graphql';

// The reports' whole view lives in the URL, so a shared link shows the same report:
//   from=2026-11-01  to=2026-11-30   (local dates of the organisation's time zone, both included)
//   supplier=<id>  customer=<id>  service=<id>  priority=P1  relationship=VERTICAL
//   group=SUPPLIER|CUSTOMER|SERVICE|PRIORITY|RELATIONSHIP_TYPE|PERIOD (absent: SUPPLIER)
//   period=DAY|WEEK|MONTH (absent: MONTH; the trend's step, and the rows' when grouped by period)

export const GROUPS = [
  'SUPPLIER',
  'CUSTOMER',
  'SERVICE',
  'PRIORITY',
  'RELATIONSHIP_TYPE',
  'PERIOD',
] as const satisfies readonly ReportGroupBy[];
export type Group = (typeof GROUPS)[number];
export const PERIODS = ['DAY', 'WEEK', 'MONTH'] as const satisfies readonly ReportPeriod[];
export const PRIORITY_VALUES: Priority[] = ['P1', 'P2', 'P3', 'P4'];
export const RELATIONSHIPS: RelationshipType[] = [
  'VERTICAL',
  'HORIZONTAL',
  'DIAGONAL',
  'SAME_DEPARTMENT',
];

export interface ReportView {
  from: string;
  to: string;
  supplier: string;
  customer: string;
  service: string;
  priority: Priority | '';
  relationship: RelationshipType | '';
  group: Group;
  period: ReportPeriod;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (v: string | null) =>
  v && DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? v : '';
const oneOf = <T extends string>(v: string | null, allowed: readonly T[]): T | '' =>
  (allowed as readonly string[]).includes(v ?? '') ? (v as T) : '';

export function readReportView(params: URLSearchParams): ReportView {
  return {
    from: validDate(params.get('from')),
    to: validDate(params.get('to')),
    supplier: params.get('supplier') ?? '',
    customer: params.get('customer') ?? '',
    service: params.get('service') ?? '',
    priority: oneOf(params.get('priority'), PRIORITY_VALUES),
    relationship: oneOf(params.get('relationship'), RELATIONSHIPS),
    group: oneOf(params.get('group'), GROUPS) || 'SUPPLIER',
    period: oneOf(params.get('period'), PERIODS) || 'MONTH',
  };
}

const DEFAULTS: Partial<Record<keyof ReportView, string>> = { group: 'SUPPLIER', period: 'MONTH' };
const PARAM_ORDER: (keyof ReportView)[] = [
  'from',
  'to',
  'supplier',
  'customer',
  'service',
  'priority',
  'relationship',
  'group',
  'period',
];

export function writeReportView(view: ReportView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of PARAM_ORDER) {
    const value = view[key];
    if (value && value !== DEFAULTS[key]) params.set(key, value);
  }
  return params;
}

export function hasReportFilters(view: ReportView): boolean {
  return !!(
    view.from ||
    view.to ||
    view.supplier ||
    view.customer ||
    view.service ||
    view.priority ||
    view.relationship
  );
}

// The UTC offset (ms) of a time zone at an instant.
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

// The instant a local date starts in a time zone (ISO, UTC).
export function startOfDay(date: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const wall = Date.UTC(y, m - 1, d);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}

export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

// The API's filter: From's first instant to the instant after To's last (both local dates).
export function toReportFilter(view: ReportView, timeZone: string): ReportFilter {
  const filter: ReportFilter = {};
  if (view.from) filter.from = startOfDay(view.from, timeZone);
  if (view.to) filter.to = startOfDay(nextDay(view.to), timeZone);
  if (view.supplier) filter.supplierIds = [view.supplier];
  if (view.customer) filter.customerIds = [view.customer];
  if (view.service) filter.serviceIds = [view.service];
  if (view.priority) filter.priorities = [view.priority];
  if (view.relationship) filter.relationshipTypes = [view.relationship];
  return filter;
}

// The grouping argument of slaReport and satisfactionReport: a period length only with PERIOD
// (the API groups by period whenever it is given).
export function toGrouping(view: ReportView): {
  groupBy: ReportGroupBy[];
  period: ReportPeriod | null;
} {
  return view.group === 'PERIOD'
    ? { groupBy: ['PERIOD'], period: view.period }
    : { groupBy: [view.group], period: null };
}

export type CsvReport =
  'sla' | 'satisfaction' | 'trend' | 'department-matrix' | 'department-pair-ranking' | 'requests';

// The download of a report with exactly the filters on screen (the API's query parameters).
export function csvHref(report: CsvReport, filter: ReportFilter, view: ReportView): string {
  const params = new URLSearchParams();
  if (filter.from) params.set('from', String(filter.from));
  if (filter.to) params.set('to', String(filter.to));
  const lists = [
    ['supplierIds', filter.supplierIds],
    ['customerIds', filter.customerIds],
    ['serviceIds', filter.serviceIds],
    ['priorities', filter.priorities],
    ['relationshipTypes', filter.relationshipTypes],
  ] as const;
  for (const [name, values] of lists) if (values?.length) params.set(name, values.join(','));
  if (report === 'sla' || report === 'satisfaction') {
    const grouping = toGrouping(view);
    params.set('groupBy', grouping.groupBy.join(','));
    if (grouping.period) params.set('period', grouping.period);
  }
  if (report === 'trend') params.set('period', view.period);
  const query = params.toString();
  return `/reports/${report}.csv${query ? `?${query}` : ''}`;
}

// The queue with the requests behind a matrix cell: that customer and supplier, created in the
// report's range, any status (and the report's other filters the queue knows).
export function queueHref(
  customerId: string,
  supplierId: string,
  filter: ReportFilter,
  view: ReportView,
): string {
  const params = new URLSearchParams();
  params.set('status', '');
  params.set('customer', customerId);
  params.set('supplier', supplierId);
  if (filter.from) params.set('from', String(filter.from));
  if (filter.to) params.set('to', String(filter.to));
  if (view.service) params.set('service', view.service);
  if (view.priority) params.set('priority', view.priority);
  if (view.relationship) params.set('relationship', view.relationship);
  return `/queue?${params.toString()}`;
}
