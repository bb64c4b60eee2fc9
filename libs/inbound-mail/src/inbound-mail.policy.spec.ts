import { holdsOneOf, Role } from '@intradesk/core';
import { INCOMING_MAIL_OVERSEERS } from './inbound-mail.policy';

describe('inbound mail policy', () => {
  it.each([
    [Role.MEMBER, false],
    [Role.AGENT, false],
    [Role.LEAD, false],
    [Role.OPS, false],
    [Role.ADMIN, true],
  ])('%s reads the incoming mail counts: %s', (role, reads) => {
    expect(holdsOneOf({ role }, INCOMING_MAIL_OVERSEERS)).toBe(reads);
  });
});
