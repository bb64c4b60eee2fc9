import { FormEvent, useEffect, useId, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { graphql } from '../gql';
import type { MailChoice, NotificationKind } from '../gql/graphql';

const PreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      inApp
      email
    }
    mailSettings {
      digestHour
      locale
    }
  }
`);

const UpdatePreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(input: $input) {
      kind
      inApp
      email
    }
  }
`);

const UpdateDigestHourMutation = graphql(`
  mutation UpdateDigestHour($digestHour: Int!) {
    updateMailSettings(input: { digestHour: $digestHour }) {
      digestHour
      locale
    }
  }
`);

const EMAIL_CHOICES: MailChoice[] = [
  'IMMEDIATE' as MailChoice,
  'DIGEST' as MailChoice,
  'OFF' as MailChoice,
];

const EMAIL = defineMessages<MailChoice>({
  IMMEDIATE: { id: 'notifications.pref.email.IMMEDIATE', defaultMessage: 'E-mail at once' },
  DIGEST: { id: 'notifications.pref.email.DIGEST', defaultMessage: 'In the daily digest' },
  OFF: { id: 'notifications.pref.email.OFF', defaultMessage: 'No e-mail' },
});

const KIND = defineMessages<NotificationKind>({
  REQUEST_CREATED: {
    id: 'notifications.pref.REQUEST_CREATED',
    defaultMessage: 'New requests to my department',
  },
  REQUEST_ASSIGNED: {
    id: 'notifications.pref.REQUEST_ASSIGNED',
    defaultMessage: 'Requests assigned to me',
  },
  REQUEST_COMMENTED: {
    id: 'notifications.pref.REQUEST_COMMENTED',
    defaultMessage: 'Replies on my requests',
  },
  REQUEST_STATUS_CHANGED: {
    id: 'notifications.pref.REQUEST_STATUS_CHANGED',
    defaultMessage: 'Status changes (started, waiting on you, resolved…)',
  },
  RATING_INVITATION: {
    id: 'notifications.pref.RATING_INVITATION',
    defaultMessage: 'Invitations to rate a resolved request',
  },
  SURVEY_INVITATION: {
    id: 'notifications.pref.SURVEY_INVITATION',
    defaultMessage: 'Pulse survey invitations',
  },
  SLA_WARNING: {
    id: 'notifications.pref.SLA_WARNING',
    defaultMessage: 'Service-level warnings (a target is close)',
  },
  SLA_BREACHED: {
    id: 'notifications.pref.SLA_BREACHED',
    defaultMessage: 'Service-level breaches (a target was missed)',
  },
  SLA_ESCALATED: {
    id: 'notifications.pref.SLA_ESCALATED',
    defaultMessage: 'Escalations to me',
  },
});

interface Choice {
  inApp: boolean;
  email: MailChoice;
}

