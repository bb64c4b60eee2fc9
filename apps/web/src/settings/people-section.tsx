import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function PeopleSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.people.soon" defaultMessage="Coming soon." />
    </p>
  );
}
