import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function WebhooksSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.webhooks.soon" defaultMessage="Coming soon." />
    </p>
  );
}
