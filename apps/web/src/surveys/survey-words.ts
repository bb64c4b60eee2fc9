import type { IntlShape } from 'react-intl';
import type { Refusal } from '../api/errors';

// A refused survey action in the reader's language (the server's message is English).
export function surveyRefusalWords(intl: IntlShape, refusal: Refusal): string {
  switch (refusal.reason) {
    case 'SURVEY_CLOSED':
      return intl.formatMessage({
        id: 'surveys.refusal.closed',
        defaultMessage: 'This survey round is closed: answers are no longer accepted.',
      });
    case 'SURVEY_STILL_OPEN':
      return intl.formatMessage({
        id: 'surveys.refusal.stillOpen',
        defaultMessage: 'Results are shown once the round closes.',
      });
    case 'NOT_ASKED':
      return intl.formatMessage({
        id: 'surveys.refusal.notAsked',
        defaultMessage: 'This round does not ask your department about that supplier.',
      });
    case 'NOT_OWN_DEPARTMENT':
      return intl.formatMessage({
        id: 'surveys.refusal.resultsForLeads',
        defaultMessage: 'Survey results are for team leads and operations.',
      });
  }
  switch (refusal.code) {
    case 'BAD_USER_INPUT':
      return intl.formatMessage(
        {
          id: 'surveys.refusal.badInput',
          defaultMessage: 'Please check the form: {message}',
        },
        { message: refusal.message },
      );
    case 'FORBIDDEN':
      return intl.formatMessage({
        id: 'surveys.refusal.forbidden',
        defaultMessage: 'You are not allowed to do that.',
      });
    case 'NOT_FOUND':
      return intl.formatMessage({
        id: 'surveys.refusal.notFound',
        defaultMessage: 'That survey round no longer exists.',
      });
    case 'NETWORK':
      return intl.formatMessage({
        id: 'surveys.refusal.network',
        defaultMessage: 'Intradesk could not be reached. Check the connection and try again.',
      });
  }
  return intl.formatMessage({
    id: 'surveys.refusal.other',
    defaultMessage: 'That did not work. Please try again.',
  });
}

// A local date (YYYY-MM-DD) as a date in the reader's language, without a time zone shift.
export function localDateText(intl: IntlShape, date: string): string {
  return intl.formatDate(`${date}T00:00:00Z`, { dateStyle: 'medium', timeZone: 'UTC' });
}

export function periodText(intl: IntlShape, from: string, to: string): string {
  return intl.formatDateTimeRange(new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

// A name inside a sentence of the page's language, isolated (FSI … PDI, as <bdi> does), so a
// Latin name does not turn a Persian sentence around (for strings: labels, options, statuses).
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
