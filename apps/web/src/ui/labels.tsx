import { defineMessages, IntlShape } from 'react-intl';

// The shared words for the API's enums, so every screen says a status, a priority or a
// relationship type the same way in every language. Add to it; don't fork it per screen.

// The schema's enums (the generated types hold only those some operation uses).
export type RequestStatus =
  'NEW' | 'IN_PROGRESS' | 'WAITING_ON_CUSTOMER' | 'RESOLVED' | 'CLOSED' | 'CANCELLED';
export type Priority = 'P1' | 'P2' | 'P3' | 'P4';
export type RelationshipType = 'VERTICAL' | 'HORIZONTAL' | 'DIAGONAL' | 'SAME_DEPARTMENT';
export type HistoryKind =
  'CREATED' | 'STATUS_CHANGED' | 'ASSIGNED' | 'PRIORITY_CHANGED' | 'COMMENTED';

const STATUS = defineMessages<RequestStatus>({
  NEW: { id: 'status.NEW', defaultMessage: 'New' },
  IN_PROGRESS: { id: 'status.IN_PROGRESS', defaultMessage: 'In progress' },
  WAITING_ON_CUSTOMER: { id: 'status.WAITING_ON_CUSTOMER', defaultMessage: 'Waiting on customer' },
  RESOLVED: { id: 'status.RESOLVED', defaultMessage: 'Resolved' },
  CLOSED: { id: 'status.CLOSED', defaultMessage: 'Closed' },
  CANCELLED: { id: 'status.CANCELLED', defaultMessage: 'Cancelled' },
});

export function statusLabel(intl: IntlShape, status: RequestStatus): string {
  return intl.formatMessage(STATUS[status]);
}

// Options' text starts with the code (P1..P4): people and tests both look for it.
const PRIORITY = defineMessages<Priority>({
  P1: { id: 'priority.P1', defaultMessage: 'P1 · Critical' },
  P2: { id: 'priority.P2', defaultMessage: 'P2 · High' },
  P3: { id: 'priority.P3', defaultMessage: 'P3 · Medium' },
  P4: { id: 'priority.P4', defaultMessage: 'P4 · Low' },
});

export const PRIORITIES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

export function priorityLabel(intl: IntlShape, priority: Priority): string {
  return intl.formatMessage(PRIORITY[priority]);
}

const RELATIONSHIP = defineMessages<RelationshipType>({
  VERTICAL: { id: 'relationship.VERTICAL', defaultMessage: 'Vertical' },
  HORIZONTAL: { id: 'relationship.HORIZONTAL', defaultMessage: 'Horizontal' },
  DIAGONAL: { id: 'relationship.DIAGONAL', defaultMessage: 'Diagonal' },
  SAME_DEPARTMENT: { id: 'relationship.SAME_DEPARTMENT', defaultMessage: 'Same department' },
});

export function relationshipLabel(intl: IntlShape, type: RelationshipType): string {
  return intl.formatMessage(RELATIONSHIP[type]);
}

// One line on what the type means for the two departments (DOMAIN.md's relationship rule).
const RELATIONSHIP_EXPLANATION = defineMessages<RelationshipType>({
  VERTICAL: {
    id: 'relationship.VERTICAL.explanation',
    defaultMessage:
      '{customer} and {supplier} are in one line of the org chart: one sits above the other.',
  },
  HORIZONTAL: {
    id: 'relationship.HORIZONTAL.explanation',
    defaultMessage:
      '{customer} and {supplier} sit at the same level of the org chart, with no line between them.',
  },
  DIAGONAL: {
    id: 'relationship.DIAGONAL.explanation',
    defaultMessage:
      '{customer} and {supplier} are in different areas at different levels, with no line between them.',
  },
  SAME_DEPARTMENT: {
    id: 'relationship.SAME_DEPARTMENT.explanation',
    defaultMessage: '{customer} asks itself: the request stays inside the department.',
  },
});

export function relationshipExplanation(
  intl: IntlShape,
  type: RelationshipType,
  names: { customer: string; supplier: string },
): string {
  return intl.formatMessage(RELATIONSHIP_EXPLANATION[type], names);
}

// What kind of change a history entry is, as a short noun phrase (for filters and headings);
// the request page says each entry as a whole sentence with names (request/history-words.ts).
const HISTORY_KIND = defineMessages<HistoryKind>({
  CREATED: { id: 'historyKind.CREATED', defaultMessage: 'Filed' },
  STATUS_CHANGED: { id: 'historyKind.STATUS_CHANGED', defaultMessage: 'Status changed' },
  ASSIGNED: { id: 'historyKind.ASSIGNED', defaultMessage: 'Assignee changed' },
  PRIORITY_CHANGED: { id: 'historyKind.PRIORITY_CHANGED', defaultMessage: 'Priority changed' },
  COMMENTED: { id: 'historyKind.COMMENTED', defaultMessage: 'Comment' },
});

export function historyKindLabel(intl: IntlShape, kind: HistoryKind): string {
  return intl.formatMessage(HISTORY_KIND[kind]);
}
