import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { refusalOf } from '../api/errors';
import { SlaClockText, slaTone } from '../sla/sla-clock-text';
import { formatMinutes } from '../sla/business-duration';
import { useNow } from '../sla/use-now';
import { priorityLabel, statusLabel } from '../ui/labels';
import { AssigneeSelect } from './assignee-select';
import { AtRiskAssignMutation } from './at-risk-documents';
import { AtRiskRow, liveClock, orderAtRisk } from './at-risk-order';

export type { AtRiskRow };

export interface Assignable {
  id: string;
  name: string;
}

const TONE_SYMBOL = { ok: '●', warn: '▲', bad: '■', idle: '○' } as const;

export function AtRiskTable({
  rows,
  fetchedAt,
  people,
  canReassign,
  onChanged,
  say,
}: {
  rows: readonly AtRiskRow[];
  fetchedAt: number;
  people: readonly Assignable[];
  canReassign: boolean;
  onChanged: () => void;
  say: (text: string) => void;
}) {
  const intl = useIntl();
  const now = useNow(30_000);
  const [, assign] = useMutation(AtRiskAssignMutation);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One row per request (both of its clocks may be at risk), the most urgent clock first.
  const ordered = useMemo(() => {
    const byRequest = new Map<
      string,
      { request: AtRiskRow['request']; clocks: AtRiskRow['clock'][] }
    >();
    for (const { request, clock } of orderAtRisk(rows)) {
      const entry = byRequest.get(request.id);
      if (entry) entry.clocks.push(clock);
      else byRequest.set(request.id, { request, clocks: [clock] });
    }
    return [...byRequest.values()];
  }, [rows]);

  const reassign = useCallback(
    async (request: AtRiskRow['request'], assigneeId: string | null) => {
      setBusyId(request.id);
      setError(null);
      const result = await assign({
        id: request.id,
        assigneeId,
        expectedVersion: request.version,
      });
      setBusyId(null);
      const refusal = refusalOf(result.error);
      if (refusal) {
        const byName = (refusal.extensions.lastChange as { actorName?: string } | undefined)
          ?.actorName;
        setError(
          refusal.code === 'CONFLICT'
            ? byName
              ? intl.formatMessage(
                  {
                    id: 'atRisk.reassign.staleBy',
                    defaultMessage:
                      '{name} changed {number} a moment ago. The table now shows the latest; choose the assignee again if you still want to.',
                  },
                  { name: byName, number: request.number },
                )
              : intl.formatMessage(
                  {
                    id: 'atRisk.reassign.stale',
                    defaultMessage:
                      'Someone changed {number} a moment ago. The table now shows the latest; choose the assignee again if you still want to.',
                  },
                  { number: request.number },
                )
            : refusal.code === 'FORBIDDEN'
              ? intl.formatMessage(
                  {
                    id: 'atRisk.reassign.forbidden',
                    defaultMessage: 'You may not reassign {number}.',
                  },
                  { number: request.number },
                )
              : refusal.reason === 'ASSIGNEE_NOT_IN_SUPPLIER'
                ? intl.formatMessage(
                    {
                      id: 'atRisk.reassign.notInSupplier',
                      defaultMessage: '{number} can only go to someone in its supplier department.',
                    },
                    { number: request.number },
                  )
                : intl.formatMessage(
                    {
                      id: 'atRisk.reassign.failed',
                      defaultMessage: '{number} could not be reassigned. Retry in a moment.',
                    },
                    { number: request.number },
                  ),
        );
        onChanged();
        return;
      }
      const name = result.data?.assignRequest.assignee?.name;
      say(
        name
          ? intl.formatMessage(
              { id: 'atRisk.reassign.done', defaultMessage: '{number} is now assigned to {name}' },
              { number: request.number, name },
            )
          : intl.formatMessage(
              { id: 'atRisk.reassign.doneNobody', defaultMessage: '{number} is now unassigned' },
              { number: request.number },
            ),
      );
      onChanged();
    },
    [assign, intl, onChanged, say],
  );

  return (
    <>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {/* Focusable, so a keyboard can scroll it when it is wider than the screen. */}
      <div
        className="table-wrap"
        tabIndex={0}
        role="region"
        aria-label={intl.formatMessage({ id: 'atRisk.table', defaultMessage: 'At risk' })}
      >
        <table className="at-risk-table">
          <caption>
            <FormattedMessage id="atRisk.table" defaultMessage="At risk" />{' '}
            <span className="muted">
              <FormattedMessage
                id="atRisk.table.count"
                defaultMessage="({count, plural, =0 {no requests} one {# request} other {# requests}})"
                values={{ count: ordered.length }}
              />
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="atRisk.col.request" defaultMessage="Request" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.col.clock" defaultMessage="Clock" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.col.due" defaultMessage="Due" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.col.priority" defaultMessage="Priority" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.col.status" defaultMessage="Status" />
              </th>
              <th scope="col">
                <FormattedMessage id="atRisk.col.assignee" defaultMessage="Assignee" />
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  <FormattedMessage
                    id="atRisk.empty"
                    defaultMessage="No running clock is due within this window. Choose a longer one in Within to look further ahead."
                  />
                </td>
              </tr>
            )}
            {ordered.map(({ clocks, request }) => {
              const options =
                request.assignee && !people.some((p) => p.id === request.assignee!.id)
                  ? [...people, request.assignee]
                  : people;
              return (
                <tr key={request.id} data-request-number={request.number}>
                  <td className="at-risk-request">
                    <Link to={`/requests/${request.number}`}>{request.number}</Link>{' '}
                    <bdi>{request.title}</bdi>
                    <div className="muted at-risk-customer">
                      <FormattedMessage
                        id="atRisk.row.customer"
                        defaultMessage="for {customer}"
                        values={{ customer: <bdi>{request.customer.name}</bdi> }}
                      />
                    </div>
                  </td>
                  <td>
                    {clocks.map((clock) => (
                      <div key={clock.kind} className="at-risk-clock">
                        {clock.kind === 'FIRST_RESPONSE' ? (
                          <FormattedMessage
                            id="atRisk.clock.firstResponse"
                            defaultMessage="First response"
                          />
                        ) : (
                          <FormattedMessage
                            id="atRisk.clock.resolution"
                            defaultMessage="Resolution"
                          />
                        )}
                        <div className="muted">
                          <FormattedMessage
                            id="atRisk.row.target"
                            defaultMessage="target {target}"
                            values={{ target: formatMinutes(clock.targetMinutes, intl.locale) }}
                          />
                        </div>
                      </div>
                    ))}
                  </td>
                  <td>
                    {clocks.map((clock) => {
                      const shown = liveClock(clock, fetchedAt, now);
                      const tone = slaTone(shown);
                      return (
                        <div key={clock.kind} className="at-risk-clock">
                          <span className={`sla ${tone}`}>
                            <span aria-hidden="true">{TONE_SYMBOL[tone]}</span>
                            <span>
                              <SlaClockText
                                clock={{ ...shown, countingNow: null }}
                                side="supplier"
                                waitingOnCustomer={request.status === 'WAITING_ON_CUSTOMER'}
                              />
                              {shown.state === 'RUNNING' && shown.countingNow === false && (
                                <span className="at-risk-off-hours">
                                  {' · '}
                                  <FormattedMessage
                                    id="atRisk.row.offHours"
                                    defaultMessage="off hours"
                                  />
                                </span>
                              )}
                            </span>
                          </span>
                          {shown.dueAt && (
                            <div className="muted">
                              <time dateTime={shown.dueAt}>
                                {intl.formatDate(shown.dueAt, {
                                  weekday: 'short',
                                  day: 'numeric',
                                  month: 'short',
                                  hour: 'numeric',
                                  minute: '2-digit',
                                })}
                              </time>
                            </div>
                          )}
                        </div>
                      );
                    })}
                  </td>
                  <td className={`priority-${request.priority}`}>
                    {priorityLabel(intl, request.priority)}
                  </td>
                  <td>{statusLabel(intl, request.status)}</td>
                  <td>
                    {canReassign ? (
                      <AssigneeSelect
                        number={request.number}
                        currentId={request.assignee?.id ?? null}
                        people={options}
                        busy={busyId === request.id}
                        onChoose={(assigneeId) => reassign(request, assigneeId)}
                      />
                    ) : request.assignee ? (
                      <bdi>{request.assignee.name}</bdi>
                    ) : (
                      <span className="muted">
                        <FormattedMessage id="atRisk.row.unassigned" defaultMessage="Unassigned" />
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
