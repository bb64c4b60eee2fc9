import { AuthUser, holdsOneOf, Role } from '@intradesk/core';
import { MAIL_OVERSEERS, mayManageWebhooksOf, QUEUE_STAFF_SQL } from './notifications.policy';

const user = (role: Role, departmentId: string | null): AuthUser => ({
  id: `${role}-${departmentId}`,
  email: 'x@example.org',
  name: 'x',
  role,
  departmentId,
});

describe('notifications policy', () => {
  // manages IT's webhooks, HR's; reads everyone's outgoing mail
  it.each([
    [user(Role.MEMBER, 'IT'), false, false, false],
    [user(Role.AGENT, 'IT'), false, false, false],
    [user(Role.LEAD, 'IT'), true, false, false],
    [user(Role.LEAD, null), false, false, false],
    [user(Role.OPS, 'CO'), true, true, false],
    [user(Role.ADMIN, null), true, true, true],
  ])('%o: IT %s, HR %s, mail %s', (who, it, hr, mail) => {
    expect(mayManageWebhooksOf(who, 'IT')).toBe(it);
    expect(mayManageWebhooksOf(who, 'HR')).toBe(hr);
    expect(holdsOneOf(who, MAIL_OVERSEERS)).toBe(mail);
  });

  it('notifies the agents and leads of a queue', () => {
    expect(QUEUE_STAFF_SQL).toBe("('AGENT', 'LEAD')");
  });
});
