import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function ImportSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.import.soon" defaultMessage="Coming soon." />
    </p>
  );
}
