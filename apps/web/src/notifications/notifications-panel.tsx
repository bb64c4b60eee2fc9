import { forwardRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { NotificationItemFragment } from '../gql/graphql';
import { RelativeTime } from '../my-requests/relative-time';
import { statusLabel, type RequestStatus } from '../ui/labels';
import { notificationText } from './notification-text';

// The list the Notifications button opens: a labelled region (non-modal; Escape closes it),
// newest first, unread ones marked in words, each opening its request.
export const NotificationsPanel = forwardRef<
  HTMLHeadingElement,
  {
    id: string;
    items: NotificationItemFragment[];
    unread: number;
    loading: boolean;
    onOpenItem: (n: NotificationItemFragment) => void;
    onMarkAll: () => void;
    onClose: () => void;
  }
>(function NotificationsPanel({ id, items, unread, loading, onOpenItem, onMarkAll, onClose }, ref) {
  const intl = useIntl();
  const headingId = `${id}-heading`;
  const statusWord = (s: string) => statusLabel(intl, s as RequestStatus);
  return (
    <section id={id} className="notifications-panel" aria-labelledby={headingId}>
      <div className="panel-head">
        <h2 id={headingId} ref={ref} tabIndex={-1}>
          <FormattedMessage id="notifications.title" defaultMessage="Notifications" />
        </h2>
        {unread > 0 && (
          <button type="button" className="link" onClick={onMarkAll}>
            <FormattedMessage id="notifications.markAll" defaultMessage="Mark all read" />
          </button>
        )}
      </div>
      {items.length === 0 ? (
        <p className="muted">
          {loading ? (
            <FormattedMessage id="notifications.loading" defaultMessage="Loading…" />
          ) : (
            <FormattedMessage id="notifications.empty" defaultMessage="Nothing new." />
          )}
        </p>
      ) : (
        <ul
          className="notification-list"
          aria-label={intl.formatMessage({
            id: 'notifications.list',
            defaultMessage: 'Latest notifications',
          })}
        >
          {items.map((n) => {
            const unreadItem = !n.readAt;
            const body = (
              <>
                {unreadItem && (
                  <span className="unread-dot">
                    <span className="visually-hidden">
                      {intl.formatMessage({
                        id: 'notifications.unreadMarker',
                        defaultMessage: 'Unread:',
                      })}{' '}
                    </span>
                  </span>
                )}
                <span className="notification-text">{notificationText(intl, n, statusWord)}</span>
                <span className="muted when">
                  <RelativeTime iso={n.createdAt} />
                </span>
              </>
            );
            return (
              <li key={n.id} className={unreadItem ? 'unread' : 'read'}>
                {n.request ? (
                  <Link
                    to={`/requests/${encodeURIComponent(n.request.number)}`}
                    onClick={() => onOpenItem(n)}
                  >
                    {body}
                  </Link>
                ) : (
                  <div className="notification-static">{body}</div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <div className="panel-foot">
        <Link to="/settings/notifications" onClick={onClose}>
          <FormattedMessage
            id="notifications.settingsLink"
            defaultMessage="Notification settings"
          />
        </Link>
      </div>
    </section>
  );
});
