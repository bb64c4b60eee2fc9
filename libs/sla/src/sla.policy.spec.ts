import { AuthUser, holdsOneOf, Role } from '@intradesk/core';
import { CALENDAR_KEEPERS, mayManageSlaPoliciesOf } from './sla.policy';

const user = (role: Role, departmentId: string | null): AuthUser => ({
  id: `${role}-${departmentId}`,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId,
});

describe('sla policy', () => {
  // keeps calendars; manages IT's policies, HR's, those naming no supplier
  it.each([
    [user(Role.MEMBER, 'IT'), false, false, false, false],
    [user(Role.AGENT, 'IT'), false, false, false, false],
    [user(Role.LEAD, 'IT'), false, true, false, false],
    [user(Role.LEAD, null), false, false, false, false],
    [user(Role.OPS, 'CO'), true, true, true, true],
    [user(Role.ADMIN, null), true, true, true, true],
  ])('%o: calendars %s, IT %s, HR %s, any supplier %s', (who, calendars, it, hr, any) => {
    expect(holdsOneOf(who, CALENDAR_KEEPERS)).toBe(calendars);
    expect(mayManageSlaPoliciesOf(who, 'IT')).toBe(it);
    expect(mayManageSlaPoliciesOf(who, 'HR')).toBe(hr);
    expect(mayManageSlaPoliciesOf(who, null)).toBe(any);
  });
});
