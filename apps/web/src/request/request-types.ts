import type { SessionUser } from '../auth/session';
import type { RequestPageQuery, RequestPageSlaQuery } from '../gql/graphql';

export type RequestView = RequestPageQuery['request'];
export type CommentView = RequestView['comments'][number];
export type HistoryView = RequestView['history'][number];
export type SlaView = NonNullable<RequestPageSlaQuery['request']['sla']>;

// Who the reader is for this request, by the API's own rules (request-access.ts), so the page
// offers only what the server would accept. The server still decides.
export interface Sides {
  // Works the request: agents and leads of the supplier, and administrators.
  supplier: boolean;
  // Answers, confirms, reopens or cancels: the customer department, and administrators.
  customer: boolean;
  // Sees and writes internal notes: the supplier department, operations, administrators.
  notes: boolean;
  // Rates it (rateRequest): a customer member; in a request to one's own department, the requester.
  rates: boolean;
  // Rates the request's quality (rateRequestQuality): the supplier's agents and leads, but not
  // the requester of a request to their own department.
  ratesQuality: boolean;
  // A member of the supplier department, so may be its assignee.
  supplierMember: boolean;
}

export function sidesOf(user: SessionUser, request: RequestView): Sides {
  const dept = user.department?.id ?? null;
  const ownDepartment = request.customer.id === request.supplier.id;
  const worker = user.role === 'AGENT' || user.role === 'LEAD';
  return {
    supplier: user.role === 'ADMIN' || (dept === request.supplier.id && worker),
    customer: user.role === 'ADMIN' || dept === request.customer.id,
    notes: user.role === 'ADMIN' || user.role === 'OPS' || dept === request.supplier.id,
    rates: dept === request.customer.id && (!ownDepartment || user.id === request.requester.id),
    ratesQuality:
      dept === request.supplier.id &&
      worker &&
      (!ownDepartment || user.id !== request.requester.id),
    supplierMember: dept === request.supplier.id,
  };
}

// The reader's side for SLA wording ("paused: waiting on you").
export function readerSide(sides: Sides): 'customer' | 'supplier' | 'neither' {
  if (sides.supplier) return 'supplier';
  if (sides.customer) return 'customer';
  return 'neither';
}

export const RATING_WINDOW_DAYS = 14;

// The rating window of the API (RATING_WINDOW_DAYS, default 14): the form is offered inside it,
// and a refusal (RATING_WINDOW_PASSED) is still said if the server's window is shorter.
export function ratingOpen(request: RequestView, now: Date): boolean {
  if (request.status !== 'RESOLVED' && request.status !== 'CLOSED') return false;
  if (!request.resolvedAt) return false;
  return now.getTime() <= new Date(request.resolvedAt).getTime() + RATING_WINDOW_DAYS * 86_400_000;
}
