import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useClient } from 'urql';
import { refusalOf } from '../../api/errors';
import { formatMinutes } from '../../sla/business-duration';
import { describedBy, Feedback, FeedbackLine, FieldError } from '../settings-feedback';
import { BusinessDueAtQuery } from './calendars-documents';
import type { Calendar } from './calendar-editor';
import { zonedToInstant } from './zoned-time';

// "If a clock started then with this many minutes, when would it be due?" (businessDueAt),
// the start read in the calendar's own zone and the answer said in it and in words.
export function DuePreview({ calendar }: { calendar: Calendar }) {
  const intl = useIntl();
  const client = useClient();
  const ids = { heading: useId(), start: useId(), minutes: useId() };
  const [start, setStart] = useState('');
  const [minutes, setMinutes] = useState('240');
  const [errors, setErrors] = useState<{ start?: string; minutes?: string }>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const instant = zonedToInstant(start, calendar.timeZone);
    const count = Number(minutes);
    const next: typeof errors = {};
    if (!instant)
      next.start = intl.formatMessage({
        id: 'settings.calendars.preview.startInvalid',
        defaultMessage: 'Choose a date and time.',
      });
    if (!Number.isInteger(count) || count < 0 || count > 1_000_000)
      next.minutes = intl.formatMessage({
        id: 'settings.calendars.preview.minutesInvalid',
        defaultMessage: 'Enter a whole number of minutes.',
      });
    setErrors(next);
    if (next.start || next.minutes || !instant) return;
    setBusy(true);
    const result = await client
      .query(
        BusinessDueAtQuery,
        { calendarId: calendar.id, start: instant.toISOString(), minutes: count },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
    setBusy(false);
    const refusal = refusalOf(result.error);
    if (refusal || !result.data) {
      if (refusal) setFeedback({ kind: 'refused', refusal });
      return;
    }
    const due = result.data.businessDueAt;
    const inZone = (value: string | Date) =>
      intl.formatDate(value, {
        dateStyle: 'full',
        timeStyle: 'short',
        timeZone: calendar.timeZone,
      });
    setFeedback({
      kind: 'ok',
      text: intl.formatMessage(
        {
          id: 'settings.calendars.preview.result',
          defaultMessage: 'Due {due} ({zone}): {work} of working time after {start}.',
        },
        {
          due: inZone(due),
          zone: calendar.timeZone,
          work: formatMinutes(count, intl.locale),
          start: inZone(instant),
        },
      ),
    });
  };

  return (
    <form className="card settings-form" aria-labelledby={ids.heading} onSubmit={submit} noValidate>
      <h3 id={ids.heading}>
        <FormattedMessage
          id="settings.calendars.preview.title"
          defaultMessage="Preview a due time in {name}"
          values={{ name: <bdi>{calendar.name}</bdi> }}
        />
      </h3>
      <p className="muted hint">
        <FormattedMessage
          id="settings.calendars.preview.hint"
          defaultMessage="Uses the saved calendar. The start is a local time in {zone}."
          values={{ zone: <bdi>{calendar.timeZone}</bdi> }}
        />
      </p>
      <div className="settings-inline-form">
        <div className="field">
          <label htmlFor={ids.start}>
            <FormattedMessage id="settings.calendars.preview.start" defaultMessage="Clock starts" />
          </label>
          <input
            id={ids.start}
            type="datetime-local"
            value={start}
            aria-invalid={errors.start ? true : undefined}
            aria-describedby={describedBy(errors.start && `${ids.start}-error`)}
            onChange={(e) => setStart(e.target.value)}
          />
          <FieldError id={`${ids.start}-error`} message={errors.start} />
        </div>
        <div className="field">
          <label htmlFor={ids.minutes}>
            <FormattedMessage
              id="settings.calendars.preview.minutes"
              defaultMessage="Working minutes"
            />
          </label>
          <input
            id={ids.minutes}
            type="number"
            min={0}
            className="narrow"
            value={minutes}
            aria-invalid={errors.minutes ? true : undefined}
            aria-describedby={describedBy(errors.minutes && `${ids.minutes}-error`)}
            onChange={(e) => setMinutes(e.target.value)}
          />
          <FieldError id={`${ids.minutes}-error`} message={errors.minutes} />
        </div>
        <button type="submit" disabled={busy}>
          <FormattedMessage id="settings.calendars.preview.run" defaultMessage="Preview due time" />
        </button>
      </div>
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
