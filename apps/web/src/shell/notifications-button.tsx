import { useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { NotificationsPanel } from '../notifications/notifications-panel';
import { notificationPlainText } from '../notifications/notification-text';
import { useNotifications } from '../notifications/use-notifications';
import { statusLabel, type RequestStatus } from '../ui/labels';
import '../styles/notifications.css';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

// The Notifications button of UI.md: its accessible name is "Notifications, N unread" (N from
// unreadNotificationCount plus what arrived live), and it opens the list. New notifications
// arrive over the notificationAdded subscription and are announced politely.
export function NotificationsButton() {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const state = useNotifications();
  const [announcement, setAnnouncement] = useState('');
  const statusWord = (s: string) => statusLabel(intl, s as RequestStatus);

  // Each live arrival is said once in the polite region, in the reader's language.
  const latest = state.latestLive;
  useEffect(() => {
    if (!latest) return;
    setAnnouncement(
      intl.formatMessage(
        { id: 'notifications.announce', defaultMessage: 'New notification: {text}' },
        { text: notificationPlainText(intl, latest, statusWord) },
      ),
    );
    // Only when a new item arrives, not when the language changes.
  }, [latest?.id]);

  const close = (returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    heading.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(true);
      }
    };
    const onPointer = (e: MouseEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onPointer);
    };
  }, [open]);

  const toggle = () => {
    if (!open) state.refresh();
    setOpen(!open);
  };

  const label = intl.formatMessage(
    { id: 'notifications.button', defaultMessage: 'Notifications, {count, number} unread' },
    { count: state.unread },
  );
  return (
    <div
      className="notifications"
      ref={wrapper}
      onBlur={(e) => {
        // Tabbing out of the open list closes it, like leaving any disclosure.
        if (open && e.relatedTarget && !wrapper.current?.contains(e.relatedTarget as Node))
          setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="secondary notifications-button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={label}
        onClick={toggle}
      >
        <BellIcon />
        {state.unread > 0 && (
          <span className="badge" aria-hidden="true">
            {intl.formatNumber(state.unread)}
          </span>
        )}
      </button>
      <div className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </div>
      {open && (
        <NotificationsPanel
          ref={heading}
          id={panelId}
          items={state.items}
          unread={state.unread}
          loading={state.loading}
          onOpenItem={(n) => {
            if (!n.readAt) state.markRead(n.id);
            setOpen(false);
          }}
          onMarkAll={() => void state.markAllRead()}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
