import { useId } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { ShowMore } from '../ui/show-more';

export interface AttentionItem {
  id: string;
  number: string;
  title: string;
  supplierName: string;
}

// What needs the reader before anything else: requests waiting on their department's answer,
// and resolved requests they filed that still wait for a rating (ten at a time). Hidden when
// there is nothing.
export function AttentionCallout({
  waiting,
  waitingTotal,
  toRate,
  toRateTotal,
  toRateMore,
}: {
  waiting: AttentionItem[];
  waitingTotal: number;
  toRate: (AttentionItem & { rateBy: string })[];
  toRateTotal: number;
  toRateMore: { hasMore: boolean; loading: boolean; failed: boolean; onMore: () => void };
}) {
  const intl = useIntl();
  const waitingId = useId();
  const rateId = useId();
  if (waiting.length === 0 && toRate.length === 0) return null;
  return (
    <div className="attention">
      {waiting.length > 0 && (
        <section className="callout waiting" aria-labelledby={waitingId}>
          <h2 id={waitingId}>
            <FormattedMessage
              id="myRequests.waiting.title"
              defaultMessage="Waiting on you ({count, number})"
              values={{ count: waitingTotal }}
            />
          </h2>
          <p className="muted">
            <FormattedMessage
              id="myRequests.waiting.explain"
              defaultMessage="The supplier needs an answer; their clock is paused until you reply."
            />
          </p>
          <ul>
            {waiting.map((r) => (
              <li key={r.id}>
                {/* The number outside the link: the table's link is the one named by it. */}
                <span className="number">{r.number}</span>{' '}
                <Link to={`/requests/${encodeURIComponent(r.number)}`}>
                  <bdi>{r.title}</bdi>
                </Link>{' '}
                <span className="muted">
                  <FormattedMessage
                    id="myRequests.waiting.from"
                    defaultMessage="asked by {supplier}"
                    values={{ supplier: <bdi>{r.supplierName}</bdi> }}
                  />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {toRate.length > 0 && (
        <section className="callout rate" aria-labelledby={rateId}>
          <h2 id={rateId}>
            <FormattedMessage
              id="myRequests.rate.titleCount"
              defaultMessage="Rate your resolved requests ({count, number})"
              values={{ count: toRateTotal }}
            />
          </h2>
          <p className="muted">
            <FormattedMessage
              id="myRequests.rate.explain"
              defaultMessage="A rating tells the supplier how well they served you, and helps them improve."
            />
          </p>
          <ul>
            {toRate.map((r) => (
              <li key={r.id}>
                {/* The number outside the link: the table's link is the one named by it. */}
                <span className="number">{r.number}</span>{' '}
                <Link to={`/requests/${encodeURIComponent(r.number)}`}>
                  <bdi>{r.title}</bdi>
                </Link>{' '}
                <span className="muted">
                  <FormattedMessage
                    id="myRequests.rate.by"
                    defaultMessage="rate by {date}"
                    values={{
                      date: intl.formatDate(r.rateBy, { day: 'numeric', month: 'short' }),
                    }}
                  />
                </span>
              </li>
            ))}
          </ul>
          <ShowMore shown={toRate.length} total={toRateTotal} {...toRateMore}>
            <FormattedMessage
              id="myRequests.rate.showMore"
              defaultMessage="Show more requests to rate"
            />
          </ShowMore>
        </section>
      )}
    </div>
  );
}
