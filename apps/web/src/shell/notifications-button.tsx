import { useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, FormattedRelativeTime, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { useRequestEvents } from '../live/live-events';

const NotificationsQuery = graphql(`
  query ShellNotifications {
    notifications(first: 30) {
      id
      kind
      message
      createdAt
      readAt
      requestId
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

// The Notifications button of UI.md: its name ends with the unread count, and it opens the list.
export function NotificationsButton() {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const [result, refetch] = useQuery({ query: NotificationsQuery });
  const [, markRead] = useMutation(MarkReadMutation);
  const wrapper = useRef<HTMLDivElement>(null);
  useRequestEvents(() => refetch({ requestPolicy: 'network-only' }));
  const items = result.data?.notifications ?? [];
  const unread = items.filter((n) => !n.readAt);

  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent | MouseEvent) => {
      if (
        e instanceof KeyboardEvent
          ? e.key === 'Escape'
          : !wrapper.current?.contains(e.target as Node)
      )
        setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('mousedown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('mousedown', close);
    };
  }, [open]);

  const label = intl.formatMessage(
    {
      id: 'notifications.button',
      defaultMessage: 'Notifications, {count, number} unread',
    },
    { count: unread.length },
  );
  return (
    <div className="notifications" ref={wrapper}>
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">🔔</span>
        {unread.length > 0 && (
          <span className="badge" aria-hidden="true">
            {intl.formatNumber(unread.length)}
          </span>
        )}
      </button>
      {open && (
        <section
          id={panelId}
          className="notifications-panel"
          aria-label={intl.formatMessage({
            id: 'notifications.title',
            defaultMessage: 'Notifications',
          })}
        >
          <div className="panel-head">
            <h2>
              <FormattedMessage id="notifications.title" defaultMessage="Notifications" />
            </h2>
            {unread.length > 0 && (
              <button
                type="button"
                className="link"
                onClick={() => void markRead({ ids: unread.map((n) => n.id) })}
              >
                <FormattedMessage id="notifications.markAll" defaultMessage="Mark all read" />
              </button>
            )}
          </div>
          {items.length === 0 ? (
            <p className="muted">
              <FormattedMessage id="notifications.empty" defaultMessage="Nothing new." />
            </p>
          ) : (
            <ul>
              {items.map((n) => (
                <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
                  <span dir="auto">{n.message}</span>{' '}
                  <span className="muted">
                    <FormattedRelativeTime
                      value={Math.round((new Date(n.createdAt).getTime() - Date.now()) / 60000)}
                      unit="minute"
                      numeric="auto"
                      updateIntervalInSeconds={60}
                    />
                  </span>
                  {n.requestId && (
                    <>
                      {' '}
                      <Link to={`/requests/${n.requestId}`} onClick={() => setOpen(false)}>
                        <FormattedMessage id="notifications.open" defaultMessage="Open" />
                      </Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
