import type { IntlShape } from 'react-intl';
import { statusLabel } from '../ui/labels';
import { personName } from '../ui/person-name';
import type { HistoryView } from './request-types';

// One history entry as a sentence with names, never ids: "Ana Agent changed the status from New
// to In progress". A null actor is Intradesk itself (the SLA worker, an import).
export function historyWords(intl: IntlShape, entry: HistoryView): string {
  const who = isolate(
    (entry.actor && personName(intl, entry.actor)) ??
      intl.formatMessage({ id: 'request.history.system', defaultMessage: 'Intradesk' }),
  );
  switch (entry.kind) {
    case 'CREATED':
      return intl.formatMessage(
        { id: 'request.history.created', defaultMessage: '{who} filed the request' },
        { who },
      );
    case 'STATUS_CHANGED':
      return intl.formatMessage(
        {
          id: 'request.history.status',
          defaultMessage: '{who} changed the status from {from} to {to}',
        },
        { who, from: statusWord(intl, entry.from), to: statusWord(intl, entry.to) },
      );
    case 'PRIORITY_CHANGED':
      return intl.formatMessage(
        {
          id: 'request.history.priority',
          defaultMessage: '{who} changed the priority from {from} to {to}',
        },
        { who, from: entry.from ?? '', to: entry.to ?? '' },
      );
    case 'ASSIGNED':
      if (!entry.toUser)
        return intl.formatMessage(
          { id: 'request.history.unassigned', defaultMessage: '{who} unassigned it' },
          { who },
        );
      return intl.formatMessage(
        { id: 'request.history.assigned', defaultMessage: '{who} assigned it to {to}' },
        { who, to: isolate(personName(intl, entry.toUser)) },
      );
    case 'COMMENTED':
      return entry.internal
        ? intl.formatMessage(
            { id: 'request.history.note', defaultMessage: '{who} added an internal note' },
            { who },
          )
        : intl.formatMessage(
            { id: 'request.history.commented', defaultMessage: '{who} commented' },
            { who },
          );
  }
}

// Names inside a sentence of the page's language are isolated (FSI … PDI, as <bdi> does), so a
// Latin name neither turns a Persian sentence around nor takes its neighbours with it.
function isolate(name: string): string {
  return `\u2068${name}\u2069`;
}

function statusWord(intl: IntlShape, value: string | null): string {
  const known = ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'RESOLVED', 'CLOSED', 'CANCELLED'];
  return value && known.includes(value)
    ? statusLabel(intl, value as Parameters<typeof statusLabel>[1])
    : (value ?? '');
}

// What a change was, for "Ana Agent changed the status at 10:42" in a stale-version alert.
export function changeKindWords(intl: IntlShape, kind: string | undefined): string {
  switch (kind) {
    case 'STATUS_CHANGED':
      return intl.formatMessage({
        id: 'request.change.status',
        defaultMessage: 'changed the status',
      });
    case 'ASSIGNED':
      return intl.formatMessage({ id: 'request.change.assigned', defaultMessage: 'reassigned it' });
    case 'PRIORITY_CHANGED':
      return intl.formatMessage({
        id: 'request.change.priority',
        defaultMessage: 'changed the priority',
      });
    case 'CREATED':
      return intl.formatMessage({ id: 'request.change.created', defaultMessage: 'filed it' });
    default:
      return intl.formatMessage({ id: 'request.change.other', defaultMessage: 'changed it' });
  }
}
