import type { IntlShape } from 'react-intl';
import type { Priority, RelationshipType, ReportPeriod } from '../gql/graphql';
import { formatMinutes } from '../sla/business-duration';
import { priorityLabel, relationshipLabel } from '../ui/labels';
import type { Group } from './report-params';

// Numbers of the reports in the reader's locale; a missing figure (no clocks, no ratings) is
// a dash, never 0 %.
export const DASH = '—';

export function percent(intl: IntlShape, ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return DASH;
  return intl.formatNumber(ratio, { style: 'percent', maximumFractionDigits: 1 });
}

export function count(intl: IntlShape, n: number): string {
  return intl.formatNumber(n);
}

export function score(intl: IntlShape, value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  return intl.formatNumber(value, { maximumFractionDigits: 2, minimumFractionDigits: 1 });
}

export function minutes(intl: IntlShape, value: number | null | undefined): string {
  if (value === null || value === undefined) return DASH;
  return formatMinutes(value, intl.locale);
}

// Chart values: percentages rounded as the table shows them (one decimal).
export const pct = (ratio: number | null | undefined) =>
  ratio === null || ratio === undefined ? null : Math.round(ratio * 1000) / 10;

// A period's first local date (YYYY-MM-DD) in words.
export function periodLabel(intl: IntlShape, period: string, length: ReportPeriod): string {
  const date = `${period}T00:00:00Z`;
  if (length === 'MONTH')
    return intl.formatDate(date, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const day = intl.formatDate(date, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  if (length === 'DAY') return day;
  return intl.formatMessage(
    { id: 'reports.period.weekOf', defaultMessage: 'Week of {day}' },
    { day },
  );
}

export interface RowKeys {
  supplier?: { id: string; code: string; name: string } | null;
  customer?: { id: string; code: string; name: string } | null;
  service?: { id: string; name: string } | null;
  priority?: Priority | null;
  relationshipType?: RelationshipType | null;
  period?: string | null;
}

// Which group a row is, as text: the same for a report's rows however many fields were asked.
export function rowKey(row: {
  supplier?: { id: string } | null;
  customer?: { id: string } | null;
  service?: { id: string } | null;
  priority?: string | null;
  relationshipType?: string | null;
  period?: string | null;
}): string {
  return [
    row.supplier?.id,
    row.customer?.id,
    row.service?.id,
    row.priority,
    row.relationshipType,
    row.period,
  ].join('|');
}

// A row's group in words: `short` for a chart's axis, `long` for the table.
export function groupLabel(
  intl: IntlShape,
  group: Group,
  row: RowKeys,
  period: ReportPeriod,
): { short: string; long: string } {
  const none = intl.formatMessage({ id: 'reports.group.none', defaultMessage: 'None' });
  switch (group) {
    case 'SUPPLIER':
    case 'CUSTOMER': {
      const d = group === 'SUPPLIER' ? row.supplier : row.customer;
      return d ? { short: d.code, long: `${d.name} (${d.code})` } : { short: none, long: none };
    }
    case 'SERVICE': {
      const name =
        row.service?.name ??
        intl.formatMessage({ id: 'reports.group.noService', defaultMessage: 'No service' });
      return { short: name, long: name };
    }
    case 'PRIORITY':
      return row.priority
        ? { short: row.priority, long: priorityLabel(intl, row.priority) }
        : { short: none, long: none };
    case 'RELATIONSHIP_TYPE': {
      const label = row.relationshipType ? relationshipLabel(intl, row.relationshipType) : none;
      return { short: label, long: label };
    }
    case 'PERIOD': {
      const label = row.period ? periodLabel(intl, row.period, period) : none;
      return { short: label, long: label };
    }
  }
}

// The dimension's name, for column headings and chart names.
export function groupName(intl: IntlShape, group: Group): string {
  switch (group) {
    case 'SUPPLIER':
      return intl.formatMessage({ id: 'reports.group.SUPPLIER', defaultMessage: 'Supplier' });
    case 'CUSTOMER':
      return intl.formatMessage({ id: 'reports.group.CUSTOMER', defaultMessage: 'Customer' });
    case 'SERVICE':
      return intl.formatMessage({ id: 'reports.group.SERVICE', defaultMessage: 'Service' });
    case 'PRIORITY':
      return intl.formatMessage({ id: 'reports.group.PRIORITY', defaultMessage: 'Priority' });
    case 'RELATIONSHIP_TYPE':
      return intl.formatMessage({
        id: 'reports.group.RELATIONSHIP_TYPE',
        defaultMessage: 'Relationship type',
      });
    case 'PERIOD':
      return intl.formatMessage({ id: 'reports.group.PERIOD', defaultMessage: 'Period' });
  }
}

export function periodName(intl: IntlShape, period: ReportPeriod): string {
  switch (period) {
    case 'DAY':
      return intl.formatMessage({ id: 'reports.period.DAY', defaultMessage: 'Day' });
    case 'WEEK':
      return intl.formatMessage({ id: 'reports.period.WEEK', defaultMessage: 'Week' });
    case 'MONTH':
      return intl.formatMessage({ id: 'reports.period.MONTH', defaultMessage: 'Month' });
  }
}

// "by supplier", "by month": the end of a chart's name.
export function byGroup(intl: IntlShape, group: Group, period: ReportPeriod): string {
  return intl.formatMessage(
    {
      id: 'reports.by',
      defaultMessage:
        '{group, select, SUPPLIER {supplier} CUSTOMER {customer} SERVICE {service} PRIORITY {priority} RELATIONSHIP_TYPE {relationship type} DAY {day} WEEK {week} other {month}}',
    },
    { group: group === 'PERIOD' ? period : group },
  );
}
