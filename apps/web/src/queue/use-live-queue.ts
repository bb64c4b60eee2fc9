import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { RequestEvent, useRequestEvents } from '../live/live-events';

// At most one refetch per this many milliseconds, however many events arrive.
const MIN_GAP_MS = 500;
// A short wait even when idle, so a burst (a bulk import, a busy minute) lands as one refetch.
const GATHER_MS = 120;
const HIGHLIGHT_MS = 4000;
const OWN_ECHO_MS = 5000;

interface Options {
  // Only this supplier's requests are in the queue (numbers start with its code); null: all.
  supplierCode: string | null;
  // The ids on screen now: changes to other requests are not announced.
  shownIds: ReadonlySet<string>;
  refetch: () => void;
}

interface Pending {
  created: Map<string, string>;
  updated: Map<string, string>;
}

// New and changed requests without reload: each requestChanged event schedules one coalesced
// network-only refetch of the page, marks the rows for a moment and says what happened politely.
export function useLiveQueue({ supplierCode, shownIds, refetch }: Options) {
  const intl = useIntl();
  const [changed, setChanged] = useState<ReadonlySet<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const pending = useRef<Pending>({ created: new Map(), updated: new Map() });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRun = useRef(0);
  // Requests the reader just changed from this page: their echo refreshes but is not announced.
  const own = useRef(new Map<string, number>());
  const latest = useRef({ refetch, shownIds, supplierCode });
  latest.current = { refetch, shownIds, supplierCode };

  const say = useCallback((text: string) => {
    // Emptied first, so the same words twice are still read twice.
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 60);
  }, []);

  const flush = useCallback(() => {
    timer.current = null;
    lastRun.current = Date.now();
    const { created, updated } = pending.current;
    pending.current = { created: new Map(), updated: new Map() };
    latest.current.refetch();

    const ids = [...created.keys(), ...updated.keys()];
    setChanged(new Set(ids));
    setTimeout(() => setChanged(new Set()), HIGHLIGHT_MS);

    const parts: string[] = [];
    if (created.size > 0)
      parts.push(
        intl.formatMessage(
          {
            id: 'queue.live.created',
            defaultMessage: '{count, plural, one {# new request} other {# new requests}}',
          },
          { count: created.size },
        ),
      );
    const numbers = [...updated.values()];
    if (numbers.length > 0 && numbers.length <= 3)
      parts.push(
        intl.formatMessage(
          { id: 'queue.live.updated', defaultMessage: '{numbers} updated' },
          { numbers: intl.formatList(numbers, { type: 'conjunction' }) },
        ),
      );
    else if (numbers.length > 3)
      parts.push(
        intl.formatMessage(
          {
            id: 'queue.live.updatedMany',
            defaultMessage: '{count, plural, one {# request updated} other {# requests updated}}',
          },
          { count: numbers.length },
        ),
      );
    if (parts.length) say(parts.join('. '));
  }, [intl, say]);

  const onEvent = useCallback(
    (event: RequestEvent) => {
      const { supplierCode: code, shownIds: shown } = latest.current;
      const { id, number } = event.request;
      const ours = !code || number.toUpperCase().startsWith(`${code.toUpperCase()}-`);
      if (event.kind === 'CREATED') {
        if (!ours) return;
        pending.current.created.set(id, number);
        pending.current.updated.delete(id);
      } else {
        // A change to a request not on this page matters only if it may now belong here.
        if (!ours && !shown.has(id)) return;
        const mine = (own.current.get(id) ?? 0) > Date.now() - OWN_ECHO_MS;
        if (!pending.current.created.has(id) && shown.has(id) && !mine)
          pending.current.updated.set(id, number);
        else if (!shown.has(id)) pending.current.updated.delete(id);
      }
      if (timer.current) return;
      const wait = Math.max(GATHER_MS, lastRun.current + MIN_GAP_MS - Date.now());
      timer.current = setTimeout(flush, wait);
    },
    [flush],
  );

  useRequestEvents(onEvent);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const ownChange = useCallback((id: string) => void own.current.set(id, Date.now()), []);

  return { changed, announcement, say, ownChange };
}
