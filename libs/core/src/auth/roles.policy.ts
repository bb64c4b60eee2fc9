import type { AuthUser } from './auth-user';
import { Role } from './role.enum';

// The building blocks of every context's policy. The questions themselves (who may see, change,
// report on, administer what) are asked in each context's *.policy.ts, built from these.

type Holder = Pick<AuthUser, 'role'>;
type Member = Pick<AuthUser, 'role' | 'departmentId'>;

// Administrators manage departments, members and roles, and may act for anyone (DOMAIN.md).
export const ADMINISTRATORS: readonly Role[] = [Role.ADMIN];
// Operations and administrators: their view is the whole organisation's.
export const ORGANIZATION_WIDE: readonly Role[] = [Role.OPS, Role.ADMIN];
// Agents and leads work a supplier department's queue.
export const QUEUE_STAFF: readonly Role[] = [Role.AGENT, Role.LEAD];

// The check behind @Roles(...): the caller holds one of these roles.
export function holdsOneOf(who: Holder, roles: readonly Role[]): boolean {
  return roles.includes(who.role);
}

export function isAdministrator(who: Holder): boolean {
  return who.role === Role.ADMIN;
}

export function isTeamLead(who: Holder): boolean {
  return who.role === Role.LEAD;
}

export function seesWholeOrganization(who: Holder): boolean {
  return holdsOneOf(who, ORGANIZATION_WIDE);
}

export function belongsTo(who: Member, departmentId: string | null): boolean {
  return who.departmentId !== null && who.departmentId === departmentId;
}

export function leads(who: Member, departmentId: string | null): boolean {
  return isTeamLead(who) && belongsTo(who, departmentId);
}

export function staffs(who: Member, departmentId: string | null): boolean {
  return holdsOneOf(who, QUEUE_STAFF) && belongsTo(who, departmentId);
}
