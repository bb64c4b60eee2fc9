import { useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useQuery } from 'urql';
import { useMorePages } from '../../api/use-more-pages';
import { graphql } from '../../gql';
import type { MailStatus, SettingsOutgoingMailQuery } from '../../gql/graphql';
import { ShowMore } from '../../ui/show-more';

const OutgoingMailQuery = graphql(`
  query SettingsOutgoingMail($status: [MailStatus!], $after: String) {
    outgoingMail(first: 50, status: $status, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          status
          toAddress
          subject
          textBody
          attempts
          lastError
          nextAttemptAt
          sentAt
          createdAt
          recipient {
            id
            name
          }
        }
      }
    }
  }
`);

const STATUSES: MailStatus[] = [
  'PENDING' as MailStatus,
  'SENT' as MailStatus,
  'FAILED' as MailStatus,
  'NOT_SENT' as MailStatus,
  'DIGEST_QUEUED' as MailStatus,
  'DIGESTED' as MailStatus,
];

function statusWords(intl: ReturnType<typeof useIntl>, status: string): string {
  switch (status) {
    case 'SENT':
      return intl.formatMessage({ id: 'settings.mail.status.SENT', defaultMessage: 'Sent' });
    case 'FAILED':
      return intl.formatMessage({
        id: 'settings.mail.status.FAILED',
        defaultMessage: 'Failed for good',
      });
    case 'NOT_SENT':
      return intl.formatMessage({
        id: 'settings.mail.status.NOT_SENT',
        defaultMessage: 'Not sent (no SMTP server set)',
      });
    case 'DIGEST_QUEUED':
      return intl.formatMessage({
        id: 'settings.mail.status.DIGEST_QUEUED',
        defaultMessage: 'Waiting for the daily digest',
      });
    case 'DIGESTED':
      return intl.formatMessage({
        id: 'settings.mail.status.DIGESTED',
        defaultMessage: 'Sent in a digest',
      });
    default:
      return intl.formatMessage({ id: 'settings.mail.status.PENDING', defaultMessage: 'Queued' });
  }
}

const pageOf = (data: SettingsOutgoingMailQuery) => ({
  nodes: data.outgoingMail.edges.map((e) => e.node),
  hasNextPage: data.outgoingMail.pageInfo.hasNextPage,
  endCursor: data.outgoingMail.pageInfo.endCursor ?? null,
});

// Administrators: every outgoing e-mail, newest first, with its status and last error; one
// message's text can be read in full (the only way to read them without an SMTP server). A page
// at a time: the first with the screen's query, the next ones with "Show more messages".
export function OutgoingMailSection() {
  const intl = useIntl();
  const filterId = useId();
  const [status, setStatus] = useState<MailStatus | ''>('');
  const [openId, setOpenId] = useState<string | null>(null);
  const variables = useMemo(() => ({ status: status ? [status] : null }), [status]);
  const [{ data, error, fetching }] = useQuery({
    query: OutgoingMailQuery,
    variables,
    requestPolicy: 'cache-and-network',
  });
  const first = useMemo(() => (data ? pageOf(data) : null), [data]);
  const pages = useMorePages(OutgoingMailQuery, variables, first, pageOf);
  const messages = pages.nodes;
  const open = messages.find((m) => m.id === openId);
  const when = (value: string | null | undefined) =>
    value ? intl.formatDate(value, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  return (
    <div className="card settings-form">
      <div className="settings-toolbar">
        <div className="field">
          <label htmlFor={filterId}>
            <FormattedMessage id="settings.mail.statusFilter" defaultMessage="Mail status" />
          </label>
          <select
            id={filterId}
            value={status}
            onChange={(e) => setStatus(e.target.value as MailStatus | '')}
          >
            <option value="">
              {intl.formatMessage({ id: 'settings.mail.anyStatus', defaultMessage: 'Any status' })}
            </option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusWords(intl, s)}
              </option>
            ))}
          </select>
        </div>
        {data && (
          <p className="muted" role="status">
            <FormattedMessage
              id="settings.mail.count"
              defaultMessage="{count, plural, one {# message} other {# messages}}"
              values={{ count: data.outgoingMail.totalCount }}
            />
          </p>
        )}
      </div>
      {error ? (
        <p role="alert" className="error">
          <FormattedMessage
            id="settings.mail.failedToLoad"
            defaultMessage="The outgoing mail could not be loaded."
          />
        </p>
      ) : null}
      <div className="table-wrap">
        <table aria-busy={fetching || undefined}>
          <caption>
            <FormattedMessage id="settings.mail.table" defaultMessage="Outgoing mail" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.created" defaultMessage="Queued" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.recipient" defaultMessage="Recipient" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.subject" defaultMessage="Subject" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.status" defaultMessage="Status" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.attempts" defaultMessage="Attempts" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.lastError" defaultMessage="Last error" />
              </th>
              <th scope="col">
                <FormattedMessage id="settings.mail.col.message" defaultMessage="Message" />
              </th>
            </tr>
          </thead>
          <tbody>
            {messages.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  <FormattedMessage id="settings.mail.none" defaultMessage="No messages." />
                </td>
              </tr>
            ) : null}
            {messages.map((m) => (
              <tr key={m.id}>
                <td>{when(m.createdAt)}</td>
                <td>
                  <bdi>{m.recipient?.name ?? m.toAddress ?? '—'}</bdi>
                  {m.toAddress && (
                    <span className="muted">
                      {' '}
                      <bdi>{`<${m.toAddress}>`}</bdi>
                    </span>
                  )}
                </td>
                <td>
                  <bdi>{m.subject ?? '—'}</bdi>
                </td>
                <td>
                  {statusWords(intl, m.status)}
                  {m.status === 'SENT' && m.sentAt ? ` · ${when(m.sentAt)}` : ''}
                  {m.status === 'PENDING' && m.nextAttemptAt ? ` · ${when(m.nextAttemptAt)}` : ''}
                </td>
                <td>{intl.formatNumber(m.attempts)}</td>
                <td>
                  <bdi>{m.lastError ?? '—'}</bdi>
                </td>
                <td>
                  {m.textBody ? (
                    <button
                      type="button"
                      className="secondary"
                      aria-expanded={openId === m.id}
                      onClick={() => setOpenId(openId === m.id ? null : m.id)}
                    >
                      {openId === m.id
                        ? intl.formatMessage({ id: 'settings.mail.hide', defaultMessage: 'Hide' })
                        : intl.formatMessage({ id: 'settings.mail.read', defaultMessage: 'Read' })}
                    </button>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && (
        <ShowMore
          shown={messages.length}
          total={data.outgoingMail.totalCount}
          hasMore={pages.hasNextPage}
          loading={pages.loading}
          failed={!!pages.error}
          onMore={pages.showMore}
        >
          <FormattedMessage id="settings.mail.showMore" defaultMessage="Show more messages" />
        </ShowMore>
      )}
      {open?.textBody && (
        <section
          className="card"
          aria-label={intl.formatMessage({
            id: 'settings.mail.opened',
            defaultMessage: 'Message text',
          })}
        >
          <h3>
            <bdi>{open.subject}</bdi>
          </h3>
          <pre dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {open.textBody}
          </pre>
        </section>
      )}
    </div>
  );
}
