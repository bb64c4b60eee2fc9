import { RelationshipType } from '@intradesk/organization';
import { clockColumns, clockIsSql, SlaClockState } from '@intradesk/sla';
import {
  ReportFilterCommand,
  ReportGroupBy,
  ReportGrouping,
  ReportPeriod,
  ReportScope,
} from './report-dimensions';

// What a report needs beyond the request counts; each adds joins or sorts, so reports ask only
// for theirs.
export interface ReportMeasures {
  firstResponse?: boolean;
  resolution?: boolean;
  // Median and 90th percentile of resolution minutes (a sort per group).
  percentiles?: boolean;
  ratings?: boolean;
  quality?: boolean;
  kudos?: boolean;
}

export interface ReportSql {
  sql: string;
  params: unknown[];
}

const GROUP_COLUMNS: Record<Exclude<ReportGroupBy, ReportGroupBy.PERIOD>, string> = {
  [ReportGroupBy.SUPPLIER]: 'r.supplier_id',
  [ReportGroupBy.CUSTOMER]: 'r.customer_id',
  [ReportGroupBy.SERVICE]: 'r.service_id',
  [ReportGroupBy.PRIORITY]: 'r.priority',
  [ReportGroupBy.RELATIONSHIP_TYPE]: 'r.relationship_type',
  [ReportGroupBy.ASSIGNEE]: 'r.assignee_id',
};

const OUTPUT_NAMES: Record<ReportGroupBy, string> = {
  [ReportGroupBy.SUPPLIER]: 'supplier_id',
  [ReportGroupBy.CUSTOMER]: 'customer_id',
  [ReportGroupBy.SERVICE]: 'service_id',
  [ReportGroupBy.PRIORITY]: 'priority',
  [ReportGroupBy.RELATIONSHIP_TYPE]: 'relationship_type',
  [ReportGroupBy.ASSIGNEE]: 'assignee_id',
  [ReportGroupBy.PERIOD]: 'period',
};

const PERIOD_UNITS: Record<ReportPeriod, string> = {
  [ReportPeriod.DAY]: 'day',
  [ReportPeriod.WEEK]: 'week',
  [ReportPeriod.MONTH]: 'month',
};

// A clock's verdict in SQL, the one Request.sla shows (clockIsSql: cancelled counts in neither;
// breached once recorded so or while still running past its due time). `c` is the clock's
// column prefix in request_report_facts (fr, res).
const met = (c: string, now: string) => clockIsSql(SlaClockState.MET, clockColumns(`r.${c}_`), now);
const breached = (c: string, now: string) =>
  clockIsSql(SlaClockState.BREACHED, clockColumns(`r.${c}_`), now);
// Working minutes of a stopped clock, as Request.sla shows them (whole minutes): integer
// division, which is floor() for elapsed time (never negative) and several times cheaper than
// numeric arithmetic over a million rows.
const stoppedMinutes = (c: string) => `(r.${c}_elapsed_ms / 60000)`;
const stopped = (c: string) => `r.${c}_stopped_at IS NOT NULL AND r.${c}_cancelled_at IS NULL`;

