import { ReactNode } from 'react';
import { defineMessages, IntlShape, MessageDescriptor } from 'react-intl';
import type { NotificationItemFragment } from '../gql/graphql';

type Key =
  | 'created'
  | 'assigned'
  | 'commented'
  | 'waiting'
  | 'resolved'
  | 'started'
  | 'reopened'
  | 'cancelled'
  | 'closed'
  | 'moved'
  | 'rate'
  | 'slaWarning'
  | 'slaBreached'
  | 'slaEscalated'
  | 'survey';

const MESSAGES = defineMessages<Key>({
  created: {
    id: 'notifications.kind.created',
    defaultMessage: '{actor} of {customer} filed {number} “{title}”',
  },
  assigned: {
    id: 'notifications.kind.assigned',
    defaultMessage: '{actor} assigned {number} “{title}” to you',
  },
  commented: {
    id: 'notifications.kind.commented',
    defaultMessage: '{actor} replied on {number} “{title}”',
  },
  waiting: {
    id: 'notifications.kind.waiting',
    defaultMessage: '{number} “{title}” is waiting on you: {actor} needs your answer',
  },
  resolved: {
    id: 'notifications.kind.resolved',
    defaultMessage: '{actor} resolved {number} “{title}”',
  },
  started: {
    id: 'notifications.kind.started',
    defaultMessage: '{actor} started work on {number} “{title}”',
  },
  reopened: {
    id: 'notifications.kind.reopened',
    defaultMessage: '{actor} reopened {number} “{title}”',
  },
  cancelled: {
    id: 'notifications.kind.cancelled',
    defaultMessage: '{actor} cancelled {number} “{title}”',
  },
  closed: {
    id: 'notifications.kind.closed',
    defaultMessage: '{actor} confirmed and closed {number} “{title}”',
  },
  moved: {
    id: 'notifications.kind.moved',
    defaultMessage: '{actor} moved {number} “{title}” to {status}',
  },
  rate: {
    id: 'notifications.kind.rate',
    defaultMessage: '{number} “{title}” was resolved — rate it',
  },
  slaWarning: {
    id: 'notifications.kind.slaWarning',
    defaultMessage: '{number} “{title}”: a service-level target is close to being missed',
  },
  slaBreached: {
    id: 'notifications.kind.slaBreached',
    defaultMessage: '{number} “{title}”: a service-level target was missed',
  },
  slaEscalated: {
    id: 'notifications.kind.slaEscalated',
    defaultMessage: '{number} “{title}”: a missed target was escalated to you',
  },
  survey: {
    id: 'notifications.kind.survey',
    defaultMessage: 'A pulse survey asks how well the departments you used serve you',
  },
});

// The status a change moved the request to: the history entry written with the notification
// (same instant), since the request's current status may have moved on since.
function statusChange(n: NotificationItemFragment): { from: string | null; to: string } | null {
  const at = new Date(n.createdAt).getTime();
  let best: { from: string | null; to: string; gap: number } | null = null;
  for (const entry of n.request?.history ?? []) {
    if (entry.kind !== 'STATUS_CHANGED' || !entry.to) continue;
    const gap = Math.abs(new Date(entry.at).getTime() - at);
    if (gap <= 2000 && (!best || gap < best.gap))
      best = { from: entry.from ?? null, to: entry.to, gap };
  }
  return best;
}

function describe(
  n: NotificationItemFragment,
): { message: MessageDescriptor; values: Record<string, string>; status?: string } | null {
  if (n.kind === 'SURVEY_INVITATION') return { message: MESSAGES.survey, values: {} };
  const request = n.request;
  if (!request) return null;
  const values: Record<string, string> = {
    number: request.number,
    title: request.title.length > 80 ? `${request.title.slice(0, 79)}…` : request.title,
    customer: request.customer.name,
  };
  const needsActor = (key: Key) => {
    if (!n.actor) return null;
    values.actor = n.actor.name;
    return { message: MESSAGES[key], values };
  };
  switch (n.kind) {
    case 'REQUEST_CREATED':
      return needsActor('created');
    case 'REQUEST_ASSIGNED':
      return needsActor('assigned');
    case 'REQUEST_COMMENTED':
      return needsActor('commented');
    case 'RATING_INVITATION':
      return { message: MESSAGES.rate, values };
    case 'SLA_WARNING':
      return { message: MESSAGES.slaWarning, values };
    case 'SLA_BREACHED':
      return { message: MESSAGES.slaBreached, values };
    case 'SLA_ESCALATED':
      return { message: MESSAGES.slaEscalated, values };
    case 'REQUEST_STATUS_CHANGED': {
      const change = statusChange(n);
      if (!change) return null;
      if (change.to === 'WAITING_ON_CUSTOMER') return needsActor('waiting');
      if (change.to === 'RESOLVED') return needsActor('resolved');
      if (change.to === 'CANCELLED') return needsActor('cancelled');
      if (change.to === 'CLOSED') return needsActor('closed');
      if (change.to === 'IN_PROGRESS' && change.from === 'NEW') return needsActor('started');
      if (change.to === 'IN_PROGRESS' && (change.from === 'RESOLVED' || change.from === 'CLOSED'))
        return needsActor('reopened');
      const moved = needsActor('moved');
      return moved && { ...moved, status: change.to };
    }
    default:
      return null;
  }
}

// A notification in the reader's language from its kind, actor and request; the server's
// English message only for kinds this version does not know. Names and titles isolated.
export function notificationText(
  intl: IntlShape,
  n: NotificationItemFragment,
  statusWord: (status: string) => string,
): ReactNode {
  const described = describe(n);
  if (!described) return <bdi>{n.message}</bdi>;
  const rich: Record<string, ReactNode> = {};
  for (const [key, value] of Object.entries(described.values)) rich[key] = <bdi>{value}</bdi>;
  if (described.status) rich.status = statusWord(described.status);
  return intl.formatMessage(described.message, rich);
}

// The same words as plain text, for the live announcement (Unicode isolates keep a Persian
// sentence with an English title in order).
export function notificationPlainText(
  intl: IntlShape,
  n: NotificationItemFragment,
  statusWord: (status: string) => string,
): string {
  const described = describe(n);
  if (!described) return n.message;
  const plain: Record<string, string> = {};
  for (const [key, value] of Object.entries(described.values)) plain[key] = `\u2068${value}\u2069`;
  if (described.status) plain.status = statusWord(described.status);
  return intl.formatMessage(described.message, plain);
}
