import { FormEvent, useEffect, useId, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { graphql } from '../gql';
import type { NotificationKind } from '../gql/graphql';

const PreferencesQuery = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kind
      inApp
    }
  }
`);

const UpdatePreferencesMutation = graphql(`
  mutation UpdateNotificationPreferences($input: [NotificationPreferenceInput!]!) {
    updateNotificationPreferences(input: $input) {
      kind
      inApp
    }
  }
`);

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

// Per kind of notification: shown in the app or not (notificationPreferences).
export function NotificationPreferencesForm() {
  const intl = useIntl();
  const legendId = useId();
  const [result] = useQuery({ query: PreferencesQuery });
  const [saving, save] = useMutation(UpdatePreferencesMutation);
  const [choices, setChoices] = useState<Map<NotificationKind, boolean> | null>(null);
  const [saved, setSaved] = useState(false);
  const preferences = result.data?.notificationPreferences;

  useEffect(() => {
    if (preferences) setChoices(new Map(preferences.map((p) => [p.kind, p.inApp])));
  }, [preferences]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!choices) return;
    setSaved(false);
    const r = await save({
      input: [...choices].map(([kind, inApp]) => ({ kind, inApp })),
    });
    if (r.data) setSaved(true);
  };
  const refusal = refusalOf(saving.error ?? result.error);

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
        {[...choices].map(([kind, on]) => (
          <div key={kind}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={on}
                onChange={(e) => {
                  setSaved(false);
                  setChoices(new Map(choices).set(kind, e.target.checked));
                }}
              />
              {KIND[kind] ? intl.formatMessage(KIND[kind]) : kind}
            </label>
          </div>
        ))}
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
        <button type="submit" disabled={saving.fetching}>
          <FormattedMessage id="notifications.prefs.save" defaultMessage="Save settings" />
        </button>
        <span role="status" className="muted">
          {saved && <FormattedMessage id="notifications.prefs.saved" defaultMessage="Saved." />}
        </span>
      </div>
    </form>
  );
}