// The scope and filter of a report as a WHERE clause over r (requests or request_report_facts,
// which share these columns), its values appended to params.
export function reportWhere(
  scope: ReportScope,
  filter: ReportFilterCommand,
  params: unknown[],
): string {
  const where: string[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (scope) {
    const dept = add(scope.departmentId);
    where.push(`(r.supplier_id = ${dept} OR r.customer_id = ${dept})`);
  }
  if (filter.from) where.push(`r.created_at >= ${add(filter.from)}`);
  if (filter.to) where.push(`r.created_at < ${add(filter.to)}`);
  if (filter.supplierIds?.length)
    where.push(`r.supplier_id = ANY(${add(filter.supplierIds)}::uuid[])`);
  if (filter.customerIds?.length)
    where.push(`r.customer_id = ANY(${add(filter.customerIds)}::uuid[])`);
  if (filter.serviceIds?.length)
    where.push(`r.service_id = ANY(${add(filter.serviceIds)}::uuid[])`);
  if (filter.priorities?.length)
    where.push(`r.priority = ANY(${add(filter.priorities)}::priority[])`);
  if (filter.relationshipTypes?.length) {
    where.push(`r.relationship_type = ANY(${add(filter.relationshipTypes)}::relationship_type[])`);
  }
  return where.length ? `WHERE ${where.join(' AND ')}` : '';
}

// One aggregate query for a report: grouped in SQL, sorted by the groups' readable keys.
export function reportSql(
  scope: ReportScope,
  filter: ReportFilterCommand,
  grouping: ReportGrouping,
  measures: ReportMeasures,
  now: Date,
  timeZone: string,
  // The department matrix: each pair's relationship type, as most of its requests were filed.
  relationshipMode = false,
  // The trend: every period of the filter's range (else from the first to the last request's),
  // those without requests as zero-count rows.
  fillPeriods = false,
): ReportSql {
  const params: unknown[] = [];
  const where = reportWhere(scope, filter, params);
  const keys: string[] = [];
  // What each key is grouped by: its position, or for the period the timestamp it is made of.
  const groupNames: string[] = [];
  let zone = '';
  for (const group of grouping.groupBy) {
    if (group === ReportGroupBy.PERIOD) {
      params.push(timeZone);
      zone = `$${params.length}`;
      const unit = PERIOD_UNITS[grouping.period ?? ReportPeriod.MONTH];
      const start = `date_trunc('${unit}', r.created_at AT TIME ZONE $${params.length})`;
      // ISO text sorts chronologically and reaches JavaScript without a time zone. Grouped by
      // the timestamp, not the text: the percentiles make PostgreSQL sort every row by the
      // group key, and a timestamp compares several times faster than collated text (the
      // text is then made once per group, not per row).
      keys.push(`to_char(${start}, 'YYYY-MM-DD') AS period`);
      groupNames.push(start);
    } else {
      keys.push(`${GROUP_COLUMNS[group]} AS ${OUTPUT_NAMES[group]}`);
      groupNames.push(String(keys.length));
    }
  }
  const columns = [
    'count(*)::int AS total',
    `count(*) FILTER (WHERE r.status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED'))::int AS open`,
  ];
  if (relationshipMode && !grouping.groupBy.includes(ReportGroupBy.RELATIONSHIP_TYPE)) {
    // Counts per type (a hash aggregate; mode() would sort every group); the most frequent wins.
    columns.push(
      ...Object.values(RelationshipType).map(
        (t) => `count(*) FILTER (WHERE r.relationship_type = '${t}')::int AS "relationship_${t}"`,
      ),
    );
  }
  const asOf = () => {
    params.push(now);
    return `$${params.length}`;
  };
  if (measures.firstResponse) {
    const at = asOf();
    columns.push(
      `count(*) FILTER (WHERE ${met('fr', at)})::int AS first_response_met`,
      `count(*) FILTER (WHERE ${breached('fr', at)})::int AS first_response_breached`,
    );
  }
  if (measures.resolution) {
    const at = asOf();
    columns.push(
      `count(*) FILTER (WHERE ${met('res', at)})::int AS resolution_met`,
      `count(*) FILTER (WHERE ${breached('res', at)})::int AS resolution_breached`,
    );
  }
  if (measures.percentiles) {
    columns.push(
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${stoppedMinutes('res')}) FILTER (WHERE ${stopped('res')}) AS median_resolution_minutes`,
      `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${stoppedMinutes('res')}) FILTER (WHERE ${stopped('res')}) AS p90_resolution_minutes`,
    );
  }
  if (measures.ratings) {
    columns.push(
      'count(r.rating_score)::int AS ratings',
      'avg(r.rating_score)::float8 AS average_score',
      ...[1, 2, 3, 4, 5].map(
        (s) => `count(*) FILTER (WHERE r.rating_score = ${s})::int AS score_${s}`,
      ),
      `count(*) FILTER (WHERE ${stopped('res')})::int AS stopped_resolutions`,
    );
  }
  if (measures.quality) {
    columns.push(
      'count(r.quality_score)::int AS quality_ratings',
      'avg(r.quality_score)::float8 AS average_quality_score',
    );
  }
  if (measures.kudos) {
    columns.push('sum(r.kudos)::int AS kudos');
  }
  // The other keys by position: they come first, and their names clash with the joined
  // clocks' columns.
  const sql = `
    SELECT ${[...keys, ...columns].join(',\n           ')}
      FROM request_report_facts r
      ${where}
     ${groupNames.length ? `GROUP BY ${groupNames.join(', ')}` : ''}`;
  if (
    fillPeriods &&
    grouping.groupBy.length === 1 &&
    grouping.groupBy[0] === ReportGroupBy.PERIOD
  ) {
    const unit = grouping.period ?? ReportPeriod.MONTH;
    return { sql: everyPeriod(sql, unit, filter, zone, params), params };
  }
  return { sql: ordered(sql, grouping.groupBy), params };
}

// At most this many periods in a trend (ten years of days); a longer range is refused before.
export const MAX_PERIODS = 3660;

// The periods of [from, to) (or of the requests found), each joined to its aggregate row: a
// period without requests comes back with its key alone (counts null, read as zero).
function everyPeriod(
  aggregate: string,
  period: ReportPeriod,
  filter: ReportFilterCommand,
  // The parameter holding the organisation's time zone, as the aggregate's period key used it.
  zone: string,
  params: unknown[],
): string {
  const unit = PERIOD_UNITS[period];
  const at = (value: Date) => {
    params.push(value);
    return `$${params.length}::timestamptz`;
  };
  const first = filter.from
    ? `date_trunc('${unit}', ${at(filter.from)} AT TIME ZONE ${zone})`
    : `m.lo::timestamp`;
  const last = filter.to
    ? `date_trunc('${unit}', (${at(filter.to)} - interval '1 millisecond') AT TIME ZONE ${zone})`
    : `m.hi::timestamp`;
  return `WITH a AS (${aggregate}),
    span AS (SELECT ${first} AS first, ${last} AS last
             FROM (SELECT min(a.period) AS lo, max(a.period) AS hi FROM a) m),
    p AS (SELECT to_char(g, 'YYYY-MM-DD') AS period
            FROM span, generate_series(span.first, span.last, interval '1 ${unit}') g
           LIMIT ${MAX_PERIODS})
    SELECT * FROM p LEFT JOIN a USING (period) ORDER BY p.period`;
}

// Readable order: period first, then department codes, service names, enum order.
function ordered(aggregate: string, groupBy: ReportGroupBy[]): string {
  const joins: string[] = [];
  const order: string[] = [];
  if (groupBy.includes(ReportGroupBy.PERIOD)) order.push('a.period');
  if (groupBy.includes(ReportGroupBy.SUPPLIER)) {
    joins.push('LEFT JOIN departments sd ON sd.id = a.supplier_id');
    order.push('sd.code');
  }
  if (groupBy.includes(ReportGroupBy.CUSTOMER)) {
    joins.push('LEFT JOIN departments cd ON cd.id = a.customer_id');
    order.push('cd.code');
  }
  if (groupBy.includes(ReportGroupBy.SERVICE)) {
    joins.push('LEFT JOIN services sv ON sv.id = a.service_id');
    order.push('sv.name NULLS LAST', 'a.service_id');
  }
  if (groupBy.includes(ReportGroupBy.ASSIGNEE)) {
    joins.push('LEFT JOIN users au ON au.id = a.assignee_id');
    order.push('au.name NULLS LAST', 'a.assignee_id');
  }
  if (groupBy.includes(ReportGroupBy.PRIORITY)) order.push('a.priority');
  if (groupBy.includes(ReportGroupBy.RELATIONSHIP_TYPE)) order.push('a.relationship_type');
  return `WITH a AS (${aggregate})
    SELECT a.* FROM a
    ${joins.join('\n    ')}
    ${order.length ? `ORDER BY ${order.join(', ')}` : ''}`;
}
