import {
  ReportFilterCommand,
  ReportGroupBy,
  ReportGrouping,
  ReportPeriod,
  ReportScope,
} from './report-dimensions';

// What a report needs beyond the request counts; each adds joins, so reports ask only for theirs.
export interface ReportMeasures {
  sla: boolean;
  satisfaction: boolean;
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

// A clock's state in SQL, by API.md's rules (and viewClock's): cancelled counts in neither; a
// clock is breached once recorded so or while still running past its due time ($now).
const met = (c: string) =>
  `${c}.cancelled_at IS NULL AND ${c}.breached_at IS NULL AND ${c}.stopped_at IS NOT NULL`;
const breached = (c: string, now: string) =>
  `${c}.cancelled_at IS NULL AND (${c}.breached_at IS NOT NULL OR (${c}.running_since IS NOT NULL AND ${c}.due_at < ${now}))`;
// Working minutes of a stopped clock, as Request.sla shows them (whole minutes).
const stoppedMinutes = (c: string) => `floor(${c}.elapsed_ms / 60000.0)`;
const stopped = (c: string) => `${c}.stopped_at IS NOT NULL AND ${c}.cancelled_at IS NULL`;

// The scope and filter of a report as a WHERE clause over requests r, its values appended to params.
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
): ReportSql {
  const params: unknown[] = [];
  const where = reportWhere(scope, filter, params);
  const keys: string[] = [];
  for (const group of grouping.groupBy) {
    if (group === ReportGroupBy.PERIOD) {
      params.push(timeZone);
      const unit = PERIOD_UNITS[grouping.period ?? ReportPeriod.MONTH];
      // ISO text sorts chronologically and reaches JavaScript without a time zone.
      keys.push(
        `to_char(date_trunc('${unit}', r.created_at AT TIME ZONE $${params.length}), 'YYYY-MM-DD') AS period`,
      );
    } else {
      keys.push(`${GROUP_COLUMNS[group]} AS ${OUTPUT_NAMES[group]}`);
    }
  }
  const joins: string[] = [];
  const columns = [
    'count(*)::int AS total',
    `count(*) FILTER (WHERE r.status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED'))::int AS open`,
  ];
  if (relationshipMode && !grouping.groupBy.includes(ReportGroupBy.RELATIONSHIP_TYPE)) {
    columns.push('mode() WITHIN GROUP (ORDER BY r.relationship_type) AS relationship_type');
  }
  if (measures.sla || measures.satisfaction) {
    joins.push(`LEFT JOIN sla_clocks res ON res.request_id = r.id AND res.kind = 'RESOLUTION'`);
  }
  if (measures.sla) {
    params.push(now);
    const asOf = `$${params.length}`;
    joins.push(`LEFT JOIN sla_clocks fr ON fr.request_id = r.id AND fr.kind = 'FIRST_RESPONSE'`);
    columns.push(
      `count(*) FILTER (WHERE ${met('fr')})::int AS first_response_met`,
      `count(*) FILTER (WHERE ${breached('fr', asOf)})::int AS first_response_breached`,
      `count(*) FILTER (WHERE ${met('res')})::int AS resolution_met`,
      `count(*) FILTER (WHERE ${breached('res', asOf)})::int AS resolution_breached`,
      `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${stoppedMinutes('res')}) FILTER (WHERE ${stopped('res')}) AS median_resolution_minutes`,
      `percentile_cont(0.9) WITHIN GROUP (ORDER BY ${stoppedMinutes('res')}) FILTER (WHERE ${stopped('res')}) AS p90_resolution_minutes`,
    );
  }
  if (measures.satisfaction) {
    joins.push(
      `LEFT JOIN request_ratings cr ON cr.request_id = r.id AND cr.side = 'CUSTOMER'`,
      `LEFT JOIN request_ratings sr ON sr.request_id = r.id AND sr.side = 'SUPPLIER'`,
      `LEFT JOIN (SELECT request_id, count(*)::int AS n FROM kudos GROUP BY request_id) k ON k.request_id = r.id`,
    );
    columns.push(
      'count(cr.id)::int AS ratings',
      'avg(cr.score)::float8 AS average_score',
      ...[1, 2, 3, 4, 5].map((s) => `count(*) FILTER (WHERE cr.score = ${s})::int AS score_${s}`),
      `count(*) FILTER (WHERE ${stopped('res')})::int AS stopped_resolutions`,
      'count(sr.id)::int AS quality_ratings',
      'avg(sr.score)::float8 AS average_quality_score',
      'coalesce(sum(k.n), 0)::int AS kudos',
    );
  }
  // By position: the keys come first, and their names clash with the joined clocks' columns.
  const groupNames = keys.map((_, i) => String(i + 1));
  const sql = `
    SELECT ${[...keys, ...columns].join(',\n           ')}
      FROM requests r
      ${joins.join('\n      ')}
      ${where}
     ${groupNames.length ? `GROUP BY ${groupNames.join(', ')}` : ''}`;
  return { sql: ordered(sql, grouping.groupBy), params };
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
