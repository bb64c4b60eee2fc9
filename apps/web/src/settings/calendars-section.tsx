import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { useSignedInUser } from '../auth/session';
import { CalendarEditor, dayName } from './calendars/calendar-editor';
import { SettingsCalendarsQuery } from './calendars/calendars-documents';
import { DuePreview } from './calendars/due-preview';
import { fromApi, WEEKDAYS } from './calendars/week-model';
import { Feedback, FeedbackLine } from './settings-feedback';
import '../styles/settings-calendars.css';

const CONTEXT = { additionalTypenames: ['BusinessCalendar'] };
const NEW = 'new';

// Business calendars: the list, one open in the editor, and a due-time preview of it.
export function CalendarsSection() {
  const intl = useIntl();
  const user = useSignedInUser();
  const canEdit = user.role === 'ADMIN' || user.role === 'OPS';
  const [openId, setOpenIdOnly] = useState<string | null>(null);
  const [saved, setSaved] = useState<Feedback>(null);
  const setOpenId = (id: string | null) => {
    setOpenIdOnly(id);
    setSaved(null);
  };
  const [{ data, error }, refetch] = useQuery({ query: SettingsCalendarsQuery, context: CONTEXT });
  const calendars = data?.businessCalendars ?? [];
  const open = openId && openId !== NEW ? calendars.find((c) => c.id === openId) : undefined;
  const caption = intl.formatMessage({
    id: 'settings.calendars.table',
    defaultMessage: 'Business calendars',
  });

  const nextDay = intl.formatMessage({
    id: 'settings.calendars.nextDay',
    defaultMessage: 'next day',
  });
  const summary = (calendar: (typeof calendars)[number]) => {
    const week = fromApi(calendar.weeklyHours);
    return WEEKDAYS.filter((d) => week[d].length > 0)
      .map((d) => {
        const shifts = week[d].map((s) =>
          s.end === '00:00'
            ? `${s.start}–24:00`
            : s.end < s.start
              ? `${s.start}–${s.end} (${nextDay})`
              : `${s.start}–${s.end}`,
        );
        return `${dayName(intl, d)} ${intl.formatList(shifts, { type: 'unit' })}`;
      })
      .join('; ');
  };

  return (
    <div className="settings-calendars">
      {error && !data ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.calendars.loadFailed"
            defaultMessage="The calendars could not be loaded."
          />
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settings.calendars.col.name" defaultMessage="Name" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.calendars.col.zone" defaultMessage="Time zone" />
              </th>
              <th scope="col">
                <FormattedMessage
                  id="settings.calendars.col.hours"
                  defaultMessage="Working hours"
                />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.calendars.col.holidays" defaultMessage="Holidays" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.calendars.col.actions" defaultMessage="Actions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {calendars.map((c) => (
              <tr key={c.id} className={c.id === openId ? 'selected' : undefined}>
                <td>
                  <bdi>{c.name}</bdi>
                  {c.isDefault ? (
                    <>
                      {' '}
                      <strong>
                        <FormattedMessage
                          id="settings.calendars.defaultBadge"
                          defaultMessage="(organisation default)"
                        />
                      </strong>
                    </>
                  ) : null}
                </td>
                <td>
                  <bdi>{c.timeZone}</bdi>
                </td>
                <td className="cal-summary">{summary(c)}</td>
                <td>{intl.formatNumber(c.holidays.length)}</td>
                <td>
                  <button type="button" className="secondary" onClick={() => setOpenId(c.id)}>
                    {canEdit
                      ? intl.formatMessage(
                          { id: 'settings.calendars.edit', defaultMessage: 'Edit {name}' },
                          { name: c.name },
                        )
                      : intl.formatMessage(
                          { id: 'settings.calendars.view', defaultMessage: 'Show {name}' },
                          { name: c.name },
                        )}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <div className="actions">
          <button type="button" onClick={() => setOpenId(NEW)}>
            <FormattedMessage id="settings.calendars.newButton" defaultMessage="New calendar" />
          </button>
        </div>
      ) : null}
      <FeedbackLine feedback={saved} />
      {openId === NEW ? (
        <CalendarEditor
          key={NEW}
          calendar={null}
          canEdit={canEdit}
          onSaved={(id, message) => {
            refetch({ requestPolicy: 'network-only' });
            setOpenId(id);
            setSaved({ kind: 'ok', text: message });
          }}
        />
      ) : null}
      {open ? (
        <>
          <CalendarEditor
            key={`${open.id}:${open.version}`}
            calendar={open}
            canEdit={canEdit}
            onSaved={(_id, message) => {
              refetch({ requestPolicy: 'network-only' });
              setSaved({ kind: 'ok', text: message });
            }}
          />
          <DuePreview key={open.id} calendar={open} />
        </>
      ) : null}
    </div>
  );
}
