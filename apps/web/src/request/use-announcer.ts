import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { RequestEvent } from '../live/live-events';
import { statusLabel } from '../ui/labels';

const SHOWN_MS = 10_000;

// "Updated by someone else: …" for a polite live region. Cleared first, so the same words are
// announced again for a second change, and cleared after a while so it does not linger.
export function useAnnouncer() {
  const intl = useIntl();
  const [text, setText] = useState('');
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);

  const announce = useCallback(
    (event: RequestEvent) => {
      const what = changeWords(intl, event);
      timers.current.forEach(clearTimeout);
      setText('');
      timers.current = [
        setTimeout(
          () =>
            setText(
              intl.formatMessage(
                {
                  id: 'request.live.updated',
                  defaultMessage: 'Updated by someone else: {what}',
                },
                { what },
              ),
            ),
          50,
        ),
        setTimeout(() => setText(''), SHOWN_MS),
      ];
    },
    [intl],
  );
  return { text, announce };
}

function changeWords(intl: ReturnType<typeof useIntl>, event: RequestEvent): string {
  switch (event.kind) {
    case 'STATUS_CHANGED':
      return intl.formatMessage(
        { id: 'request.live.status', defaultMessage: 'the status is now {status}' },
        { status: statusLabel(intl, event.request.status as Parameters<typeof statusLabel>[1]) },
      );
    case 'COMMENTED':
      return intl.formatMessage({ id: 'request.live.comment', defaultMessage: 'a new comment' });
    case 'ASSIGNED':
      return intl.formatMessage({
        id: 'request.live.assigned',
        defaultMessage: 'the assignee changed',
      });
    case 'PRIORITY_CHANGED':
      return intl.formatMessage({
        id: 'request.live.priority',
        defaultMessage: 'the priority changed',
      });
    default:
      return intl.formatMessage({ id: 'request.live.other', defaultMessage: 'it changed' });
  }
}
