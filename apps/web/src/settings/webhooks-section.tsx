import { FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation, useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { useSignedInUser } from '../auth/session';
import { Modal } from '../people/modal';
import '../styles/people.css';
import {
  describedBy,
  Feedback,
  FeedbackLine,
  FieldError,
  settingsRefusalWords,
  ShortButton,
} from './settings-feedback';
import { WebhookDeliveries } from './webhooks/webhook-deliveries';
import {
  CreateWebhookMutation,
  DeleteWebhookMutation,
  SetWebhookActiveMutation,
  SettingsWebhookDepartmentsQuery,
  SettingsWebhooksQuery,
} from './webhooks/webhooks-documents';

const CONTEXT = { additionalTypenames: ['Webhook'] };

interface WebhookRow {
  id: string;
  url: string;
  active: boolean;
}

// A department's webhooks: the list (each paused, resumed or deleted from its row), a new one
// (its signing secret shown once), deliveries.
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
    // Fresh each time a department is chosen: others (and scripts) change webhooks too.
    requestPolicy: 'cache-and-network',
    context: CONTEXT,
  });
  const [created, create] = useMutation(CreateWebhookMutation);
  const [activeChange, setActive] = useMutation(SetWebhookActiveMutation);
  const [deletion, remove] = useMutation(DeleteWebhookMutation);
  const [rowFeedback, setRowFeedback] = useState<Feedback>(null);
  const [deleting, setDeleting] = useState<WebhookRow | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
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

  const pauseOrResume = async (w: WebhookRow) => {
    const result = await setActive({ id: w.id, active: !w.active });
    const refusal = refusalOf(result.error);
    if (refusal || !result.data) {
      if (refusal) setRowFeedback({ kind: 'refused', refusal });
      return;
    }
    const { url: address, active } = result.data.setDepartmentWebhookActive;
    setRowFeedback({
      kind: 'ok',
      text: active
        ? intl.formatMessage(
            {
              id: 'settings.webhooks.resumed',
              defaultMessage: 'Webhook {url} resumed: it gets new events again.',
            },
            { url: address },
          )
        : intl.formatMessage(
            {
              id: 'settings.webhooks.pausedDone',
              defaultMessage:
                'Webhook {url} paused: it gets no new events, and its pending deliveries wait.',
            },
            { url: address },
          ),
    });
    refetch({ requestPolicy: 'network-only' });
  };

  const confirmDelete = async (w: WebhookRow) => {
    setDeleteError(null);
    const result = await remove({ id: w.id });
    const refusal = refusalOf(result.error);
    if (refusal || !result.data) {
      setDeleteError(refusal ? settingsRefusalWords(intl, refusal) : null);
      return;
    }
    setDeleting(null);
    if (openId === w.id) setOpenId(null);
    setRowFeedback({
      kind: 'ok',
      text: intl.formatMessage(
        { id: 'settings.webhooks.deleted', defaultMessage: 'Webhook {url} deleted.' },
        { url: w.url },
      ),
    });
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
              setRowFeedback(null);
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
                        <>
                          <span aria-hidden="true">⏸ </span>
                          <FormattedMessage id="settings.webhooks.paused" defaultMessage="Paused" />
                        </>
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
                      {canEdit ? (
                        <>
                          {' '}
                          <ShortButton
                            word={
                              w.active
                                ? intl.formatMessage({
                                    id: 'settings.webhooks.pause',
                                    defaultMessage: 'Pause',
                                  })
                                : intl.formatMessage({
                                    id: 'settings.webhooks.resume',
                                    defaultMessage: 'Resume',
                                  })
                            }
                            name={
                              w.active
                                ? intl.formatMessage(
                                    {
                                      id: 'settings.webhooks.pauseNamed',
                                      defaultMessage: 'Pause {url}',
                                    },
                                    { url: w.url },
                                  )
                                : intl.formatMessage(
                                    {
                                      id: 'settings.webhooks.resumeNamed',
                                      defaultMessage: 'Resume {url}',
                                    },
                                    { url: w.url },
                                  )
                            }
                            disabled={activeChange.fetching}
                            onClick={() => void pauseOrResume(w)}
                          />{' '}
                          <ShortButton
                            className="danger"
                            word={intl.formatMessage({
                              id: 'settings.webhooks.delete',
                              defaultMessage: 'Delete',
                            })}
                            name={intl.formatMessage(
                              {
                                id: 'settings.webhooks.deleteNamed',
                                defaultMessage: 'Delete {url}',
                              },
                              { url: w.url },
                            )}
                            onClick={() => {
                              setDeleteError(null);
                              setDeleting(w);
                            }}
                          />
                        </>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <FeedbackLine feedback={rowFeedback} />
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
      {deleting ? (
        <ConfirmDeleteWebhookDialog
          url={deleting.url}
          busy={deletion.fetching}
          error={deleteError}
          onConfirm={() => void confirmDelete(deleting)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}

// Deleting takes the deliveries and their history with it, so it is asked first; Cancel comes
// first, so it has the focus when the dialog opens. Pausing is the way to keep them.
function ConfirmDeleteWebhookDialog({
  url,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  url: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onClose={onClose}>
      <h3 id={titleId}>
        <FormattedMessage
          id="settings.webhooks.delete.title"
          defaultMessage="Delete the webhook {url}?"
          values={{ url: <bdi dir="ltr">{url}</bdi> }}
        />
      </h3>
      <p>
        <FormattedMessage
          id="settings.webhooks.delete.explain"
          defaultMessage="It gets no more events, and its deliveries and their history are deleted with it. Pause it instead to keep them."
        />
      </p>
      {error ? (
        <p role="alert" className="error">
          <span aria-hidden="true">⚠ </span>
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose} autoFocus>
          <FormattedMessage id="settings.webhooks.delete.cancel" defaultMessage="Cancel" />
        </button>
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          <FormattedMessage id="settings.webhooks.delete.confirm" defaultMessage="Delete webhook" />
        </button>
      </div>
    </Modal>
  );
}
