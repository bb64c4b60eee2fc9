import { AuthUser, Role } from '@intradesk/core';
import { mayReportOnAllDepartments, reportScopeOf } from './reporting.policy';

const user = (role: Role, departmentId: string | null): AuthUser => ({
  id: `${role}-${departmentId}`,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId,
});

describe('reporting policy', () => {
  // reports on all departments; the scope of its reports (undefined: none)
  it.each([
    [user(Role.MEMBER, 'IT'), false, undefined],
    [user(Role.AGENT, 'IT'), false, undefined],
    [user(Role.LEAD, 'IT'), false, { departmentId: 'IT' }],
    [user(Role.LEAD, null), false, undefined],
    [user(Role.OPS, 'CO'), true, null],
    [user(Role.OPS, null), true, null],
    [user(Role.ADMIN, null), true, null],
  ])('%o: all departments %s, scope %o', (who, all, scope) => {
    expect(mayReportOnAllDepartments(who)).toBe(all);
    expect(reportScopeOf(who)).toEqual(scope);
  });
});
