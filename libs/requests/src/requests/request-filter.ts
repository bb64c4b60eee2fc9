import { Priority } from '@intradesk/catalog';
import { RelationshipType } from '@intradesk/organization';
import { RequestStatus } from './request-status.enum';

export interface RequestFilterCriteria {
  supplierIds?: string[] | null;
  customerIds?: string[] | null;
  statuses?: RequestStatus[] | null;
  priorities?: Priority[] | null;
  assigneeIds?: string[] | null;
  unassigned?: boolean | null;
  serviceIds?: string[] | null;
  requesterIds?: string[] | null;
  relationshipTypes?: RelationshipType[] | null;
  createdFrom?: Date | null;
  createdTo?: Date | null;
  text?: string | null;
}

export enum RequestOrderField {
  CREATED_AT = 'CREATED_AT',
  PRIORITY = 'PRIORITY',
  NUMBER = 'NUMBER',
}

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export interface RequestOrdering {
  field: RequestOrderField;
  direction: SortDirection;
}

// The columns each ordering sorts by; the last one (id) makes every key unique for cursors.
export const ORDER_COLUMNS: Record<RequestOrderField, { column: string; key: string }[]> = {
  [RequestOrderField.CREATED_AT]: [
    { column: 'r.created_at', key: 'createdAt' },
    { column: 'r.id', key: 'id' },
  ],
  [RequestOrderField.PRIORITY]: [
    { column: 'r.priority', key: 'priority' },
    { column: 'r.created_at', key: 'createdAt' },
    { column: 'r.id', key: 'id' },
  ],
  [RequestOrderField.NUMBER]: [
    { column: 'r.seq', key: 'seq' },
    { column: 'r.id', key: 'id' },
  ],
};
