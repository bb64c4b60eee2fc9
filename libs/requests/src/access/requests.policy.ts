import {
  AuthUser,
  belongsTo,
  isAdministrator,
  leads,
  ORGANIZATION_WIDE,
  holdsOneOf,
  seesWholeOrganization,
  staffs,
} from '@intradesk/core';

// Who may see, work and watch requests. Every rule about a caller and a request is asked here.

export interface RequestParties {
  supplierId: string;
  customerId: string;
}

// @Roles of importRequests (and POST /imports/requests).
export const REQUEST_IMPORTERS = ORGANIZATION_WIDE;

export function mayImportRequests(caller: Pick<AuthUser, 'role'>): boolean {
  return holdsOneOf(caller, REQUEST_IMPORTERS);
}

// Who may see a request: its two departments, operations and administrators.
export function canSeeRequest(user: AuthUser, request: RequestParties): boolean {
  return (
    seesWholeOrganization(user) ||
    belongsTo(user, request.supplierId) ||
    belongsTo(user, request.customerId)
  );
}

// What a list of requests is narrowed to: everything, the two sides of the caller's department,
// or nothing (no department and no organisation-wide role).
export type RequestListScope = 'ALL' | 'NONE' | { departmentId: string };

export function requestListScope(user: AuthUser): RequestListScope {
  if (seesWholeOrganization(user)) return 'ALL';
  return user.departmentId ? { departmentId: user.departmentId } : 'NONE';
}

// Internal notes: the supplier department, operations and administrators.
export function seesInternalNotes(user: AuthUser, request: RequestParties): boolean {
  return seesWholeOrganization(user) || belongsTo(user, request.supplierId);
}

// Works the request: agents and leads of the supplier, and administrators.
export function isSupplierSide(user: AuthUser, request: RequestParties): boolean {
  return isAdministrator(user) || staffs(user, request.supplierId);
}

// Answers, confirms, reopens or cancels: any member of the customer department, and administrators.
export function isCustomerSide(user: AuthUser, request: RequestParties): boolean {
  return isAdministrator(user) || belongsTo(user, request.customerId);
}

// A supplier's SLA clocks (atRiskRequests): its own members, operations and administrators.
export function mayWatchClocksOf(user: AuthUser, supplierId: string): boolean {
  return seesWholeOrganization(user) || belongsTo(user, supplierId);
}

// A department's queue health and the escalations its leads received: its lead, operations and
// administrators.
export function mayWatchQueueOf(user: AuthUser, departmentId: string): boolean {
  return seesWholeOrganization(user) || leads(user, departmentId);
}
