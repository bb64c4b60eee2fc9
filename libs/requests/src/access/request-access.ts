import { AuthUser, Role } from '@intradesk/core';

export interface RequestParties {
  supplierId: string;
  customerId: string;
}

const SEES_EVERYTHING = new Set<Role>([Role.OPS, Role.ADMIN]);

// Who may see a request: its two departments, operations and administrators.
export function canSeeRequest(user: AuthUser, request: RequestParties): boolean {
  return (
    SEES_EVERYTHING.has(user.role) ||
    (user.departmentId !== null &&
      (user.departmentId === request.supplierId || user.departmentId === request.customerId))
  );
}

// Internal notes: the supplier department, operations and administrators.
export function seesInternalNotes(user: AuthUser, request: RequestParties): boolean {
  return SEES_EVERYTHING.has(user.role) || user.departmentId === request.supplierId;
}

// Works the request: agents and leads of the supplier, and administrators.
export function isSupplierSide(user: AuthUser, request: RequestParties): boolean {
  return (
    user.role === 'ADMIN' ||
    (user.departmentId === request.supplierId && (user.role === 'AGENT' || user.role === 'LEAD'))
  );
}

// Answers, confirms, reopens or cancels: any member of the customer department, and administrators.
export function isCustomerSide(user: AuthUser, request: RequestParties): boolean {
  return user.role === 'ADMIN' || user.departmentId === request.customerId;
}
