import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { ReportingException } from '../reporting.exception';
import {
  ReportFilterCommand,
  ReportGroupBy,
  ReportGrouping,
  ReportPeriod,
} from '../reports/report-dimensions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

type Query = Record<string, unknown>;

// The CSV downloads take the GraphQL arguments as query parameters: from, to (ISO instants),
// supplierIds, customerIds, serviceIds, priorities, relationshipTypes, groupBy (comma-separated)
// and period.
export function parseReportQuery(query: Query): {
  filter: ReportFilterCommand;
  grouping: ReportGrouping;
} {
  const known = new Set([
    'from',
    'to',
    'supplierIds',
    'customerIds',
    'serviceIds',
    'priorities',
    'relationshipTypes',
    'groupBy',
    'period',
  ]);
  const unknown = Object.keys(query).filter((k) => !known.has(k));
  if (unknown.length) {
    throw ReportingException.badInput(`Unknown parameter ${unknown.join(', ')}`, unknown);
  }
  return {
    filter: {
      from: instant(query, 'from'),
      to: instant(query, 'to'),
      supplierIds: list(query, 'supplierIds', (v) => UUID.test(v)),
      customerIds: list(query, 'customerIds', (v) => UUID.test(v)),
      serviceIds: list(query, 'serviceIds', (v) => UUID.test(v)),
      priorities: list(query, 'priorities', (v) => v in Priority) as Priority[] | null,
      relationshipTypes: list(query, 'relationshipTypes', (v) => v in RelationshipType) as
        RelationshipType[] | null,
    },
    grouping: {
      groupBy: (list(query, 'groupBy', (v) => v in ReportGroupBy) ?? []) as ReportGroupBy[],
      period: single(query, 'period', (v) => v in ReportPeriod) as ReportPeriod | null,
    },
  };
}

function single(query: Query, name: string, valid: (v: string) => boolean): string | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string' || !valid(value)) {
    throw ReportingException.badInput(`${name} is not valid`, [name]);
  }
  return value;
}

function instant(query: Query, name: string): Date | null {
  const value = single(query, name, (v) => ISO_INSTANT.test(v) && !isNaN(Date.parse(v)));
  return value ? new Date(value) : null;
}

function list(query: Query, name: string, valid: (v: string) => boolean): string[] | null {
  const value = query[name];
  if (value === undefined || value === '') return null;
  if (typeof value !== 'string') {
    throw ReportingException.badInput(`${name} must be one comma-separated list`, [name]);
  }
  const values = value.split(',').map((v) => v.trim());
  const bad = values.filter((v) => !valid(v));
  if (bad.length) {
    throw ReportingException.badInput(`${name}: not valid: ${bad.slice(0, 5).join(', ')}`, [name]);
  }
  if (values.length > 500) {
    throw ReportingException.badInput(`${name} takes at most 500 values`, [name]);
  }
  return values;
}
