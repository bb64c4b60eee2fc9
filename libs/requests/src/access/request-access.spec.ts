import { AuthUser, Role } from '@intradesk/core';
import { canSeeRequest, isCustomerSide, isSupplierSide, seesInternalNotes } from './request-access';

const request = { supplierId: 'IT', customerId: 'MKT' };
const user = (role: `${Role}`, departmentId: string | null): AuthUser => ({
  id: `${role}-${departmentId}`,
  email: 'x@example.org',
  name: 'x',
  role: role as Role,
  departmentId,
});

describe('request access rules', () => {
  it.each([
    [user('MEMBER', 'MKT'), true, false, false, true],
    [user('AGENT', 'MKT'), true, false, false, true],
    [user('MEMBER', 'IT'), true, true, false, false],
    [user('AGENT', 'IT'), true, true, true, false],
    [user('LEAD', 'IT'), true, true, true, false],
    [user('LEAD', 'HR'), false, false, false, false],
    [user('OPS', 'CO'), true, true, false, false],
    [user('ADMIN', null), true, true, true, true],
    [user('MEMBER', null), false, false, false, false],
  ])(
    '%o: sees %s, internal %s, works %s, customer %s',
    (who, sees, internal, works, customerSide) => {
      expect(canSeeRequest(who, request)).toBe(sees);
      expect(seesInternalNotes(who, request)).toBe(internal);
      expect(isSupplierSide(who, request)).toBe(works);
      expect(isCustomerSide(who, request)).toBe(customerSide);
    },
  );
});
