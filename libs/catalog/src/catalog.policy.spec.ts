import { AuthUser, Role } from '@intradesk/core';
import { mayManageCatalogOf } from './catalog.policy';

const user = (role: Role, departmentId: string | null): AuthUser => ({
  id: `${role}-${departmentId}`,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId,
});

describe('catalog policy', () => {
  // manages IT's catalogue, HR's
  it.each([
    [user(Role.MEMBER, 'IT'), false, false],
    [user(Role.AGENT, 'IT'), false, false],
    [user(Role.LEAD, 'IT'), true, false],
    [user(Role.LEAD, null), false, false],
    [user(Role.OPS, 'CO'), false, false],
    [user(Role.ADMIN, null), true, true],
  ])('%o: IT %s, HR %s', (who, it, hr) => {
    expect(mayManageCatalogOf(who, 'IT')).toBe(it);
    expect(mayManageCatalogOf(who, 'HR')).toBe(hr);
  });
});
