import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function ServicesSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.services.soon" defaultMessage="Coming soon." />
    </p>
  );
}
