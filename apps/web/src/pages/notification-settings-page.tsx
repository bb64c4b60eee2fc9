import { FormattedMessage, useIntl } from 'react-intl';
import { NotificationPreferencesForm } from '../notifications/notification-preferences-form';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/notifications.css';

// /settings/notifications: which kinds of notification the signed-in person sees in the app.
export default function NotificationSettingsPage() {
  const intl = useIntl();
  useDocumentTitle(
    intl.formatMessage({
      id: 'notifications.settings.pageTitle',
      defaultMessage: 'Notification settings',
    }),
  );
  return (
    <div className="notification-settings-page">
      <div className="page-head">
        <h1>
          <FormattedMessage
            id="notifications.settings.heading"
            defaultMessage="Notification settings"
          />
        </h1>
      </div>
      <NotificationPreferencesForm />
    </div>
  );
}
