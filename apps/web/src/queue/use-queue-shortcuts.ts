import { RefObject, useEffect, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useShortcuts } from '../ui/keyboard-shortcuts';

interface Actions {
  move: (by: number) => void;
  open: () => void;
  assign: (() => void) | null;
  refresh: () => void;
  searchRef: RefObject<HTMLInputElement | null>;
}

// The queue by keyboard alone: j/k move the selection, o (or Enter on the page) opens it,
// / goes to Search, a takes the selected request, r refreshes; "?" lists them.
export function useQueueShortcuts({ move, open, assign, refresh, searchRef }: Actions) {
  const intl = useIntl();
  const canAssign = assign !== null;
  const shortcuts = useMemo(
    () => [
      {
        key: 'j',
        description: intl.formatMessage({
          id: 'queue.keys.next',
          defaultMessage: 'Select the next request',
        }),
        run: () => move(1),
      },
      {
        key: 'k',
        description: intl.formatMessage({
          id: 'queue.keys.previous',
          defaultMessage: 'Select the previous request',
        }),
        run: () => move(-1),
      },
      {
        key: 'o',
        description: intl.formatMessage({
          id: 'queue.keys.open',
          defaultMessage: 'Open the selected request (Enter too)',
        }),
        run: open,
      },
      {
        key: '/',
        description: intl.formatMessage({ id: 'queue.keys.search', defaultMessage: 'Search' }),
        run: () => searchRef.current?.focus(),
      },
      ...(canAssign
        ? [
            {
              key: 'a',
              description: intl.formatMessage({
                id: 'queue.keys.assign',
                defaultMessage: 'Assign the selected request to me',
              }),
              run: () => assign?.(),
            },
          ]
        : []),
      {
        key: 'r',
        description: intl.formatMessage({
          id: 'queue.keys.refresh',
          defaultMessage: 'Refresh the queue',
        }),
        run: refresh,
      },
    ],
    [intl, move, open, assign, canAssign, refresh, searchRef],
  );
  useShortcuts(shortcuts);

  // Enter opens the selection only when nothing focused would take the key itself (a focused
  // link or button handles its own Enter).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const idle = !target || target === document.body || target.id === 'main';
      if (idle || target?.tagName === 'TR') {
        event.preventDefault();
        open();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
}
