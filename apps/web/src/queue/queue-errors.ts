import type { IntlShape } from 'react-intl';
import type { Refusal } from '../api/errors';

// Refusals said in the reader's language from their code and reason, never the server's
// English message.

export function loadErrorText(intl: IntlShape, refusal: Refusal): string {
  switch (refusal.code) {
    case 'NETWORK':
    case 'SERVICE_UNAVAILABLE':
      return intl.formatMessage({
        id: 'queue.error.network',
        defaultMessage: 'Intradesk cannot be reached right now. Check your connection and retry.',
      });
    case 'UNAUTHENTICATED':
      return intl.formatMessage({
        id: 'queue.error.signedOut',
        defaultMessage: 'Your session has ended. Sign in again to see the queue.',
      });
    case 'BAD_USER_INPUT':
      return intl.formatMessage({
        id: 'queue.error.badFilter',
        defaultMessage: 'This link has a filter or page Intradesk cannot read. Clear the filters.',
      });
    case 'TOO_MANY_REQUESTS':
      return intl.formatMessage({
        id: 'queue.error.tooMany',
        defaultMessage: 'Too many requests in a short time. Wait a moment and retry.',
      });
    default:
      return intl.formatMessage({
        id: 'queue.error.load',
        defaultMessage: 'The queue could not be loaded. Retry in a moment.',
      });
  }
}

export function assignErrorText(intl: IntlShape, refusal: Refusal, number: string): string {
  const lastChange = refusal.extensions.lastChange as { actorName?: string } | undefined;
  switch (refusal.reason ?? refusal.code) {
    case 'STALE_VERSION':
      return lastChange?.actorName
        ? intl.formatMessage(
            {
              id: 'queue.assign.staleBy',
              defaultMessage:
                '{name} changed {number} a moment ago. The queue now shows the latest; assign it again if you still want it.',
            },
            { name: lastChange.actorName, number },
          )
        : intl.formatMessage(
            {
              id: 'queue.assign.stale',
              defaultMessage:
                'Someone changed {number} a moment ago. The queue now shows the latest; assign it again if you still want it.',
            },
            { number },
          );
    case 'ASSIGNEE_NOT_IN_SUPPLIER':
    case 'NOT_SUPPLIER_SIDE':
    case 'FORBIDDEN':
      return intl.formatMessage(
        {
          id: 'queue.assign.notSupplier',
          defaultMessage: 'Only people of the supplier department can take {number}.',
        },
        { number },
      );
    case 'REQUEST_CLOSED':
      return intl.formatMessage(
        { id: 'queue.assign.closed', defaultMessage: '{number} is closed and cannot be assigned.' },
        { number },
      );
    case 'NETWORK':
      return intl.formatMessage(
        {
          id: 'queue.assign.network',
          defaultMessage: 'Intradesk cannot be reached: {number} was not assigned. Try again.',
        },
        { number },
      );
    default:
      return intl.formatMessage(
        { id: 'queue.assign.failed', defaultMessage: '{number} could not be assigned. Try again.' },
        { number },
      );
  }
}
