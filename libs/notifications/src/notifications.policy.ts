import {
  ADMINISTRATORS,
  AuthUser,
  leads,
  QUEUE_STAFF,
  seesWholeOrganization,
} from '@intradesk/core';

// @Roles of outgoingMail: the outgoing e-mail of everyone is for administrators.
export const MAIL_OVERSEERS = ADMINISTRATORS;

// Who may manage a department's webhooks (and read their deliveries): its team lead,
// operations and administrators.
export function mayManageWebhooksOf(caller: AuthUser, departmentId: string): boolean {
  return leads(caller, departmentId) || seesWholeOrganization(caller);
}

// Who hears of a new request in a department's queue (besides its lead): its agents and leads,
// as an SQL list for the statement that writes their notifications (enum values, no input).
export const QUEUE_STAFF_SQL = `(${QUEUE_STAFF.map((role) => `'${role}'`).join(', ')})`;
