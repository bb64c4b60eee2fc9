import { ReactNode } from 'react';
import { IntlShape, useIntl } from 'react-intl';
import type { Refusal } from '../api/errors';

// What a settings action said: a success for role="status", a refusal for role="alert".
export type Feedback = { kind: 'ok'; text: string } | { kind: 'refused'; refusal: Refusal } | null;

// A refusal of a settings change in the reader's language, from extensions.reason and its
// details (the server's message is English; it is shown only when nothing better is known).
export function settingsRefusalWords(
  intl: IntlShape,
  refusal: Refusal,
  nameOf: (code: string) => string = (code) => code,
): string {
  const x = refusal.extensions;
  const text = (key: string) => (typeof x[key] === 'string' ? nameOf(x[key] as string) : '');
  switch (refusal.reason) {
    case 'DEPARTMENT_CYCLE':
      return text('department') === text('parent')
        ? intl.formatMessage(
            {
              id: 'settings.refusal.ownParent',
              defaultMessage: '{department} cannot be its own parent.',
            },
            { department: text('department') },
          )
        : intl.formatMessage(
            {
              id: 'settings.refusal.cycle',
              defaultMessage:
                'Not moved: {parent} is inside {department}, so moving {department} under {parent} would make a loop in the org chart.',
            },
            { department: text('department'), parent: text('parent') },
          );
    case 'HAS_ACTIVE_CHILDREN':
      return intl.formatMessage(
        {
          id: 'settings.refusal.hasActiveChildren',
          defaultMessage:
            'Not archived: it still has active departments under it ({children}). Move or archive them first.',
        },
        {
          children: intl.formatList(
            Array.isArray(x.children) ? (x.children as string[]).map(nameOf) : [],
          ),
        },
      );
    case 'DUPLICATE':
      return intl.formatMessage({
        id: 'settings.refusal.duplicate',
        defaultMessage: 'That name or code is already taken.',
      });
    case 'STALE_VERSION':
      return intl.formatMessage({
        id: 'settings.refusal.stale',
        defaultMessage: 'Someone else changed this meanwhile. Reload and try again.',
      });
    case 'DEFAULT_CALENDAR_REQUIRED':
      return intl.formatMessage({
        id: 'settings.refusal.defaultCalendarRequired',
        defaultMessage:
          'The organisation needs a default calendar: make another one the default first.',
      });
    case 'CALENDAR_INVALID':
      return intl.formatMessage(
        {
          id: 'settings.refusal.calendarInvalid',
          defaultMessage: 'The calendar was not accepted: {message}',
        },
        { message: refusal.message },
      );
    case 'NOT_OWN_DEPARTMENT':
      return intl.formatMessage({
        id: 'settings.refusal.notOwnDepartment',
        defaultMessage: 'You may change this only for your own department.',
      });
    case 'SERVICE_OF_OTHER_SUPPLIER':
    case 'SERVICE_NOT_OFFERED':
      return intl.formatMessage({
        id: 'settings.refusal.serviceOfOtherSupplier',
        defaultMessage: 'That service belongs to another supplier.',
      });
    case 'SERVICE_WITHDRAWN':
      return intl.formatMessage({
        id: 'settings.refusal.serviceWithdrawn',
        defaultMessage: 'That service is no longer offered.',
      });
    case 'DEPARTMENT_ARCHIVED':
      return intl.formatMessage({
        id: 'settings.refusal.departmentArchived',
        defaultMessage: 'That department is archived.',
      });
  }
  switch (refusal.code) {
    case 'NETWORK':
      return intl.formatMessage({
        id: 'settings.refusal.network',
        defaultMessage: 'Intradesk could not be reached. Check the connection and try again.',
      });
    case 'FORBIDDEN':
      return intl.formatMessage({
        id: 'settings.refusal.forbidden',
        defaultMessage: 'You are not allowed to change this.',
      });
    case 'CONFLICT':
      return intl.formatMessage(
        {
          id: 'settings.refusal.conflict',
          defaultMessage: 'Not saved: {message}',
        },
        { message: refusal.message },
      );
    case 'BAD_USER_INPUT':
      return intl.formatMessage(
        { id: 'settings.refusal.badInput', defaultMessage: 'Not accepted: {message}' },
        { message: refusal.message },
      );
    default:
      return intl.formatMessage({
        id: 'settings.refusal.other',
        defaultMessage: 'Something went wrong; nothing was changed. Please try again.',
      });
  }
}

// One place per form for what happened: a polite status for success (always in the page, so
// screen readers hear it change), an alert for a refusal.
export function FeedbackLine({
  feedback,
  nameOf,
}: {
  feedback: Feedback;
  nameOf?: (code: string) => string;
}) {
  const intl = useIntl();
  return (
    <>
      <p role="status" className="settings-status">
        {feedback?.kind === 'ok' ? (
          <>
            <span aria-hidden="true">✓ </span>
            {feedback.text}
          </>
        ) : null}
      </p>
      {feedback?.kind === 'refused' ? (
        <div role="alert" className="error settings-alert">
          <span aria-hidden="true">⚠ </span>
          {settingsRefusalWords(intl, feedback.refusal, nameOf)}
        </div>
      ) : null}
    </>
  );
}

// A validation message next to its field (the field points at it with aria-describedby).
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

export function describedBy(...ids: (string | false | undefined | null)[]): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

// A button whose visible word is short ("Edit", "Remove") and whose name says what it acts on.
export function ShortButton({
  word,
  name,
  className = 'secondary',
  disabled,
  onClick,
}: {
  word: string;
  name: string;
  className?: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className={className} disabled={disabled} onClick={onClick}>
      <span aria-hidden="true">{word}</span>
      <span className="visually-hidden">{name}</span>
    </button>
  );
}

// Text the user typed, isolated so its direction does not turn the sentence around.
export function UserText({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}
