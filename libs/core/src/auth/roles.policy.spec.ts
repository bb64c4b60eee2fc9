import { Role } from './role.enum';
import {
  belongsTo,
  holdsOneOf,
  isAdministrator,
  isTeamLead,
  leads,
  seesWholeOrganization,
  staffs,
} from './roles.policy';

const who = (role: Role, departmentId: string | null = 'IT') => ({ role, departmentId });

describe('role building blocks', () => {
  // role: administrator, team lead, whole organisation, queue staff of IT
  it.each([
    [Role.MEMBER, false, false, false, false],
    [Role.AGENT, false, false, false, true],
    [Role.LEAD, false, true, false, true],
    [Role.OPS, false, false, true, false],
    [Role.ADMIN, true, false, true, false],
  ])(
    '%s: admin %s, lead %s, organisation-wide %s, staffs IT %s',
    (role, admin, lead, wide, staff) => {
      expect(isAdministrator(who(role))).toBe(admin);
      expect(isTeamLead(who(role))).toBe(lead);
      expect(seesWholeOrganization(who(role))).toBe(wide);
      expect(staffs(who(role), 'IT')).toBe(staff);
      expect(staffs(who(role), 'HR')).toBe(false);
      expect(leads(who(role), 'IT')).toBe(lead);
      expect(leads(who(role), 'HR')).toBe(false);
    },
  );

  it('belongs to a department only with one, and never to "none"', () => {
    expect(belongsTo(who(Role.MEMBER), 'IT')).toBe(true);
    expect(belongsTo(who(Role.MEMBER), 'HR')).toBe(false);
    expect(belongsTo(who(Role.MEMBER, null), null)).toBe(false);
    expect(leads(who(Role.LEAD, null), null)).toBe(false);
  });

  it('holds one of a set', () => {
    expect(holdsOneOf(who(Role.OPS), [Role.OPS, Role.ADMIN])).toBe(true);
    expect(holdsOneOf(who(Role.LEAD), [Role.OPS, Role.ADMIN])).toBe(false);
    expect(holdsOneOf(who(Role.ADMIN), [])).toBe(false);
  });
});
