import { useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { RequestStatus } from '../gql/graphql';
import type { Sides, RequestView } from './request-types';
import type { RequestActions } from './use-request-actions';

export interface Move {
  to: RequestStatus;
  name: string;
  tone: 'primary' | 'secondary' | 'danger';
}

// The caller's allowed moves (allowedStatuses) under the names people use: the same target
// status reads "Start work" for the supplier and "Reopen" for a customer after resolution.
export function movesOf(
  intl: ReturnType<typeof useIntl>,
  request: RequestView,
  sides: Sides,
): Move[] {
  const moves: Move[] = [];
  for (const to of request.allowedStatuses) {
    switch (to) {
      case 'IN_PROGRESS':
        if (request.status === 'RESOLVED' && !sides.supplier)
          moves.push({
            to,
            name: intl.formatMessage({ id: 'request.move.reopen', defaultMessage: 'Reopen' }),
            tone: 'secondary',
          });
        else if (sides.supplier)
          moves.push({
            to,
            name: intl.formatMessage({ id: 'request.move.start', defaultMessage: 'Start work' }),
            tone: request.status === 'NEW' ? 'primary' : 'secondary',
          });
        // A customer waited on answers with a comment, which sends it back by itself.
        break;
      case 'WAITING_ON_CUSTOMER':
        moves.push({
          to,
          name: intl.formatMessage({
            id: 'request.move.wait',
            defaultMessage: 'Wait for customer',
          }),
          tone: 'secondary',
        });
        break;
      case 'RESOLVED':
        moves.push({
          to,
          name: intl.formatMessage({ id: 'request.move.resolve', defaultMessage: 'Resolve' }),
          tone: request.status === 'NEW' ? 'secondary' : 'primary',
        });
        break;
      case 'CLOSED':
        moves.push({
          to,
          name: intl.formatMessage({ id: 'request.move.close', defaultMessage: 'Close' }),
          tone: 'primary',
        });
        break;
      case 'CANCELLED':
        moves.push({
          to,
          name: intl.formatMessage({
            id: 'request.move.cancel',
            defaultMessage: 'Cancel request',
          }),
          tone: 'danger',
        });
        break;
    }
  }
  return moves;
}

export function StatusActions({
  moves,
  actions,
  request,
  sides,
}: {
  moves: Move[];
  actions: RequestActions;
  request: RequestView;
  sides: Sides;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // The pressed button goes away with the old status: keep keyboard focus on the new status.
  const moveAndFocus = async (to: RequestStatus) => {
    if (await actions.move(to)) document.getElementById('rq-status')?.focus();
  };
  const waitedOn = request.status === 'WAITING_ON_CUSTOMER' && sides.customer && !sides.supplier;
  if (moves.length === 0 && !waitedOn) return null;
  return (
    <div className="rq-moves">
      <div className="actions">
        {moves.map((m) => (
          <button
            key={m.to}
            type="button"
            className={m.tone === 'primary' ? undefined : m.tone}
            disabled={actions.busy}
            onClick={() =>
              m.to === 'CANCELLED' ? dialog.current?.showModal() : void moveAndFocus(m.to)
            }
          >
            {m.name}
          </button>
        ))}
      </div>
      {waitedOn && (
        <p className="notice rq-small">
          <FormattedMessage
            id="request.move.answerHint"
            defaultMessage="{supplier} is waiting on you: reply in the conversation and the request goes back to them."
            values={{ supplier: <bdi>{request.supplier.name}</bdi> }}
          />
        </p>
      )}
      {moves.some((m) => m.to === 'CANCELLED') && (
        <dialog ref={dialog} className="dialog" aria-labelledby="rq-cancel-title">
          <h2 id="rq-cancel-title">
            <FormattedMessage
              id="request.cancel.title"
              defaultMessage="Cancel {number}?"
              values={{ number: request.number }}
            />
          </h2>
          <p>
            <FormattedMessage
              id="request.cancel.text"
              defaultMessage="The supplier stops working on it and its clocks stop. This cannot be undone."
            />
          </p>
          <form method="dialog" className="actions">
            <button type="submit" value="keep" className="secondary" autoFocus>
              <FormattedMessage id="request.cancel.keep" defaultMessage="Keep it open" />
            </button>
            <button
              type="submit"
              value="cancel"
              className="danger"
              onClick={() => void moveAndFocus('CANCELLED')}
            >
              <FormattedMessage id="request.cancel.confirm" defaultMessage="Cancel the request" />
            </button>
          </form>
        </dialog>
      )}
    </div>
  );
}
