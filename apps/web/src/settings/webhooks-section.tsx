import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { useSignedInUser } from '../auth/session';
import { describedBy, Feedback, FeedbackLine, FieldError } from './settings-feedback';
import { WebhookDeliveries } from './webhooks/webhook-deliveries';
import {
  CreateWebhookMutation,
  SettingsWebhookDepartmentsQuery,
  SettingsWebhooksQuery,
} from './webhooks/webhooks-documents';

const CONTEXT = { additionalTypenames: ['Webhook'] };

// A department's webhooks: the list, a new one (its signing secret shown once), deliveries.
export function WebhooksSection() {
  const intl = useIntl();
  const user = useSignedInUser();
  const canEdit = user.role === 'ADMIN' || user.role === 'OPS';
  const ids = { department: useId(), url: useId(), heading: useId() };
  const [departmentId, setDepartmentId] = useState('');
  const [url, setUrl] = useState('');
  const [urlError, setUrlError] = useState<string>();
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [{ data: depts }] = useQuery({ query: SettingsWebhookDepartmentsQuery });
  const [{ data, error }, refetch] = useQuery({
    query: SettingsWebhooksQuery,
    variables: { departmentId },
    pause: !departmentId,
    context: CONTEXT,
  });
  const [created, create] = useMutation(CreateWebhookMutation);
  const webhooks = departmentId ? (data?.departmentWebhooks ?? []) : [];
  const open = webhooks.find((w) => w.id === openId);
  const departments = [...(depts?.departments ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, intl.locale),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let valid: boolean;
    try {
      valid = ['http:', 'https:'].includes(new URL(url.trim()).protocol);
    } catch {
      valid = false;
    }
    if (!valid) {
      setUrlError(
        intl.formatMessage({
          id: 'settings.webhooks.urlInvalid',
          defaultMessage: 'Enter a full address starting with https://',
        }),
      );
      return;
    }
    setUrlError(undefined);
    const result = await create({ departmentId, url: url.trim() });
    const refusal = refusalOf(result.error);
    if (refusal || !result.data) {
      if (refusal) setFeedback({ kind: 'refused', refusal });
      setSecret(null);
      return;
    }
    setSecret(result.data.createDepartmentWebhook.secret);
    setFeedback({
      kind: 'ok',
      text: intl.formatMessage({
        id: 'settings.webhooks.created',
        defaultMessage: 'Webhook added. Copy its signing secret now: it is shown only once.',
      }),
    });
    setUrl('');
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="settings-webhooks">
      <div className="settings-toolbar">
        <div className="field">
          <label htmlFor={ids.department}>
            <FormattedMessage id="settings.webhooks.department" defaultMessage="Webhooks of" />
          </label>
          <select
            id={ids.department}
            value={departmentId}
            onChange={(e) => {
              setDepartmentId(e.target.value);
              setOpenId(null);
              setSecret(null);
              setFeedback(null);
            }}
          >
            <option value="">
              {intl.formatMessage({
                id: 'settings.webhooks.chooseDepartment',
                defaultMessage: 'Choose a department…',
              })}
            </option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && departmentId ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.webhooks.loadFailed"
            defaultMessage="The webhooks could not be loaded."
          />
        </p>
      ) : null}
      {departmentId ? (
        <>
          <div className="table-wrap">
            <table>
              <caption>
                {intl.formatMessage({ id: 'settings.webhooks.table', defaultMessage: 'Webhooks' })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="settings.webhooks.col.url" defaultMessage="Address" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="settings.webhooks.col.active" defaultMessage="State" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="settings.webhooks.col.createdAt" defaultMessage="Added" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="settings.webhooks.col.actions" defaultMessage="Actions" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {webhooks.length === 0 ? (
                  <tr>
                    <td colSpan={4} className="muted">
                      <FormattedMessage
                        id="settings.webhooks.none"
                        defaultMessage="No webhooks for this department."
                      />
                    </td>
                  </tr>
                ) : null}
                {webhooks.map((w) => (
                  <tr key={w.id} className={w.id === openId ? 'selected' : undefined}>
                    <td>
                      <bdi dir="ltr">{w.url}</bdi>
                    </td>
                    <td>
                      {w.active ? (
                        <FormattedMessage id="settings.webhooks.active" defaultMessage="Active" />
                      ) : (
                        <FormattedMessage
                          id="settings.webhooks.inactive"
                          defaultMessage="Inactive"
                        />
                      )}
                    </td>
                    <td>{intl.formatDate(w.createdAt, { dateStyle: 'medium' })}</td>
                    <td>
                      <button type="button" className="secondary" onClick={() => setOpenId(w.id)}>
                        {intl.formatMessage(
                          {
                            id: 'settings.webhooks.showDeliveries',
                            defaultMessage: 'Deliveries of {url}',
                          },
                          { url: w.url },
                        )}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {open ? <WebhookDeliveries key={open.id} webhookId={open.id} url={open.url} /> : null}
          {canEdit ? (
            <form
              className="card settings-form"
              aria-labelledby={ids.heading}
              onSubmit={submit}
              noValidate
            >
              <h3 id={ids.heading}>
                <FormattedMessage id="settings.webhooks.new" defaultMessage="New webhook" />
              </h3>
              <p className="muted hint">
                <FormattedMessage
                  id="settings.webhooks.hint"
                  defaultMessage="Intradesk POSTs this department's SLA events there, signed with HMAC-SHA256 in X-Intradesk-Signature."
                />
              </p>
              <div className="settings-inline-form">
                <div className="field">
                  <label htmlFor={ids.url}>
                    <FormattedMessage id="settings.webhooks.url" defaultMessage="Webhook address" />
                  </label>
                  <input
                    id={ids.url}
                    type="url"
                    dir="ltr"
                    size={40}
                    value={url}
                    placeholder="https://"
                    aria-invalid={urlError ? true : undefined}
                    aria-describedby={describedBy(urlError && `${ids.url}-error`)}
                    onChange={(e) => setUrl(e.target.value)}
                  />
                  <FieldError id={`${ids.url}-error`} message={urlError} />
                </div>
                <button type="submit" disabled={created.fetching}>
                  <FormattedMessage id="settings.webhooks.add" defaultMessage="Add webhook" />
                </button>
              </div>
              <FeedbackLine feedback={feedback} />
              {secret ? (
                <p>
                  <FormattedMessage
                    id="settings.webhooks.secret"
                    defaultMessage="Signing secret:"
                  />{' '}
                  <code className="secret" dir="ltr">
                    {secret}
                  </code>
                </p>
              ) : null}
            </form>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
