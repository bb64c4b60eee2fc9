import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import type { QueuePageQuery } from '../gql/graphql';
import { ReaderSide, SlaClockText, slaTone } from '../sla/sla-clock-text';
import { priorityLabel, statusLabel } from '../ui/labels';
import { OPEN_STATUSES } from './queue-params';
import { RelativeTime } from './relative-time';

export type QueueRequest = QueuePageQuery['requests']['edges'][number]['node'];

const TONE_SYMBOL = { ok: '●', warn: '▲', bad: '■', idle: '○' } as const;

function Clock({
  clock,
  side,
  request,
  label,
}: {
  clock: NonNullable<QueueRequest['sla']>['resolution'];
  side: ReaderSide;
  request: QueueRequest;
  label?: string;
}) {
  const tone = slaTone(clock);
  // The long "(not counting now: outside working hours)" would make every row three lines
  // tall at night; the queue says it in two words.
  const offHours = clock.state === 'RUNNING' && clock.countingNow === false;
  return (
    <span className={`sla ${tone}`}>
      <span aria-hidden="true">{TONE_SYMBOL[tone]}</span>
      <span>
        {label && <span className="queue-clock-label">{label} </span>}
        <SlaClockText
          clock={{ ...clock, countingNow: null }}
          side={side}
          waitingOnCustomer={request.status === 'WAITING_ON_CUSTOMER'}
        />
        {offHours && (
          <span className="queue-off-hours">
            {' · '}
            <FormattedMessage id="queue.row.offHours" defaultMessage="off hours" />
          </span>
        )}
      </span>
    </span>
  );
}

export function QueueRow({
  request,
  selected,
  changed,
  side,
  canAssignToMe,
  assigning,
  onAssignToMe,
  onFocusRow,
}: {
  request: QueueRequest;
  selected: boolean;
  changed: boolean;
  side: ReaderSide;
  canAssignToMe: boolean;
  assigning: boolean;
  onAssignToMe: () => void;
  onFocusRow: () => void;
}) {
  const intl = useIntl();
  const numberId = useId();
  const sla = request.sla;
  const firstResponseRunning =
    sla && (sla.firstResponse.state === 'RUNNING' || sla.firstResponse.state === 'PAUSED');
  const classes = [selected && 'selected', changed && 'changed'].filter(Boolean).join(' ');
  return (
    <tr
      className={classes || undefined}
      data-request-id={request.id}
      onFocus={onFocusRow}
      onClick={onFocusRow}
    >
      <td className="queue-number">
        <Link id={numberId} to={`/requests/${request.number}`}>
          {request.number}
        </Link>
      </td>
      <td className="queue-title">
        <bdi>{request.title}</bdi>
      </td>
      <td>
        <bdi>{request.customer.name}</bdi>
      </td>
      <td>
        {request.service ? (
          <bdi>{request.service.name}</bdi>
        ) : (
          <span className="muted">
            <FormattedMessage id="queue.row.noService" defaultMessage="None" />
          </span>
        )}
      </td>
      <td className={`queue-priority priority-${request.priority}`}>
        {priorityLabel(intl, request.priority)}
      </td>
      <td className="status">{statusLabel(intl, request.status)}</td>
      <td>
        {request.assignee ? (
          <bdi>{request.assignee.name}</bdi>
        ) : (
          <span className="muted">
            <FormattedMessage id="queue.row.unassigned" defaultMessage="Unassigned" />
          </span>
        )}
      </td>
      <td className="queue-sla">
        {sla ? (
          <>
            <Clock
              clock={sla.resolution}
              side={side}
              request={request}
              label={
                firstResponseRunning
                  ? intl.formatMessage({
                      id: 'queue.row.resolution',
                      defaultMessage: 'Resolution:',
                    })
                  : undefined
              }
            />
            {firstResponseRunning && (
              <Clock
                clock={sla.firstResponse}
                side={side}
                request={request}
                label={intl.formatMessage({
                  id: 'queue.row.firstResponse',
                  defaultMessage: 'First response:',
                })}
              />
            )}
          </>
        ) : (
          <span className="muted">
            <FormattedMessage id="queue.row.noSla" defaultMessage="No SLA" />
          </span>
        )}
      </td>
      <td className="queue-time">
        <RelativeTime at={request.createdAt} />
      </td>
      <td className="queue-time">
        <RelativeTime at={request.updatedAt} />
      </td>
      <td className="queue-actions">
        {canAssignToMe && OPEN_STATUSES.includes(request.status) && (
          <button
            type="button"
            className="secondary"
            aria-describedby={numberId}
            disabled={assigning}
            onClick={(e) => {
              e.stopPropagation();
              onAssignToMe();
            }}
          >
            <FormattedMessage id="queue.row.assignToMe" defaultMessage="Assign to me" />
          </button>
        )}
      </td>
    </tr>
  );
}
