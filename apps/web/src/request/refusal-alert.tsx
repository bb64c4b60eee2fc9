import { FormattedMessage, FormattedTime, useIntl } from 'react-intl';
import type { Refusal } from '../api/errors';
import { statusLabel } from '../ui/labels';
import { changeKindWords } from './history-words';

interface LastChange {
  actorName?: string | null;
  kind?: string;
  at?: string | null;
}

// A refused action in the reader's language, from extensions.reason (the server's message is
// English); a stale version says who changed what and when, and offers to reload.
export function RefusalAlert({
  refusal,
  onReload,
  userName,
}: {
  refusal: Refusal;
  onReload: () => void;
  userName: string;
}) {
  const intl = useIntl();
  if (refusal.reason === 'STALE_VERSION') {
    const last = (refusal.extensions.lastChange ?? null) as LastChange | null;
    // The reader's own change from another window or tab.
    const who =
      last?.actorName === userName
        ? intl.formatMessage({ id: 'request.stale.you', defaultMessage: 'you (in another window)' })
        : (last?.actorName ??
          intl.formatMessage({ id: 'request.history.system', defaultMessage: 'Intradesk' }));
    return (
      <div role="alert" className="error rq-alert">
        <p>
          {last ? (
            <FormattedMessage
              id="request.stale.changedMeanwhile"
              defaultMessage="This request changed meanwhile: {who} {what} at {time}. Your change was not saved."
              values={{
                who: <bdi>{who}</bdi>,
                what: changeKindWords(intl, last.kind),
                time: last.at ? <FormattedTime value={last.at} /> : '',
              }}
            />
          ) : (
            <FormattedMessage
              id="request.stale.unknown"
              defaultMessage="Someone else changed this request first. Your change was not saved."
            />
          )}
        </p>
        <button type="button" onClick={onReload}>
          <FormattedMessage id="request.stale.reload" defaultMessage="Reload" />
        </button>
      </div>
    );
  }
  return (
    <div role="alert" className="error rq-alert">
      <p>{refusalWords(intl, refusal)}</p>
    </div>
  );
}

type Intl = ReturnType<typeof useIntl>;

export function refusalWords(intl: Intl, refusal: Refusal): string {
  const allowed = Array.isArray(refusal.extensions.allowed)
    ? (refusal.extensions.allowed as Parameters<typeof statusLabel>[1][])
    : [];
  switch (refusal.reason) {
    case 'ILLEGAL_TRANSITION':
      return intl.formatMessage(
        {
          id: 'request.refusal.illegalTransition',
          defaultMessage:
            'That move is not possible from the current status. {count, plural, =0 {Nothing else can be done now.} other {Possible now: {allowed}.}}',
        },
        {
          count: allowed.length,
          allowed: intl.formatList(allowed.map((s) => statusLabel(intl, s))),
        },
      );
    case 'ALREADY_IN_STATUS':
      return intl.formatMessage({
        id: 'request.refusal.alreadyInStatus',
        defaultMessage: 'The request already has that status.',
      });
    case 'REOPEN_WINDOW_PASSED':
      return intl.formatMessage({
        id: 'request.refusal.reopenWindowPassed',
        defaultMessage:
          'This request was resolved too long ago to be reopened. Please file a new request.',
      });
    case 'RATING_WINDOW_PASSED':
      return intl.formatMessage({
        id: 'request.refusal.ratingWindowPassed',
        defaultMessage: 'This request was resolved too long ago to be rated.',
      });
    case 'NOT_RESOLVED':
      return intl.formatMessage({
        id: 'request.refusal.notResolved',
        defaultMessage: 'A request can be rated once it is resolved.',
      });
    case 'REQUEST_CLOSED':
      return intl.formatMessage({
        id: 'request.refusal.requestClosed',
        defaultMessage: 'This request is closed or cancelled, so it can no longer be changed.',
      });
    case 'NOT_SUPPLIER_SIDE':
    case 'NOT_YOUR_MOVE':
      return intl.formatMessage({
        id: 'request.refusal.notSupplierSide',
        defaultMessage: 'Only the supplier department can do that.',
      });
    case 'NOT_CUSTOMER_SIDE':
      return intl.formatMessage({
        id: 'request.refusal.notCustomerSide',
        defaultMessage: 'Only the customer department can do that.',
      });
    case 'INTERNAL_NOTES_SUPPLIER_ONLY':
      return intl.formatMessage({
        id: 'request.refusal.notesSupplierOnly',
        defaultMessage: 'Internal notes are for the supplier side only.',
      });
    case 'ASSIGNEE_NOT_IN_SUPPLIER':
      return intl.formatMessage({
        id: 'request.refusal.assigneeNotInSupplier',
        defaultMessage: 'The assignee must belong to the supplier department.',
      });
  }
  switch (refusal.code) {
    case 'NETWORK':
      return intl.formatMessage({
        id: 'request.refusal.network',
        defaultMessage: 'Intradesk could not be reached. Check the connection and try again.',
      });
    case 'FORBIDDEN':
      return intl.formatMessage({
        id: 'request.refusal.forbidden',
        defaultMessage: 'You are not allowed to do that on this request.',
      });
    case 'NOT_FOUND':
      return intl.formatMessage({
        id: 'request.refusal.notFound',
        defaultMessage: 'This request no longer exists or is not yours to see.',
      });
    case 'BAD_USER_INPUT':
      return intl.formatMessage({
        id: 'request.refusal.badInput',
        defaultMessage: 'That was not accepted: please check what you entered.',
      });
    case 'TOO_MANY_REQUESTS':
      return intl.formatMessage({
        id: 'request.refusal.tooMany',
        defaultMessage: 'Too many actions in a short time. Wait a moment and try again.',
      });
    default:
      return intl.formatMessage({
        id: 'request.refusal.other',
        defaultMessage: 'Something went wrong; nothing was changed. Please try again.',
      });
  }
}
