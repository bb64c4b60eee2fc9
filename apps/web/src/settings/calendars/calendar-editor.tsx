import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, IntlShape, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf } from '../../api/errors';
import type { SettingsCalendarsQuery } from '../../gql/graphql';
import { describedBy, Feedback, FeedbackLine, FieldError, ShortButton } from '../settings-feedback';
import { CreateCalendarMutation, UpdateCalendarMutation } from './calendars-documents';
import {
  Day,
  fromApi,
  isOvernight,
  officeWeek,
  Shift,
  shiftError,
  toApi,
  Week,
  WEEKDAYS,
} from './week-model';
import { isTimeZone } from './zoned-time';
import { TimeZoneInput } from '../time-zone-input';

export type Calendar = SettingsCalendarsQuery['businessCalendars'][number];

export function dayName(intl: IntlShape, day: Day): string {
  // 1 January 2024 was a Monday.
  return intl.formatDate(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)), {
    weekday: 'long',
    timeZone: 'UTC',
  });
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A calendar's name, zone, week of shifts (several a day, overnight ones allowed) and holidays.
export function CalendarEditor({
  calendar,
  canEdit,
  onSaved,
}: {
  calendar: Calendar | null;
  canEdit: boolean;
  onSaved: (id: string, message: string) => void;
}) {
  const intl = useIntl();
  const ids = {
    heading: useId(),
    name: useId(),
    zone: useId(),
    holiday: useId(),
    week: useId(),
  };
  const [name, setName] = useState(calendar?.name ?? '');
  const [zone, setZone] = useState(
    calendar?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC',
  );
  const [isDefault, setIsDefault] = useState(calendar?.isDefault ?? false);
  const [week, setWeek] = useState<Week>(() =>
    calendar ? fromApi(calendar.weeklyHours) : officeWeek(),
  );
  const [holidays, setHolidays] = useState<string[]>(calendar?.holidays ?? []);
  const [holiday, setHoliday] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [created, create] = useMutation(CreateCalendarMutation);
  const [updated, update] = useMutation(UpdateCalendarMutation);
  const busy = created.fetching || updated.fetching;
  const disabled = !canEdit;
  const removeWord = intl.formatMessage({
    id: 'settings.calendars.remove',
    defaultMessage: 'Remove',
  });

  const setShift = (day: Day, index: number, change: Partial<Shift>) =>
    setWeek((w) => ({
      ...w,
      [day]: w[day].map((s, i) => (i === index ? { ...s, ...change } : s)),
    }));
  const addShift = (day: Day) =>
    setWeek((w) => {
      const last = w[day][w[day].length - 1];
      const shift = last ? { start: last.end, end: last.end } : { start: '09:00', end: '17:00' };
      return { ...w, [day]: [...w[day], shift] };
    });
  const removeShift = (day: Day, index: number) =>
    setWeek((w) => ({ ...w, [day]: w[day].filter((_, i) => i !== index) }));

  const addHoliday = () => {
    if (!DATE.test(holiday)) {
      setErrors((e) => ({
        ...e,
        holiday: intl.formatMessage({
          id: 'settings.calendars.holidayInvalid',
          defaultMessage: 'Choose a date.',
        }),
      }));
      return;
    }
    setErrors(({ holiday: _drop, ...rest }) => rest);
    setHolidays((list) => [...new Set([...list, holiday])].sort());
    setHoliday('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim())
      next.name = intl.formatMessage({
        id: 'settings.calendars.nameRequired',
        defaultMessage: 'Enter a name.',
      });
    if (!isTimeZone(zone))
      next.zone = intl.formatMessage({
        id: 'settings.calendars.zoneInvalid',
        defaultMessage: 'Enter an IANA time zone, for example Europe/Rome.',
      });
    for (const day of WEEKDAYS)
      week[day].forEach((shift, i) => {
        const problem = shiftError(shift);
        if (problem)
          next[`${day}.${i}`] = intl.formatMessage({
            id: 'settings.calendars.shiftInvalid',
            defaultMessage: 'Give a start and an end time that differ.',
          });
      });
    if (WEEKDAYS.every((day) => week[day].length === 0))
      next.week = intl.formatMessage({
        id: 'settings.calendars.weekEmpty',
        defaultMessage: 'A calendar needs working hours on at least one day.',
      });
    setErrors(next);
    if (Object.keys(next).length > 0) {
      setFeedback(null);
      return;
    }
    const weeklyHours = toApi(week);
    const result = calendar
      ? await update({
          input: {
            id: calendar.id,
            expectedVersion: calendar.version,
            name: name.trim(),
            timeZone: zone,
            isDefault: isDefault || undefined,
            weeklyHours,
            holidays,
          },
        })
      : await create({
          input: { name: name.trim(), timeZone: zone, isDefault, weeklyHours, holidays },
        });
    const refusal = refusalOf(result.error);
    if (refusal) {
      setFeedback({ kind: 'refused', refusal });
      return;
    }
    const id =
      result.data && 'createBusinessCalendar' in result.data
        ? result.data.createBusinessCalendar.id
        : calendar?.id;
    setFeedback(null);
    // Said by the section: the editor opens afresh on the saved calendar.
    if (id)
      onSaved(
        id,
        intl.formatMessage(
          { id: 'settings.calendars.saved', defaultMessage: 'Calendar {name} saved.' },
          { name: name.trim() },
        ),
      );
  };

  return (
    <form
      className="card settings-form cal-editor"
      aria-labelledby={ids.heading}
      onSubmit={submit}
      noValidate
    >
      <h3 id={ids.heading}>
        {calendar ? (
          <FormattedMessage
            id="settings.calendars.editing"
            defaultMessage="Calendar {name}"
            values={{ name: <bdi>{calendar.name}</bdi> }}
          />
        ) : (
          <FormattedMessage id="settings.calendars.new" defaultMessage="New calendar" />
        )}
      </h3>
      <div className="settings-grid">
        <div className="field">
          <label htmlFor={ids.name}>
            <FormattedMessage id="settings.calendars.name" defaultMessage="Calendar name" />
          </label>
          <input
            id={ids.name}
            dir="auto"
            value={name}
            disabled={disabled}
            maxLength={200}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={describedBy(errors.name && `${ids.name}-error`)}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id={`${ids.name}-error`} message={errors.name} />
        </div>
        <div className="field">
          <label htmlFor={ids.zone}>
            <FormattedMessage id="settings.calendars.timeZone" defaultMessage="Time zone" />
          </label>
          <TimeZoneInput
            id={ids.zone}
            value={zone}
            disabled={disabled}
            error={errors.zone}
            onChange={setZone}
          />
          <FieldError id={`${ids.zone}-error`} message={errors.zone} />
        </div>
        <div className="field cal-default">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={isDefault}
              disabled={disabled || (calendar?.isDefault ?? false)}
              onChange={(e) => setIsDefault(e.target.checked)}
            />
            <FormattedMessage
              id="settings.calendars.isDefault"
              defaultMessage="Organisation default"
            />
          </label>
        </div>
      </div>

      <fieldset
        aria-describedby={describedBy(`${ids.week}-hint`, errors.week && `${ids.week}-error`)}
      >
        <legend>
          <FormattedMessage id="settings.calendars.week" defaultMessage="Working hours" />
        </legend>
        <p id={`${ids.week}-hint`} className="muted hint">
          <FormattedMessage
            id="settings.calendars.weekHint"
            defaultMessage="Several shifts a day are allowed. An end at or before the start runs overnight into the next day; an end of 00:00 means midnight."
          />
        </p>
        <FieldError id={`${ids.week}-error`} message={errors.week} />
        <table className="cal-week">
          <caption className="visually-hidden">
            {intl.formatMessage({ id: 'settings.calendars.week', defaultMessage: 'Working hours' })}
          </caption>
          <tbody>
            {WEEKDAYS.map((day) => {
              const dayLabel = dayName(intl, day);
              return (
                <tr key={day}>
                  <th scope="row">{dayLabel}</th>
                  <td>
                    {week[day].length === 0 ? (
                      <span className="muted">
                        <FormattedMessage id="settings.calendars.closed" defaultMessage="Closed" />
                      </span>
                    ) : null}
                    <ul className="cal-shifts">
                      {week[day].map((shift, i) => {
                        const errorId = `${ids.week}-${day}-${i}-error`;
                        const error = errors[`${day}.${i}`];
                        const n = i + 1;
                        return (
                          <li key={i}>
                            <input
                              type="time"
                              value={shift.start}
                              disabled={disabled}
                              aria-label={intl.formatMessage(
                                {
                                  id: 'settings.calendars.shiftStart',
                                  defaultMessage: '{day}, shift {n, number}: start',
                                },
                                { day: dayLabel, n },
                              )}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={describedBy(error && errorId)}
                              onChange={(e) => setShift(day, i, { start: e.target.value })}
                            />
                            <span aria-hidden="true">–</span>
                            <input
                              type="time"
                              value={shift.end}
                              disabled={disabled}
                              aria-label={intl.formatMessage(
                                {
                                  id: 'settings.calendars.shiftEnd',
                                  defaultMessage: '{day}, shift {n, number}: end',
                                },
                                { day: dayLabel, n },
                              )}
                              aria-invalid={error ? true : undefined}
                              aria-describedby={describedBy(error && errorId)}
                              onChange={(e) => setShift(day, i, { end: e.target.value })}
                            />
                            {isOvernight(shift) ? (
                              <span className="cal-overnight">
                                <span aria-hidden="true">☾ </span>
                                <FormattedMessage
                                  id="settings.calendars.overnight"
                                  defaultMessage="overnight, ends the next day"
                                />
                              </span>
                            ) : null}
                            {shift.start === '00:00' && shift.end === '00:00' ? (
                              <span className="cal-overnight">
                                <FormattedMessage
                                  id="settings.calendars.allDay"
                                  defaultMessage="all day"
                                />
                              </span>
                            ) : null}
                            {canEdit ? (
                              <ShortButton
                                className="link"
                                word={removeWord}
                                name={intl.formatMessage(
                                  {
                                    id: 'settings.calendars.removeShift',
                                    defaultMessage: 'Remove {day} shift {n, number}',
                                  },
                                  { day: dayLabel, n },
                                )}
                                onClick={() => removeShift(day, i)}
                              />
                            ) : null}
                            <FieldError id={errorId} message={error} />
                          </li>
                        );
                      })}
                    </ul>
                    {canEdit ? (
                      <button
                        type="button"
                        className="secondary small"
                        onClick={() => addShift(day)}
                      >
                        {intl.formatMessage(
                          {
                            id: 'settings.calendars.addShift',
                            defaultMessage: 'Add a shift on {day}',
                          },
                          { day: dayLabel },
                        )}
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>

      <fieldset>
        <legend>
          <FormattedMessage id="settings.calendars.holidays" defaultMessage="Holidays" />
        </legend>
        {holidays.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="settings.calendars.noHolidays" defaultMessage="No holidays." />
          </p>
        ) : (
          <ul className="cal-holidays">
            {holidays.map((date) => {
              const words = intl.formatDate(`${date}T12:00:00Z`, {
                dateStyle: 'medium',
                timeZone: 'UTC',
              });
              return (
                <li key={date}>
                  <time dateTime={date}>{words}</time>
                  {canEdit ? (
                    <ShortButton
                      className="link"
                      word={removeWord}
                      name={intl.formatMessage(
                        {
                          id: 'settings.calendars.removeHoliday',
                          defaultMessage: 'Remove holiday {date}',
                        },
                        { date: words },
                      )}
                      onClick={() => setHolidays((list) => list.filter((d) => d !== date))}
                    />
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {canEdit ? (
          <div className="settings-inline-form">
            <div className="field">
              <label htmlFor={ids.holiday}>
                <FormattedMessage id="settings.calendars.holiday" defaultMessage="Holiday" />
              </label>
              <input
                id={ids.holiday}
                type="date"
                value={holiday}
                aria-invalid={errors.holiday ? true : undefined}
                aria-describedby={describedBy(errors.holiday && `${ids.holiday}-error`)}
                onChange={(e) => setHoliday(e.target.value)}
              />
              <FieldError id={`${ids.holiday}-error`} message={errors.holiday} />
            </div>
            <button type="button" className="secondary" onClick={addHoliday}>
              <FormattedMessage id="settings.calendars.addHoliday" defaultMessage="Add holiday" />
            </button>
          </div>
        ) : null}
      </fieldset>

      {canEdit ? (
        <div className="actions">
          <button type="submit" disabled={busy}>
            <FormattedMessage id="settings.calendars.save" defaultMessage="Save calendar" />
          </button>
        </div>
      ) : null}
      <FeedbackLine feedback={feedback} />
    </form>
  );
}
