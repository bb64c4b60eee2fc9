import { FormattedMessage, useIntl } from 'react-intl';

export const PAGE_SIZE = 50;

// Keyset paging: the API pages forward from a cursor; going back uses the cursors of the
// pages already seen (kept in the history entry, so the browser's back button agrees).
export function QueuePager({
  pageIndex,
  shown,
  total,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  // Zero-based, or null when the page was opened from a link and earlier pages are unknown.
  pageIndex: number | null;
  shown: number;
  total: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  const intl = useIntl();
  if (!hasPrevious && !hasNext) return null;
  const from = pageIndex === null ? null : pageIndex * PAGE_SIZE + 1;
  return (
    <nav
      className="queue-pager actions"
      aria-label={intl.formatMessage({ id: 'queue.pager.label', defaultMessage: 'Pages' })}
    >
      <button type="button" className="secondary" disabled={!hasPrevious} onClick={onPrevious}>
        <span aria-hidden="true" className="mirror">
          ←
        </span>
        <FormattedMessage id="queue.pager.previous" defaultMessage="Previous page" />
      </button>
      {from !== null && shown > 0 && (
        <span className="muted">
          <FormattedMessage
            id="queue.pager.range"
            defaultMessage="{from, number}–{to, number} of {total, number}"
            values={{ from, to: from + shown - 1, total }}
          />
        </span>
      )}
      <button type="button" className="secondary" disabled={!hasNext} onClick={onNext}>
        <FormattedMessage id="queue.pager.next" defaultMessage="Next page" />
        <span aria-hidden="true" className="mirror">
          →
        </span>
      </button>
    </nav>
  );
}
