import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { priorityLabel, statusLabel } from '../ui/labels';
import type { RequestView, Sides } from './request-types';

// The number and title, the status and priority in words, and the way back to the list.
export function RequestHeader({ request, sides }: { request: RequestView; sides: Sides }) {
  const intl = useIntl();
  const worksQueue = sides.supplier && !sides.customer;
  return (
    <header className="rq-head">
      <Link to={worksQueue ? '/queue' : '/my-requests'} className="rq-back">
        <span className="mirror" aria-hidden="true">
          ←
        </span>{' '}
        {worksQueue ? (
          <FormattedMessage id="request.back.queue" defaultMessage="Queue" />
        ) : (
          <FormattedMessage id="request.back.mine" defaultMessage="My requests" />
        )}
      </Link>
      <h1>
        <span className="rq-number">{request.number}</span> <bdi>{request.title}</bdi>
      </h1>
      <p className="rq-badges">
        <span id="rq-status" tabIndex={-1} className={`rq-status ${request.status}`}>
          <FormattedMessage
            id="request.status"
            defaultMessage="Status: {status}"
            values={{ status: <strong>{statusLabel(intl, request.status)}</strong> }}
          />
        </span>
        <span className={`rq-priority ${request.priority}`}>
          {priorityLabel(intl, request.priority)}
        </span>
        <span className="muted">
          <FormattedMessage
            id="request.route"
            defaultMessage="{customer} → {supplier}"
            values={{
              customer: <bdi>{request.customer.code}</bdi>,
              supplier: <bdi>{request.supplier.code}</bdi>,
            }}
          />
        </span>
      </p>
    </header>
  );
}
