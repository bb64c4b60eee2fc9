import {
  AuthUser,
  belongsTo,
  isTeamLead,
  ORGANIZATION_WIDE,
  seesWholeOrganization,
  staffs,
} from '@intradesk/core';

// Who may rate, see ratings of, and run and read surveys about whom.

interface RatedRequest {
  supplierId: string;
  customerId: string;
  requesterId: string;
}

// @Roles of openSurveyRound and closeSurveyRound: operations run the pulse surveys, admins too.
export const SURVEY_MANAGERS = ORGANIZATION_WIDE;

// The customer's rating: a member of the customer department; within one department (a request
// to one's own), only the requester.
export function mayRateAsCustomer(actor: AuthUser, request: RatedRequest): boolean {
  const ownDepartment = request.customerId === request.supplierId;
  return (
    belongsTo(actor, request.customerId) && (!ownDepartment || actor.id === request.requesterId)
  );
}

// The supplier's rating of a request's quality: agents and leads of the supplier; within one
// department, not the requester.
export function mayRateQuality(actor: AuthUser, request: RatedRequest): boolean {
  const ownDepartment = request.customerId === request.supplierId;
  return staffs(actor, request.supplierId) && (!ownDepartment || actor.id !== request.requesterId);
}

// That quality rating is shown to the supplier department, operations and administrators.
export function maySeeQualityRating(caller: AuthUser, request: { supplierId: string }): boolean {
  return seesWholeOrganization(caller) || belongsTo(caller, request.supplierId);
}

// Survey rounds: operations and administrators see every round; others the rounds that ask
// their department or ask about it.
export function seesAllSurveyRounds(caller: AuthUser): boolean {
  return seesWholeOrganization(caller);
}

// A closed round's results: every supplier's for operations and administrators, a team lead's
// own department's as a supplier, nobody else's.
export type SurveyResultsScope = 'ALL' | 'NONE' | { supplierId: string };

export function surveyResultsScope(caller: AuthUser): SurveyResultsScope {
  if (seesWholeOrganization(caller)) return 'ALL';
  if (isTeamLead(caller) && caller.departmentId) return { supplierId: caller.departmentId };
  return 'NONE';
}
