import { FormattedMessage } from 'react-intl';

// Placeholder: filled in by the work on issue 13.
export function CalendarsSection() {
  return (
    <p className="muted">
      <FormattedMessage id="settings.calendars.soon" defaultMessage="Coming soon." />
    </p>
  );
}
