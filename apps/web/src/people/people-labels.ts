import type { IntlShape } from 'react-intl';
import type { Refusal } from '../api/errors';
import type { Role } from '../auth/session';

export const ROLES: Role[] = ['MEMBER', 'AGENT', 'LEAD', 'OPS', 'ADMIN'];

export function roleLabel(intl: IntlShape, role: Role): string {
  switch (role) {
    case 'MEMBER':
      return intl.formatMessage({ id: 'people.role.member', defaultMessage: 'Member' });
    case 'AGENT':
      return intl.formatMessage({ id: 'people.role.agent', defaultMessage: 'Agent' });
    case 'LEAD':
      return intl.formatMessage({ id: 'people.role.lead', defaultMessage: 'Team lead' });
    case 'OPS':
      return intl.formatMessage({ id: 'people.role.ops', defaultMessage: 'Operations' });
    case 'ADMIN':
      return intl.formatMessage({ id: 'people.role.admin', defaultMessage: 'Administrator' });
  }
}

export type PersonState = 'ACTIVE' | 'DEACTIVATED' | 'INVITED';

export function personState(person: { active: boolean; invited: boolean }): PersonState {
  if (!person.active) return 'DEACTIVATED';
  return person.invited ? 'INVITED' : 'ACTIVE';
}

export function stateLabel(intl: IntlShape, state: PersonState): string {
  switch (state) {
    case 'ACTIVE':
      return intl.formatMessage({ id: 'people.state.active', defaultMessage: 'Active' });
    case 'DEACTIVATED':
      return intl.formatMessage({ id: 'people.state.deactivated', defaultMessage: 'Deactivated' });
    case 'INVITED':
      return intl.formatMessage({ id: 'people.state.invited', defaultMessage: 'Invited' });
  }
}

// A refused action in words, by its reason (the server's English message is the last resort).
export function refusalText(intl: IntlShape, refusal: Refusal): string {
  switch (refusal.reason) {
    case 'LAST_ADMIN':
      return intl.formatMessage({
        id: 'people.refused.lastAdmin',
        defaultMessage:
          'This is the last active administrator. Make someone else an administrator first.',
      });
    case 'USER_DEACTIVATED':
      return intl.formatMessage({
        id: 'people.refused.deactivated',
        defaultMessage: 'This person is deactivated. Reactivate them first.',
      });
    case 'UNKNOWN_DEPARTMENT':
      return intl.formatMessage({
        id: 'people.refused.unknownDepartment',
        defaultMessage: 'That department no longer exists.',
      });
    case 'DEPARTMENT_ARCHIVED':
      return intl.formatMessage({
        id: 'people.refused.archivedDepartment',
        defaultMessage: 'That department is archived.',
      });
  }
  switch (refusal.code) {
    case 'FORBIDDEN':
      return intl.formatMessage({
        id: 'people.refused.forbidden',
        defaultMessage: 'Only administrators may change people.',
      });
    case 'NOT_FOUND':
      return intl.formatMessage({
        id: 'people.refused.notFound',
        defaultMessage: 'This person no longer exists.',
      });
    case 'NETWORK':
      return intl.formatMessage({
        id: 'people.refused.network',
        defaultMessage: 'Intradesk cannot be reached. Check your connection.',
      });
  }
  return refusal.message;
}
