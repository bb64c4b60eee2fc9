import { defineMessages, IntlShape } from 'react-intl';
import type { Refusal } from '../api/errors';

const MESSAGES = defineMessages({
  NO_DEPARTMENT: {
    id: 'newRequest.error.noDepartment',
    defaultMessage: 'You belong to no department, so you cannot file requests.',
  },
  DEPARTMENT_ARCHIVED: {
    id: 'newRequest.error.departmentArchived',
    defaultMessage: 'That department has been archived and takes no new requests.',
  },
  UNKNOWN_DEPARTMENT: {
    id: 'newRequest.error.unknownDepartment',
    defaultMessage: 'That department no longer exists. Choose another one.',
  },
  SERVICE_NOT_OFFERED: {
    id: 'newRequest.error.serviceNotOffered',
    defaultMessage: 'That department does not offer this service. Choose another one.',
  },
  SERVICE_OF_OTHER_SUPPLIER: {
    id: 'newRequest.error.serviceOfOtherSupplier',
    defaultMessage: 'That department does not offer this service. Choose another one.',
  },
  SERVICE_WITHDRAWN: {
    id: 'newRequest.error.serviceWithdrawn',
    defaultMessage: 'This service was just withdrawn from the catalogue. Choose another one.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    id: 'newRequest.error.keyReused',
    defaultMessage:
      'This form was already filed with different details. Reload the page to start again.',
  },
  REQUEST_ATTACHMENTS_FULL: {
    id: 'newRequest.error.attachmentsFull',
    defaultMessage:
      'The files add up to more than one request may hold. Remove some, then file the request.',
  },
  NETWORK: {
    id: 'newRequest.error.network',
    defaultMessage:
      'Intradesk could not be reached. Nothing is lost: press File request again to retry (it will not be filed twice).',
  },
  TOO_MANY_REQUESTS: {
    id: 'newRequest.error.tooMany',
    defaultMessage: 'Too many requests in a short time. Wait a moment and try again.',
  },
  UNAUTHENTICATED: {
    id: 'newRequest.error.signedOut',
    defaultMessage: 'Your session has ended. Sign in again, then file the request.',
  },
  FORBIDDEN: {
    id: 'newRequest.error.forbidden',
    defaultMessage: 'You may not file this request.',
  },
  BAD_USER_INPUT: {
    id: 'newRequest.error.badInput',
    defaultMessage: 'Some details need fixing; see the messages next to the fields.',
  },
  UNKNOWN: {
    id: 'newRequest.error.unknown',
    defaultMessage: 'The request could not be filed. Try again in a moment.',
  },
});

// A refusal of createRequest in the reader's language: the business reason when there is one,
// else its code; never the server's English message.
export function refusalMessage(intl: IntlShape, refusal: Refusal): string {
  const key = (refusal.reason ?? refusal.code) as keyof typeof MESSAGES;
  return intl.formatMessage(MESSAGES[key] ?? MESSAGES.UNKNOWN);
}

// The input fields a BAD_USER_INPUT refusal names ("input.title" -> "title").
export function refusedFields(refusal: Refusal): string[] {
  const fields = refusal.extensions.fields;
  if (!Array.isArray(fields)) return [];
  return fields.map((f) => String(f).replace(/^input\./, ''));
}
