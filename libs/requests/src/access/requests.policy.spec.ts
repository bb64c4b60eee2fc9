import { AuthUser, Role } from '@intradesk/core';
import {
  canSeeRequest,
  isCustomerSide,
  isSupplierSide,
  mayImportRequests,
  mayWatchClocksOf,
  mayWatchQueueOf,
  requestListScope,
  seesInternalNotes,
} from './requests.policy';

const request = { supplierId: 'IT', customerId: 'MKT' };
const user = (role: Role, departmentId: string | null): AuthUser => ({
  id: `${role}-${departmentId}`,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId,
});

describe('requests policy', () => {
  // Of an IT request filed by MKT: sees it, its internal notes, works it, acts as the customer;
  // watches IT's clocks, watches IT's queue, imports requests.
  it.each([
    [user(Role.MEMBER, 'MKT'), true, false, false, true, false, false, false],
    [user(Role.AGENT, 'MKT'), true, false, false, true, false, false, false],
    [user(Role.LEAD, 'MKT'), true, false, false, true, false, false, false],
    [user(Role.MEMBER, 'IT'), true, true, false, false, true, false, false],
    [user(Role.AGENT, 'IT'), true, true, true, false, true, false, false],
    [user(Role.LEAD, 'IT'), true, true, true, false, true, true, false],
    [user(Role.LEAD, 'HR'), false, false, false, false, false, false, false],
    [user(Role.OPS, 'CO'), true, true, false, false, true, true, true],
    [user(Role.OPS, null), true, true, false, false, true, true, true],
    [user(Role.ADMIN, null), true, true, true, true, true, true, true],
    [user(Role.MEMBER, null), false, false, false, false, false, false, false],
    [user(Role.LEAD, null), false, false, false, false, false, false, false],
  ])(
    '%o: sees %s, internal %s, works %s, customer %s, clocks %s, queue %s, imports %s',
    (who, sees, internal, works, customerSide, clocks, queue, imports) => {
      expect(canSeeRequest(who, request)).toBe(sees);
      expect(seesInternalNotes(who, request)).toBe(internal);
      expect(isSupplierSide(who, request)).toBe(works);
      expect(isCustomerSide(who, request)).toBe(customerSide);
      expect(mayWatchClocksOf(who, 'IT')).toBe(clocks);
      expect(mayWatchQueueOf(who, 'IT')).toBe(queue);
      expect(mayImportRequests(who)).toBe(imports);
    },
  );

  it.each([
    [user(Role.MEMBER, 'MKT'), { departmentId: 'MKT' }],
    [user(Role.AGENT, 'IT'), { departmentId: 'IT' }],
    [user(Role.LEAD, 'IT'), { departmentId: 'IT' }],
    [user(Role.OPS, 'CO'), 'ALL'],
    [user(Role.ADMIN, null), 'ALL'],
    [user(Role.MEMBER, null), 'NONE'],
    [user(Role.LEAD, null), 'NONE'],
  ])('%o lists %o', (who, scope) => {
    expect(requestListScope(who)).toEqual(scope);
  });
});
