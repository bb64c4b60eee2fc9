import { AuthUser, holdsOneOf, Role } from '@intradesk/core';
import {
  mayAdministerOrganization,
  maySignOutEverywhere,
  PEOPLE_READERS,
} from './organization.policy';

const user = (role: Role, id = `${role}-user`): AuthUser => ({
  id,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId: 'IT',
});

describe('organization policy', () => {
  // administers the organisation, reads the people list, signs out someone else, signs out self
  it.each([
    [Role.MEMBER, false, false, false],
    [Role.AGENT, false, false, false],
    [Role.LEAD, false, false, false],
    [Role.OPS, false, true, false],
    [Role.ADMIN, true, true, true],
  ])('%s: administers %s, reads people %s, signs out others %s', (role, admin, reads, others) => {
    const who = user(role);
    expect(mayAdministerOrganization(who)).toBe(admin);
    expect(holdsOneOf(who, PEOPLE_READERS)).toBe(reads);
    expect(maySignOutEverywhere(who, 'someone-else')).toBe(others);
    expect(maySignOutEverywhere(who, who.id)).toBe(true);
  });
});
