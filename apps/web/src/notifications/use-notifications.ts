import { useCallback, useMemo } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import type { NotificationItemFragment } from '../gql/graphql';
import {
  MarkAllReadMutation,
  MarkReadMutation,
  NotificationAddedSubscription,
  NotificationsQuery,
} from './notification-documents';

export interface NotificationsState {
  items: NotificationItemFragment[];
  loading: boolean;
  unread: number;
  // The newest item that arrived live (for the polite announcement), if any.
  latestLive: NotificationItemFragment | null;
  markRead: (id: string) => void;
  markAllRead: () => Promise<void>;
  refresh: () => void;
}

// The caller's notifications: a snapshot (the unread count and the latest 30) plus whatever
// arrives live over notificationAdded since, each live item counted once until a refetch
// includes it.
export function useNotifications(): NotificationsState {
  const [snapshot, refetch] = useQuery({ query: NotificationsQuery });
  const [live] = useSubscription(
    { query: NotificationAddedSubscription },
    (previous: NotificationItemFragment[] = [], event) =>
      [event.notificationAdded, ...previous].slice(0, 50),
  );
  const [, markReadMutation] = useMutation(MarkReadMutation);
  const [, markAllMutation] = useMutation(MarkAllReadMutation);
  const refresh = useCallback(() => refetch({ requestPolicy: 'network-only' }), [refetch]);

  const page = snapshot.data?.notifications;
  const fetched = useMemo(() => page?.edges.map((e) => e.node), [page]);
  const { items, unread } = useMemo(() => {
    const known = new Set((fetched ?? []).map((n) => n.id));
    const fresh = (live.data ?? []).filter((n) => !known.has(n.id));
    return {
      items: [...fresh, ...(fetched ?? [])],
      unread: (snapshot.data?.unreadNotificationCount ?? 0) + fresh.filter((n) => !n.readAt).length,
    };
  }, [fetched, live.data, snapshot.data?.unreadNotificationCount]);

  // The server is the truth for read state: change it, then read it again.
  const markRead = useCallback(
    (id: string) => {
      void markReadMutation({ ids: [id] }).then(refresh);
    },
    [markReadMutation, refresh],
  );
  const markAllRead = useCallback(async () => {
    await markAllMutation({});
    refresh();
  }, [markAllMutation, refresh]);

  return {
    items,
    loading: snapshot.fetching && !snapshot.data,
    unread,
    latestLive: live.data?.[0] ?? null,
    markRead,
    markAllRead,
    refresh,
  };
}
