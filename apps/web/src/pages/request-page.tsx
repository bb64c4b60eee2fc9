import { useCallback, useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { useSignedInUser } from '../auth/session';
import { RequestKudos } from '../kudos/request-kudos';
import { RequestEvent, useRequestEvents } from '../live/live-events';
import { AttachmentList } from '../request/attachments';
import { Conversation } from '../request/conversation';
import { HistoryList } from '../request/history-list';
import { RatingPanel } from '../request/rating-panel';
import { RefusalAlert } from '../request/refusal-alert';
import { RequestDetails } from '../request/request-details';
import { RequestPageQuery, RequestSlaQuery } from '../request/request-documents';
import { RequestHeader } from '../request/request-header';
import { ratingOpen, readerSide, sidesOf } from '../request/request-types';
import { SlaPanel } from '../request/sla-panel';
import { movesOf, StatusActions } from '../request/status-actions';
import { useAnnouncer } from '../request/use-announcer';
import { useRequestActions } from '../request/use-request-actions';
import { useRequestShortcuts } from '../request/use-request-shortcuts';
import { useNow } from '../sla/use-now';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/request.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The mutations of this page return comments and ratings too: refetch the page after them.
const PAGE_CONTEXT = { additionalTypenames: ['Comment', 'Rating'] };
const SLA_REFRESH_MS = 60_000;

// /requests/IT-42 (or /requests/<uuid> from a notification link): everything about one request.
export default function RequestPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  const navigate = useNavigate();
  const ref = useParams().ref ?? '';
  const variables = UUID.test(ref) ? { id: ref } : { number: ref.toUpperCase() };
  const [page, reexecute] = useQuery({
    query: RequestPageQuery,
    variables,
    context: PAGE_CONTEXT,
  });
  const request = page.data?.request;
  const [slaResult, reexecuteSla] = useQuery({
    query: RequestSlaQuery,
    variables: { id: request?.id ?? '' },
    pause: !request,
  });
  const actions = useRequestActions(request);
  const announcer = useAnnouncer();
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const now = useNow();

  const refetch = useCallback(() => {
    reexecute({ requestPolicy: 'network-only' });
    reexecuteSla({ requestPolicy: 'network-only' });
  }, [reexecute, reexecuteSla]);

  const reload = useCallback(() => {
    actions.setRefusal(null);
    refetch();
  }, [actions, refetch]);

  // A notification link names the request by id: show its number in the address instead.
  useEffect(() => {
    if (request && UUID.test(ref)) navigate(`/requests/${request.number}`, { replace: true });
  }, [request, ref, navigate]);

  // Live countdown: the clocks' remaining time comes from the server, refreshed each minute.
  const sla = slaResult.data?.request.sla;
  const running = sla?.firstResponse.state === 'RUNNING' || sla?.resolution.state === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(
      () => reexecuteSla({ requestPolicy: 'network-only' }),
      SLA_REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [running, reexecuteSla]);

  useRequestEvents((event: RequestEvent) => {
    if (!request || event.request.id !== request.id) return;
    refetch();
    if (!actions.isOwnEvent()) announcer.announce(event);
  });

  const sides = request ? sidesOf(user, request) : null;
  const moves = request && sides ? movesOf(intl, request, sides) : [];
  useRequestShortcuts({ request, sides, moves, actions, commentBox, userId: user.id });

  useDocumentTitle(
    request
      ? `${request.number} · ${request.title}`
      : intl.formatMessage({ id: 'request.pageTitle', defaultMessage: 'Request' }),
  );

  const loadRefusal = refusalOf(page.error);
  if (!request) {
    if (page.fetching || !page.error)
      return (
        <p className="muted" role="status">
          <FormattedMessage id="request.loading" defaultMessage="Loading the request…" />
        </p>
      );
    const missing = loadRefusal?.code === 'NOT_FOUND' || loadRefusal?.code === 'BAD_USER_INPUT';
    return (
      <section className="rq-missing">
        <h1>
          {missing ? (
            <FormattedMessage id="request.notFound.title" defaultMessage="Request not found" />
          ) : (
            <FormattedMessage id="request.loadFailed" defaultMessage="The request did not load" />
          )}
        </h1>
        <p>
          {missing ? (
            <FormattedMessage
              id="request.notFound.text"
              defaultMessage="There is no request {ref}, or it is not yours to see."
              values={{ ref: <bdi>{ref}</bdi> }}
            />
          ) : (
            <button type="button" onClick={refetch}>
              <FormattedMessage id="request.retry" defaultMessage="Try again" />
            </button>
          )}
        </p>
        <Link to="/">
          <FormattedMessage id="request.backHome" defaultMessage="Go to the start page" />
        </Link>
      </section>
    );
  }
  if (!sides) return null;

  const canRate = sides.rates && ratingOpen(request, now);
  const canRateQuality = sides.ratesQuality && ratingOpen(request, now);
  const onRefused = actions.setRefusal;
  return (
    <article className="rq-page">
      <RequestHeader request={request} sides={sides} />
      <p role="status" className="rq-live" aria-live="polite">
        {announcer.text}
      </p>
      {actions.refusal && (
        <RefusalAlert refusal={actions.refusal} onReload={reload} userName={user.name} />
      )}
      <div className="rq-layout">
        {/* First in reading order (and on small screens), beside the conversation on wide ones. */}
        <div className="rq-actions">
          <StatusActions moves={moves} actions={actions} request={request} sides={sides} />
        </div>
        <div className="rq-main">
          {(canRate || request.rating) && (
            <RatingPanel
              key={`c-${request.rating?.updatedAt ?? 'none'}`}
              request={request}
              kind="customer"
              rating={request.rating}
              canRate={canRate}
              own={sides.customer && !sides.supplier}
              onRefused={onRefused}
              onSent={actions.own}
            />
          )}
          <section className="card rq-description" aria-labelledby="rq-description-title">
            <h2 id="rq-description-title">
              <FormattedMessage id="request.description" defaultMessage="Description" />
            </h2>
            {request.description ? (
              <p className="rq-text" dir="auto">
                {request.description}
              </p>
            ) : (
              <p className="muted">
                <FormattedMessage id="request.noDescription" defaultMessage="No description." />
              </p>
            )}
            {/* The request's own files: filed with it (New request form, e-mail). */}
            <AttachmentList attachments={request.attachments} />
          </section>
          <Conversation
            request={request}
            canWriteNotes={sides.notes}
            commentBox={commentBox}
            onRefused={onRefused}
            onSent={(phase) => {
              actions.own(phase);
              if (phase === 'done') refetch();
            }}
            waitForCustomer={
              sides.supplier && request.allowedStatuses.includes('WAITING_ON_CUSTOMER')
                ? () => actions.move('WAITING_ON_CUSTOMER')
                : undefined
            }
          />
          {(canRateQuality || request.qualityRating) && (
            <RatingPanel
              key={`q-${request.qualityRating?.updatedAt ?? 'none'}`}
              request={request}
              kind="quality"
              rating={request.qualityRating}
              canRate={canRateQuality}
              own={sides.ratesQuality}
              onRefused={onRefused}
              onSent={actions.own}
            />
          )}
          <HistoryList history={request.history} />
        </div>
        <div className="rq-side">
          <RequestDetails request={request} sides={sides} user={user} actions={actions} />
          <SlaPanel
            sla={sla}
            loading={slaResult.fetching}
            side={readerSide(sides)}
            waiting={request.status === 'WAITING_ON_CUSTOMER'}
            history={request.history}
          />
          <RequestKudos request={request} user={user} />
          <p className="muted rq-small">
            <FormattedMessage
              id="request.shortcutsHint"
              defaultMessage="Press {key} for keyboard shortcuts."
              values={{ key: <kbd>?</kbd> }}
            />
          </p>
        </div>
      </div>
    </article>
  );
}
