import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function SlaPoliciesSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.sla-policies.soon" defaultMessage="Coming soon." />
    </p>
  );
}