// Per kind of notification: shown in the app or not, and by e-mail at once, in the daily digest
// or not at all (notificationPreferences); the digest's local hour (mailSettings).
export function NotificationPreferencesForm() {
  const intl = useIntl();
  const legendId = useId();
  const emailLegendId = useId();
  const hourId = useId();
  const [result] = useQuery({ query: PreferencesQuery });
  const [saving, save] = useMutation(UpdatePreferencesMutation);
  const [savingHour, saveHour] = useMutation(UpdateDigestHourMutation);
  const [choices, setChoices] = useState<Map<NotificationKind, Choice> | null>(null);
  const [digestHour, setDigestHour] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);
  const preferences = result.data?.notificationPreferences;
  const settings = result.data?.mailSettings;

  useEffect(() => {
    if (preferences)
      setChoices(new Map(preferences.map((p) => [p.kind, { inApp: p.inApp, email: p.email }])));
  }, [preferences]);
  useEffect(() => {
    if (settings) setDigestHour(settings.digestHour);
  }, [settings]);

  const change = (kind: NotificationKind, patch: Partial<Choice>) => {
    if (!choices) return;
    setSaved(false);
    setChoices(new Map(choices).set(kind, { ...choices.get(kind)!, ...patch }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choices) return;
    setSaved(false);
    const r = await save({
      input: [...choices].map(([kind, c]) => ({ kind, inApp: c.inApp, email: c.email })),
    });
    const h = digestHour === null ? null : await saveHour({ digestHour });
    if (r.data && (!h || h.data)) setSaved(true);
  };
  const refusal = refusalOf(saving.error ?? savingHour.error ?? result.error);
  const hourLabel = (hour: number) =>
    intl.formatTime(Date.UTC(2000, 0, 1, hour), {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'UTC',
    });

  if (!choices)
    return (
      <p className="muted" role="status">
        <FormattedMessage id="notifications.prefs.loading" defaultMessage="Loading…" />
      </p>
    );
  return (
    <form className="card notification-preferences" onSubmit={submit}>
      <fieldset aria-describedby={`${legendId}-hint`}>
        <legend id={legendId}>
          <FormattedMessage id="notifications.prefs.legend" defaultMessage="Show in the app" />
        </legend>
        <p id={`${legendId}-hint`} className="muted">
          <FormattedMessage
            id="notifications.prefs.hint"
            defaultMessage="Turned-off kinds are neither listed nor counted; nobody else is affected."
          />
        </p>
        {[...choices].map(([kind, c]) => (
          <div key={kind}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={c.inApp}
                onChange={(e) => change(kind, { inApp: e.target.checked })}
              />
              {KIND[kind] ? intl.formatMessage(KIND[kind]) : kind}
            </label>
          </div>
        ))}
      </fieldset>
      <fieldset aria-describedby={`${emailLegendId}-hint`}>
        <legend id={emailLegendId}>
          <FormattedMessage id="notifications.prefs.emailLegend" defaultMessage="By e-mail" />
        </legend>
        <p id={`${emailLegendId}-hint`} className="muted">
          <FormattedMessage
            id="notifications.prefs.emailHint"
            defaultMessage="E-mail is written in the language you choose for the app."
          />
        </p>
        {[...choices].map(([kind, c]) => {
          const label = KIND[kind] ? intl.formatMessage(KIND[kind]) : kind;
          return (
            <div key={kind} className="field">
              <label htmlFor={`${emailLegendId}-${kind}`}>
                <FormattedMessage
                  id="notifications.prefs.emailFor"
                  defaultMessage="E-mail: {kind}"
                  values={{ kind: label }}
                />
              </label>
              <select
                id={`${emailLegendId}-${kind}`}
                value={c.email}
                onChange={(e) => change(kind, { email: e.target.value as MailChoice })}
              >
                {EMAIL_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {intl.formatMessage(EMAIL[choice])}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        {digestHour !== null && (
          <div className="field">
            <label htmlFor={hourId}>
              <FormattedMessage
                id="notifications.prefs.digestHour"
                defaultMessage="Daily digest at (your department's local time)"
              />
            </label>
            <select
              id={hourId}
              value={digestHour}
              onChange={(e) => {
                setSaved(false);
                setDigestHour(Number(e.target.value));
              }}
            >
              {Array.from({ length: 24 }, (_, hour) => (
                <option key={hour} value={hour}>
                  {hourLabel(hour)}
                </option>
              ))}
            </select>
          </div>
        )}
      </fieldset>
      {refusal && (
        <p className="error" role="alert">
          <FormattedMessage
            id="notifications.prefs.failed"
            defaultMessage="Your settings could not be saved. Try again in a moment."
          />
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={saving.fetching || savingHour.fetching}>
          <FormattedMessage id="notifications.prefs.save" defaultMessage="Save settings" />
        </button>
        <span role="status" className="muted">
          {saved && <FormattedMessage id="notifications.prefs.saved" defaultMessage="Saved." />}
        </span>
      </div>
    </form>
  );
}
