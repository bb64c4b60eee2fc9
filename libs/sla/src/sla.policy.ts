import { AuthUser, leads, ORGANIZATION_WIDE, seesWholeOrganization } from '@intradesk/core';

// Who may configure service levels (the authorization rules; SLA policies themselves are in
// policies/).

// @Roles of the business-calendar mutations: operations configure calendars, administrators too.
export const CALENDAR_KEEPERS = ORGANIZATION_WIDE;

// SLA policies: a team lead for their own department as supplier; operations and administrators
// for any supplier, and for the policies that name none.
export function mayManageSlaPoliciesOf(caller: AuthUser, supplierId: string | null): boolean {
  return seesWholeOrganization(caller) || (supplierId !== null && leads(caller, supplierId));
}
