import { AuthUser, holdsOneOf, Role } from '@intradesk/core';
import {
  mayRateAsCustomer,
  mayRateQuality,
  maySeeQualityRating,
  seesAllSurveyRounds,
  SURVEY_MANAGERS,
  surveyResultsScope,
} from './feedback.policy';

const user = (
  role: Role,
  departmentId: string | null,
  id = `${role}-${departmentId}`,
): AuthUser => ({
  id,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId,
});
const request = { supplierId: 'IT', customerId: 'MKT', requesterId: 'ana' };
const ownDepartment = { supplierId: 'IT', customerId: 'IT', requesterId: 'ana' };

describe('feedback policy', () => {
  // Of an IT request filed by MKT: rates it as customer, rates its quality, sees that rating;
  // manages surveys, sees every round, survey results scope.
  it.each([
    [user(Role.MEMBER, 'MKT'), true, false, false, false, false, 'NONE'],
    [user(Role.AGENT, 'MKT'), true, false, false, false, false, 'NONE'],
    [user(Role.LEAD, 'MKT'), true, false, false, false, false, { supplierId: 'MKT' }],
    [user(Role.MEMBER, 'IT'), false, false, true, false, false, 'NONE'],
    [user(Role.AGENT, 'IT'), false, true, true, false, false, 'NONE'],
    [user(Role.LEAD, 'IT'), false, true, true, false, false, { supplierId: 'IT' }],
    [user(Role.LEAD, 'HR'), false, false, false, false, false, { supplierId: 'HR' }],
    [user(Role.LEAD, null), false, false, false, false, false, 'NONE'],
    [user(Role.OPS, 'CO'), false, false, true, true, true, 'ALL'],
    [user(Role.ADMIN, null), false, false, true, true, true, 'ALL'],
  ])(
    '%o: rates %s, rates quality %s, sees quality %s, manages surveys %s, all rounds %s, results %o',
    (who, rates, ratesQuality, seesQuality, manages, allRounds, results) => {
      expect(mayRateAsCustomer(who, request)).toBe(rates);
      expect(mayRateQuality(who, request)).toBe(ratesQuality);
      expect(maySeeQualityRating(who, request)).toBe(seesQuality);
      expect(holdsOneOf(who, SURVEY_MANAGERS)).toBe(manages);
      expect(seesAllSurveyRounds(who)).toBe(allRounds);
      expect(surveyResultsScope(who)).toEqual(results);
    },
  );

  it('within one department: only the requester rates, only someone else rates the quality', () => {
    const requester = user(Role.AGENT, 'IT', 'ana');
    const colleague = user(Role.AGENT, 'IT', 'tom');
    expect(mayRateAsCustomer(requester, ownDepartment)).toBe(true);
    expect(mayRateAsCustomer(colleague, ownDepartment)).toBe(false);
    expect(mayRateQuality(requester, ownDepartment)).toBe(false);
    expect(mayRateQuality(colleague, ownDepartment)).toBe(true);
  });
});
