import { FormattedMessage, useIntl } from 'react-intl';
import { historyWords } from './history-words';
import type { HistoryView } from './request-types';
import { When } from './sla-panel';

// Every change in words with names, newest first (the conversation reads oldest first).
export function HistoryList({ history }: { history: HistoryView[] }) {
  const intl = useIntl();
  const label = intl.formatMessage({ id: 'request.history.title', defaultMessage: 'History' });
  return (
    <section className="card rq-history" aria-label={label}>
      <h2>{label}</h2>
      <ol className="rq-timeline">
        {[...history].reverse().map((h) => (
          <li key={h.id} className={h.internal ? 'internal' : undefined}>
            <span>{historyWords(intl, h)}</span>
            <span className="muted rq-small">
              <When at={h.at} />
            </span>
          </li>
        ))}
      </ol>
      {history.length === 0 && (
        <p className="muted">
          <FormattedMessage id="request.history.empty" defaultMessage="Nothing has happened yet." />
        </p>
      )}
    </section>
  );
}
