import type { IntlShape } from 'react-intl';

export interface NamedPerson {
  name: string;
  active?: boolean | null;
}

// A person's name as the page shows it: a leaver's requests and history stay, marked as such.
export function personName(intl: IntlShape, person: NamedPerson): string {
  if (person.active !== false) return person.name;
  return intl.formatMessage(
    { id: 'person.deactivated', defaultMessage: '{name} (deactivated)' },
    { name: person.name },
  );
}
