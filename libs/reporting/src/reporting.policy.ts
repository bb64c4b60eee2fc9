import { AuthUser, isTeamLead, seesWholeOrganization } from '@intradesk/core';
import type { ReportScope } from './reports/report-dimensions';

// Who may report on what: operations and administrators on every department, a team lead on
// the requests their own department supplies or files (DOMAIN.md), nobody else.

export function mayReportOnAllDepartments(caller: AuthUser): boolean {
  return seesWholeOrganization(caller);
}

// The scope a caller's reports (and CSV export and simulations) are cut to; undefined when the
// caller may not report at all.
export function reportScopeOf(caller: AuthUser): ReportScope | undefined {
  if (mayReportOnAllDepartments(caller)) return null;
  if (isTeamLead(caller) && caller.departmentId) return { departmentId: caller.departmentId };
  return undefined;
}
