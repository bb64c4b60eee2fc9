import { stringify } from 'csv-stringify/sync';
import { ReportGroupBy } from '../reports/report-dimensions';
import { ReportRow } from '../reports/report-row';

export type CsvReport = 'sla' | 'satisfaction' | 'department-matrix' | 'trend';

// Readable names of the ids in a report's rows.
export interface ReportLabels {
  departments: Map<string, { code: string; name: string }>;
  services: Map<string, string>;
  users: Map<string, string>;
}

type Column = [header: string, value: (row: ReportRow) => unknown];

const MEASURES: Record<CsvReport, Column[]> = {
  sla: [
    ['total', (r) => r.total],
    ['open', (r) => r.open],
    ['first_response_met', (r) => r.firstResponseMet],
    ['first_response_breached', (r) => r.firstResponseBreached],
    ['resolution_met', (r) => r.resolutionMet],
    ['resolution_breached', (r) => r.resolutionBreached],
    ['resolution_compliance', (r) => r.resolutionCompliance],
    ['first_response_compliance', (r) => r.firstResponseCompliance],
    ['median_resolution_minutes', (r) => r.medianResolutionMinutes],
    ['p90_resolution_minutes', (r) => r.p90ResolutionMinutes],
  ],
  satisfaction: [
    ['total', (r) => r.total],
    ['ratings', (r) => r.ratings],
    ['average_score', (r) => r.averageScore],
    ...[0, 1, 2, 3, 4].map((i): Column => [`score_${i + 1}`, (r) => r.distribution[i]]),
    ['response_rate', (r) => r.responseRate],
    ['quality_ratings', (r) => r.qualityRatings],
    ['average_quality_score', (r) => r.averageQualityScore],
    ['kudos', (r) => r.kudos],
  ],
  'department-matrix': [
    ['relationship_type', (r) => r.relationshipType],
    ['requests', (r) => r.total],
    ['open', (r) => r.open],
    ['resolution_compliance', (r) => r.resolutionCompliance],
    ['ratings', (r) => r.ratings],
    ['average_score', (r) => r.averageScore],
    ['kudos', (r) => r.kudos],
  ],
  trend: [
    ['total', (r) => r.total],
    ['open', (r) => r.open],
    ['resolution_compliance', (r) => r.resolutionCompliance],
    ['first_response_compliance', (r) => r.firstResponseCompliance],
    ['median_resolution_minutes', (r) => r.medianResolutionMinutes],
    ['average_score', (r) => r.averageScore],
    ['response_rate', (r) => r.responseRate],
    ['kudos', (r) => r.kudos],
  ],
};

function keyColumns(groupBy: ReportGroupBy[], labels: ReportLabels): Column[] {
  const department = (id: string | null) => (id ? labels.departments.get(id) : undefined);
  const columns: Column[] = [];
  for (const group of groupBy) {
    switch (group) {
      case ReportGroupBy.PERIOD:
        columns.push(['period', (r) => r.period]);
        break;
      case ReportGroupBy.SUPPLIER:
        columns.push(
          ['supplier_code', (r) => department(r.supplierId)?.code],
          ['supplier_name', (r) => department(r.supplierId)?.name],
        );
        break;
      case ReportGroupBy.CUSTOMER:
        columns.push(
          ['customer_code', (r) => department(r.customerId)?.code],
          ['customer_name', (r) => department(r.customerId)?.name],
        );
        break;
      case ReportGroupBy.SERVICE:
        columns.push(['service', (r) => (r.serviceId ? labels.services.get(r.serviceId) : null)]);
        break;
      case ReportGroupBy.ASSIGNEE:
        columns.push(['assignee', (r) => (r.assigneeId ? labels.users.get(r.assigneeId) : null)]);
        break;
      case ReportGroupBy.PRIORITY:
        columns.push(['priority', (r) => r.priority]);
        break;
      case ReportGroupBy.RELATIONSHIP_TYPE:
        columns.push(['relationship_type', (r) => r.relationshipType]);
        break;
    }
  }
  return columns;
}

// RFC 4180: a header row, CRLF line ends, fields quoted when they hold commas, quotes or line
// breaks. Numbers keep full precision, so they equal the GraphQL values; null is empty.
export function reportCsv(
  report: CsvReport,
  rows: ReportRow[],
  groupBy: ReportGroupBy[],
  labels: ReportLabels,
): string {
  const columns = [...keyColumns(groupBy, labels), ...MEASURES[report]];
  return stringify(
    [
      columns.map(([header]) => header),
      ...rows.map((row) => columns.map(([, value]) => value(row))),
    ],
    { record_delimiter: '\r\n', cast: { number: (n) => String(n) } },
  );
}

// The department-pair ranking: the best pairs, then the worst, each with its rank.
export function rankingCsv(
  ranking: { best: ReportRow[]; worst: ReportRow[] },
  labels: ReportLabels,
): string {
  const department = (id: string | null) => (id ? labels.departments.get(id) : undefined);
  const line = (list: string, row: ReportRow, i: number) => [
    list,
    i + 1,
    department(row.customerId)?.code,
    department(row.customerId)?.name,
    department(row.supplierId)?.code,
    department(row.supplierId)?.name,
    row.total,
    row.resolutionCompliance,
    row.averageScore,
  ];
  return stringify(
    [
      [
        'list',
        'rank',
        'customer_code',
        'customer_name',
        'supplier_code',
        'supplier_name',
        'requests',
        'resolution_compliance',
        'average_score',
      ],
      ...ranking.best.map((row, i) => line('best', row, i)),
      ...ranking.worst.map((row, i) => line('worst', row, i)),
    ],
    { record_delimiter: '\r\n', cast: { number: (n) => String(n) } },
  );
}
