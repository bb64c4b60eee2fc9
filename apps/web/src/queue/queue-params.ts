import type {
  Priority,
  RelationshipType,
  RequestFilter,
  RequestOrder,
  RequestOrderField,
  RequestStatus,
} from '../gql/graphql';

// The queue's whole view lives in the URL's search params, so a link, a reload, or back and
// forward all show the same queue:
//   status=NEW,IN_PROGRESS  (absent: the open statuses; present but empty: any status)
//   priority=P1,P2  assignee=mine|unassigned|<user id>  service=<id>  customer=<id>
//   supplier=<id> (operations only)  q=<words>  sort=created|priority|number  dir=asc|desc
//   from=<ISO instant> to=<ISO instant> (created in [from, to))  relationship=VERTICAL|...
//   (the reports' links to the requests behind a figure)
//   after=<cursor> (the page; the cursors of earlier pages ride in the history entry's state)

export const ALL_STATUSES: RequestStatus[] = [
  'NEW',
  'IN_PROGRESS',
  'WAITING_ON_CUSTOMER',
  'RESOLVED',
  'CLOSED',
  'CANCELLED',
];
export const OPEN_STATUSES: RequestStatus[] = ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'];
const PRIORITY_VALUES: Priority[] = ['P1', 'P2', 'P3', 'P4'];

export type SortKey = 'created' | 'priority' | 'number';
export type SortDir = 'asc' | 'desc';

const SORT_FIELDS: Record<SortKey, RequestOrderField> = {
  created: 'CREATED_AT',
  priority: 'PRIORITY',
  number: 'NUMBER',
};

// What a first click on a column sorts by: newest first, most urgent (P1) first, latest first.
export const NATURAL_DIR: Record<SortKey, SortDir> = {
  created: 'desc',
  priority: 'asc',
  number: 'desc',
};

export type AssigneeChoice = '' | 'mine' | 'unassigned' | string;

export interface QueueView {
  statuses: RequestStatus[];
  // True when the URL names no statuses, so the open ones apply.
  defaultStatuses: boolean;
  priorities: Priority[];
  assignee: AssigneeChoice;
  service: string;
  customer: string;
  supplier: string;
  createdFrom: string;
  createdTo: string;
  relationship: RelationshipType | '';
  text: string;
  sort: SortKey;
  dir: SortDir;
  after: string | null;
}

const RELATIONSHIP_VALUES: RelationshipType[] = [
  'VERTICAL',
  'HORIZONTAL',
  'DIAGONAL',
  'SAME_DEPARTMENT',
];
const instant = (raw: string | null) => (raw && !Number.isNaN(Date.parse(raw)) ? raw : '');

function listOf<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(','));
  // In the canonical order, whatever order the link had.
  return allowed.filter((v) => wanted.has(v));
}

export function readView(params: URLSearchParams): QueueView {
  const rawStatus = params.get('status');
  const sort = (['created', 'priority', 'number'] as const).find((s) => s === params.get('sort'));
  const key = sort ?? 'created';
  const dir = params.get('dir');
  return {
    statuses: rawStatus === null ? OPEN_STATUSES : listOf(rawStatus, ALL_STATUSES),
    defaultStatuses: rawStatus === null,
    priorities: listOf(params.get('priority'), PRIORITY_VALUES),
    assignee: params.get('assignee') ?? '',
    service: params.get('service') ?? '',
    customer: params.get('customer') ?? '',
    supplier: params.get('supplier') ?? '',
    createdFrom: instant(params.get('from')),
    createdTo: instant(params.get('to')),
    relationship: RELATIONSHIP_VALUES.find((r) => r === params.get('relationship')) ?? '',
    text: params.get('q') ?? '',
    sort: key,
    dir: dir === 'asc' || dir === 'desc' ? dir : NATURAL_DIR[key],
    after: params.get('after'),
  };
}

export type ViewChange = Partial<Omit<QueueView, 'defaultStatuses'>>;

// The params for a changed view; any change but the page itself goes back to the first page.
export function writeView(current: URLSearchParams, change: ViewChange): URLSearchParams {
  const next = new URLSearchParams(current);
  const set = (name: string, value: string | null | undefined) => {
    if (value === null || value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  };
  if (change.statuses) {
    const same =
      change.statuses.length === OPEN_STATUSES.length &&
      OPEN_STATUSES.every((s) => change.statuses!.includes(s));
    // The default stays out of the URL; "none ticked" (any status) is an empty value.
    if (same) next.delete('status');
    else next.set('status', change.statuses.join(','));
  }
  if (change.priorities) set('priority', change.priorities.join(','));
  if (change.assignee !== undefined) set('assignee', change.assignee);
  if (change.service !== undefined) set('service', change.service);
  if (change.customer !== undefined) set('customer', change.customer);
  if (change.supplier !== undefined) set('supplier', change.supplier);
  if (change.createdFrom !== undefined) set('from', change.createdFrom);
  if (change.createdTo !== undefined) set('to', change.createdTo);
  if (change.relationship !== undefined) set('relationship', change.relationship);
  if (change.text !== undefined) set('q', change.text.trim());
  if (change.sort !== undefined) {
    set('sort', change.sort === 'created' ? null : change.sort);
    const dir = change.dir ?? NATURAL_DIR[change.sort];
    set('dir', dir === NATURAL_DIR[change.sort] ? null : dir);
  }
  if ('after' in change) set('after', change.after);
  else next.delete('after');
  return next;
}

// Filters the reader chose (the sort and the page aside), for "Clear filters".
export function hasFilters(view: QueueView): boolean {
  return (
    !view.defaultStatuses ||
    view.priorities.length > 0 ||
    !!view.assignee ||
    !!view.service ||
    !!view.customer ||
    !!view.supplier ||
    !!view.createdFrom ||
    !!view.createdTo ||
    !!view.relationship ||
    !!view.text
  );
}

export function clearedParams(current: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams();
  for (const name of ['sort', 'dir']) {
    const value = current.get(name);
    if (value) next.set(name, value);
  }
  return next;
}

export interface Caller {
  id: string;
  // The supplier department whose queue this is; null for operations and administrators,
  // who see every request.
  queueDepartmentId: string | null;
}

export function toRequestFilter(view: QueueView, caller: Caller): RequestFilter {
  const supplier = caller.queueDepartmentId ?? (view.supplier || null);
  const filter: RequestFilter = {};
  if (supplier) filter.supplierIds = [supplier];
  if (view.statuses.length) filter.statuses = view.statuses;
  if (view.priorities.length) filter.priorities = view.priorities;
  if (view.assignee === 'unassigned') filter.unassigned = true;
  else if (view.assignee === 'mine') filter.assigneeIds = [caller.id];
  else if (view.assignee) filter.assigneeIds = [view.assignee];
  if (view.service) filter.serviceIds = [view.service];
  if (view.customer) filter.customerIds = [view.customer];
  if (view.createdFrom) filter.createdFrom = view.createdFrom;
  if (view.createdTo) filter.createdTo = view.createdTo;
  if (view.relationship) filter.relationshipTypes = [view.relationship];
  if (view.text.trim()) filter.text = view.text.trim();
  return filter;
}

export function toRequestOrder(view: QueueView): RequestOrder {
  return { field: SORT_FIELDS[view.sort], direction: view.dir === 'asc' ? 'ASC' : 'DESC' };
}
