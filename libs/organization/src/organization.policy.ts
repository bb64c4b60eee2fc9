import {
  ADMINISTRATORS,
  AuthUser,
  holdsOneOf,
  isAdministrator,
  ORGANIZATION_WIDE,
} from '@intradesk/core';

// Who may administer the organisation: departments, people, roles, the org chart.

// @Roles of the departments, people and org-chart operations (GraphQL and upload).
export const ORGANIZATION_ADMINISTRATORS = ADMINISTRATORS;
// The people list: administrators, and operations read-only.
export const PEOPLE_READERS = ORGANIZATION_WIDE;

export function mayAdministerOrganization(caller: Pick<AuthUser, 'role'>): boolean {
  return holdsOneOf(caller, ORGANIZATION_ADMINISTRATORS);
}

// Anyone for themselves, an administrator for anyone.
export function maySignOutEverywhere(caller: AuthUser, userId: string): boolean {
  return userId === caller.id || isAdministrator(caller);
}
