import { FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMutation } from 'urql';
import { refusalOf, Refusal } from '../api/errors';
import { RateMutation } from './request-documents';
import type { RequestView } from './request-types';
import { When } from './sla-panel';

function Stars({ score }: { score: number }) {
  return (
    <span className="rq-stars" aria-hidden="true">
      {'★'.repeat(score)}
      <span className="rq-stars-off">{'★'.repeat(5 - score)}</span>
    </span>
  );
}

// The customer's rating (rateRequest), once resolved and inside the rating window; it shows
// on the request afterwards and can be changed while the window lasts.
export function RatingPanel({
  request,
  canRate,
  own,
  onRefused,
  onSent,
}: {
  request: RequestView;
  canRate: boolean;
  // The reader is on the customer side (the rating is theirs to give).
  own: boolean;
  onRefused: (refusal: Refusal) => void;
  onSent: (phase: 'start' | 'done') => void;
}) {
  const intl = useIntl();
  const rating = request.rating;
  const [editing, setEditing] = useState(false);
  const [score, setScore] = useState<number | null>(rating?.score ?? null);
  const [comment, setComment] = useState(rating?.comment ?? '');
  const [{ fetching }, rate] = useMutation(RateMutation);
  const showForm = canRate && (!rating || editing);

  if (!rating && !canRate) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    onSent('start');
    const result = await rate({ requestId: request.id, score, comment: comment.trim() });
    onSent('done');
    const refusal = refusalOf(result.error);
    if (refusal) onRefused(refusal);
    else setEditing(false);
  };

  const title = own
    ? intl.formatMessage({ id: 'request.rating.title', defaultMessage: 'Your rating' })
    : intl.formatMessage({ id: 'request.rating.theirs', defaultMessage: "The customer's rating" });
  return (
    <section className="card rq-rating" aria-label={title}>
      <h2>{title}</h2>
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
          <p className="muted">
            <FormattedMessage
              id="request.rating.ask"
              defaultMessage="How well did {supplier} handle this request?"
              values={{ supplier: <bdi>{request.supplier.name}</bdi> }}
            />
          </p>
          <fieldset className="rq-star-picker">
            <legend>
              <FormattedMessage id="request.rating.legend" defaultMessage="Rating" />
            </legend>
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={score !== null && n <= score ? 'on' : undefined}>
                <input
                  type="radio"
                  name="rq-score"
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
            <label htmlFor="rq-rating-comment">
              <FormattedMessage id="request.rating.comment" defaultMessage="Rating comment" />
            </label>
            <textarea
              id="rq-rating-comment"
              dir="auto"
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" disabled={score === null || fetching} aria-busy={fetching}>
              <FormattedMessage id="request.rating.submit" defaultMessage="Submit rating" />
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
