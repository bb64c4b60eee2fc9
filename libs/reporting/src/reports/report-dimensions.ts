import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';

export enum ReportGroupBy {
  SUPPLIER = 'SUPPLIER',
  CUSTOMER = 'CUSTOMER',
  SERVICE = 'SERVICE',
  PRIORITY = 'PRIORITY',
  RELATIONSHIP_TYPE = 'RELATIONSHIP_TYPE',
  ASSIGNEE = 'ASSIGNEE',
  PERIOD = 'PERIOD',
}

export enum ReportPeriod {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

// Which requests a report covers: created in [from, to), and the listed values (empty: any).
export interface ReportFilterCommand {
  from?: Date | null;
  to?: Date | null;
  supplierIds?: string[] | null;
  customerIds?: string[] | null;
  serviceIds?: string[] | null;
  priorities?: Priority[] | null;
  relationshipTypes?: RelationshipType[] | null;
}

// The grouping of a report: any dimensions, and the period length when grouped by period.
export interface ReportGrouping {
  groupBy: ReportGroupBy[];
  period: ReportPeriod | null;
}

// Whose requests the caller may report on: null for everything (operations, admins).
export type ReportScope = { departmentId: string } | null;
