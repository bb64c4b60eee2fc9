import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { WebhookDeliveriesQuery } from './webhooks-documents';

const STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
type Status = (typeof STATUSES)[number];

function statusWords(intl: ReturnType<typeof useIntl>, status: string): string {
  switch (status) {
    case 'DELIVERED':
      return intl.formatMessage({
        id: 'settings.webhooks.status.DELIVERED',
        defaultMessage: 'Delivered',
      });
    case 'FAILED':
      return intl.formatMessage({
        id: 'settings.webhooks.status.FAILED',
        defaultMessage: 'Failed',
      });
    default:
      return intl.formatMessage({
        id: 'settings.webhooks.status.PENDING',
        defaultMessage: 'Pending',
      });
  }
}

// The latest 100 deliveries of one webhook, filtered by status.
export function WebhookDeliveries({ webhookId, url }: { webhookId: string; url: string }) {
  const intl = useIntl();
  const filterId = useId();
  const [status, setStatus] = useState<Status | ''>('');
  const [{ data, error, fetching }] = useQuery({
    query: WebhookDeliveriesQuery,
    variables: { webhookId, status: (status || null) as never },
    requestPolicy: 'cache-and-network',
  });
  const deliveries = data?.webhookDeliveries.edges.map((e) => e.node) ?? [];
  const when = (value: string | null | undefined) =>
    value ? intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  const name = intl.formatMessage(
    { id: 'settings.webhooks.deliveries', defaultMessage: 'Deliveries to {url}' },
    { url },
  );
  return (
    <div className="card settings-form">
      <div className="settings-toolbar">
        <div className="field">
          <label htmlFor={filterId}>
            <FormattedMessage
              id="settings.webhooks.statusFilter"
              defaultMessage="Delivery status"
            />
          </label>
          <select
            id={filterId}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status | '')}
          >
            <option value="">
              {intl.formatMessage({
                id: 'settings.webhooks.anyStatus',
                defaultMessage: 'Any status',
              })}
            </option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusWords(intl, s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.webhooks.deliveriesFailed"
            defaultMessage="The deliveries could not be loaded."
          />
        </p>
      ) : null}
      <div className="table-wrap">
        <table aria-busy={fetching || undefined}>
          <caption>
            <bdi>{name}</bdi>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settings.webhooks.col.event" defaultMessage="Event" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.webhooks.col.status" defaultMessage="Status" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.webhooks.col.attempts" defaultMessage="Attempts" />
              </th>
              <th scope="col">
                <FormattedMessage
                  id="settings.webhooks.col.lastError"
                  defaultMessage="Last error"
                />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.webhooks.col.next" defaultMessage="Next attempt" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.webhooks.col.created" defaultMessage="Queued" />
              </th>
            </tr>
          </thead>
          <tbody>
            {deliveries.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  <FormattedMessage
                    id="settings.webhooks.noDeliveries"
                    defaultMessage="No deliveries."
                  />
                </td>
              </tr>
            ) : null}
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>
                  <bdi>{d.event}</bdi>
                </td>
                <td>{statusWords(intl, d.status)}</td>
                <td>{intl.formatNumber(d.attempts)}</td>
                <td>
                  <bdi>{d.lastError ?? '—'}</bdi>
                </td>
                <td>{when(d.nextAttemptAt)}</td>
                <td>{when(d.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
