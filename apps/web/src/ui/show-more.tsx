import { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';

// The foot of a list read a page at a time: how many of how many are shown, and the button
// that loads the next page (busy while it loads; the failure said in words).
export function ShowMore({
  shown,
  total,
  hasMore,
  loading,
  failed,
  onMore,
  children,
}: {
  shown: number;
  total: number | null;
  hasMore: boolean;
  loading: boolean;
  failed: boolean;
  onMore: () => void;
  // The button's words, e.g. "Show more kudos".
  children: ReactNode;
}) {
  if (!hasMore && (total === null || shown >= total)) return null;
  return (
    <div className="actions show-more">
      {total !== null && (
        <span className="muted" role="status">
          <FormattedMessage
            id="list.shown"
            defaultMessage="Showing {shown, number} of {total, number}"
            values={{ shown: Math.min(shown, total), total }}
          />
        </span>
      )}
      {hasMore && (
        <button
          type="button"
          className="secondary"
          onClick={onMore}
          disabled={loading}
          aria-busy={loading}
        >
          {children}
        </button>
      )}
      {failed && (
        <p role="alert" className="error">
          <FormattedMessage
            id="list.moreFailed"
            defaultMessage="The next page could not be loaded. Try again."
          />
        </p>
      )}
    </div>
  );
}
