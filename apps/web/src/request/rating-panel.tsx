import { FormEvent, ReactNode, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import { RateMutation, RateQualityMutation } from './request-documents';
import type { RequestView } from './request-types';
import { When } from './sla-panel';

type RatingView = NonNullable<RequestView['rating']>;

function Stars({ score }: { score: number }) {
  return (
    <span className="rq-stars" aria-hidden="true">
      {'★'.repeat(score)}
      <span className="rq-stars-off">{'★'.repeat(5 - score)}</span>
    </span>
  );
}

interface Words {
  title: string;
  legend: ReactNode;
  ask: ReactNode;
  comment: ReactNode;
  submit: ReactNode;
}

// The two ratings of a resolved request, inside the rating window: the customer's
// (rateRequest: radio group "Rating") and the supplier's of the request's quality
// (rateRequestQuality). Each shows on the request afterwards and can be changed in the window.
export function RatingPanel({
  request,
  kind,
  rating,
  canRate,
  own,
  onRefused,
  onSent,
}: {
  request: RequestView;
  kind: 'customer' | 'quality';
  rating: RatingView | null;
  canRate: boolean;
  // The reader is on the side that gives this rating.
  own: boolean;
  onRefused: (refusal: Refusal) => void;
  onSent: (phase: 'start' | 'done') => void;
}) {
  const intl = useIntl();
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState<number | null>(rating?.score ?? null);
  const [comment, setComment] = useState(rating?.comment ?? '');
  const [customerState, rateCustomer] = useMutation(RateMutation);
  const [qualityState, rateQuality] = useMutation(RateQualityMutation);
  const fetching = customerState.fetching || qualityState.fetching;
  const showForm = canRate && (!rating || editing);
  if (!rating && !canRate) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    onSent('start');
    const variables = { requestId: request.id, score, comment: comment.trim() };
    const result =
      kind === 'customer' ? await rateCustomer(variables) : await rateQuality(variables);
    onSent('done');
    const refusal = refusalOf(result.error);
    if (refusal) onRefused(refusal);
    else setEditing(false);
  };

  const words: Words =
    kind === 'customer'
      ? {
          title: own
            ? intl.formatMessage({ id: 'request.rating.title', defaultMessage: 'Your rating' })
            : intl.formatMessage({
                id: 'request.rating.theirs',
                defaultMessage: "The customer's rating",
              }),
          legend: <FormattedMessage id="request.rating.legend" defaultMessage="Rating" />,
          ask: (
            <FormattedMessage
              id="request.rating.ask"
              defaultMessage="How well did {supplier} handle this request?"
              values={{ supplier: <bdi>{request.supplier.name}</bdi> }}
            />
          ),
          comment: <FormattedMessage id="request.rating.comment" defaultMessage="Rating comment" />,
          submit: <FormattedMessage id="request.rating.submit" defaultMessage="Submit rating" />,
        }
      : {
          title: intl.formatMessage({
            id: 'request.quality.title',
            defaultMessage: 'Quality rating',
          }),
          legend: <FormattedMessage id="request.quality.legend" defaultMessage="Request quality" />,
          ask: (
            <FormattedMessage
              id="request.quality.ask"
              defaultMessage="How clear and complete was this request from {customer}? Only your department and operations see this."
              values={{ customer: <bdi>{request.customer.name}</bdi> }}
            />
          ),
          comment: (
            <FormattedMessage id="request.quality.comment" defaultMessage="Quality comment" />
          ),
          submit: (
            <FormattedMessage id="request.quality.submit" defaultMessage="Submit quality rating" />
          ),
        };
  const prefix = `rq-${kind}`;

  return (
    <section className={`card rq-rating ${kind}`} aria-label={words.title}>
      <h2>{words.title}</h2>
      {rating && !showForm && (
        <div>
          <p className="rq-rating-score">
            <Stars score={rating.score} />{' '}
            <FormattedMessage
              id="request.rating.score"
              defaultMessage="{score, plural, one {# star} other {# stars}} of 5"
              values={{ score: rating.score }}
            />
          </p>
          {rating.comment && (
            <p className="rq-text" dir="auto">
              {rating.comment}
            </p>
          )}
          <p className="muted rq-small">
            <FormattedMessage
              id="request.rating.when"
              defaultMessage="Rated {when}"
              values={{ when: <When at={rating.updatedAt} /> }}
            />
          </p>
          {canRate && (
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              <FormattedMessage id="request.rating.change" defaultMessage="Change rating" />
            </button>
          )}
        </div>
      )}
      {showForm && (
        <form onSubmit={submit}>
          <p className="muted">{words.ask}</p>
          <fieldset className="rq-star-picker">
            <legend>{words.legend}</legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={score !== null && n <= score ? 'on' : undefined}>
                <input
                  type="radio"
                  name={`${prefix}-score`}
                  value={n}
                  checked={score === n}
                  onChange={() => setScore(n)}
                />
                <span className="rq-star" aria-hidden="true">
                  ★
                </span>
                <span className="rq-star-text">
                  <FormattedMessage
                    id="request.rating.stars"
                    defaultMessage="{n, plural, one {# star} other {# stars}}"
                    values={{ n }}
                  />
                </span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${prefix}-comment`}>{words.comment}</label>
            <textarea
              id={`${prefix}-comment`}
              dir="auto"
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" disabled={score === null || fetching} aria-busy={fetching}>
              {words.submit}
            </button>
            {editing && (
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                <FormattedMessage id="request.rating.keep" defaultMessage="Keep my rating" />
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
