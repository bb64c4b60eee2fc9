import type { IntlShape } from 'react-intl';
import type { Refusal } from '../api/errors';

// A refused kudos in the reader's language (the server's message is English).
export function kudosRefusalWords(intl: IntlShape, refusal: Refusal): string {
  switch (refusal.reason) {
    case 'SELF_KUDOS':
      return intl.formatMessage({
        id: 'kudos.refusal.self',
        defaultMessage: 'You cannot thank yourself.',
      });
    case 'NOT_A_PARTY':
      return intl.formatMessage({
        id: 'kudos.refusal.notAParty',
        defaultMessage:
          'Kudos for a request go to someone of its two departments, or to one of them.',
      });
    case 'DUPLICATE':
      return intl.formatMessage({
        id: 'kudos.refusal.duplicate',
        defaultMessage: 'You already thanked them for this request.',
      });
  }
  switch (refusal.code) {
    case 'BAD_USER_INPUT':
      return intl.formatMessage(
        { id: 'kudos.refusal.badInput', defaultMessage: 'Please check the form: {message}' },
        { message: refusal.message },
      );
    case 'NOT_FOUND':
      return intl.formatMessage({
        id: 'kudos.refusal.notFound',
        defaultMessage: 'That request is not yours to see.',
      });
    case 'NETWORK':
      return intl.formatMessage({
        id: 'kudos.refusal.network',
        defaultMessage: 'Intradesk could not be reached. Check the connection and try again.',
      });
  }
  return intl.formatMessage({
    id: 'kudos.refusal.other',
    defaultMessage: 'That did not work. Please try again.',
  });
}

// A name inside a sentence of the page's language, isolated (FSI … PDI, as <bdi> does), so a
// Latin name does not turn a Persian sentence around (for strings: labels, options, statuses).
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
