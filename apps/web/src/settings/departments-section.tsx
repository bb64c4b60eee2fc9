import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function DepartmentsSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.departments.soon" defaultMessage="Coming soon." />
    </p>
  );
}
