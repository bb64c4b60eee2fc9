import { ReactNode, Ref, useId, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CombinedError } from 'urql';
import { refusalOf } from '../api/errors';

// One report on the page: a region named by its heading, its Download CSV link, and its state
// (loading, refused, no requests) before its chart and table.
export function ReportSection({
  title,
  csv,
  fetching,
  error,
  empty,
  children,
  intro,
  sectionRef,
}: {
  title: string;
  csv?: string;
  fetching: boolean;
  error?: CombinedError;
  empty: boolean;
  children: ReactNode;
  intro?: ReactNode;
  // The section element, for useNearViewport (its query waits until it is near the viewport).
  sectionRef?: Ref<HTMLElement>;
}) {
  const intl = useIntl();
  const headingId = useId();
  const refusal = refusalOf(error);
  return (
    <section
      ref={sectionRef}
      className="report card"
      aria-labelledby={headingId}
      aria-busy={fetching}
    >
      <div className="report-head">
        <h2 id={headingId}>{title}</h2>
        {csv && (
          <a className="button secondary" href={csv} download>
            <FormattedMessage id="reports.downloadCsv" defaultMessage="Download CSV" />
          </a>
        )}
      </div>
      {intro}
      {refusal ? (
        <p className="error" role="alert">
          {refusal.code === 'BAD_USER_INPUT'
            ? intl.formatMessage({
                id: 'reports.error.badFilter',
                defaultMessage:
                  'These filters cannot be reported on. Check the dates and clear the filters.',
              })
            : refusal.code === 'FORBIDDEN'
              ? intl.formatMessage({
                  id: 'reports.error.forbidden',
                  defaultMessage: 'Reports are for team leads, operations and administrators.',
                })
              : intl.formatMessage({
                  id: 'reports.error.load',
                  defaultMessage: 'This report could not be loaded. Retry in a moment.',
                })}
        </p>
      ) : empty && !fetching ? (
        <p className="muted">
          <FormattedMessage id="reports.empty" defaultMessage="No requests match these filters." />
        </p>
      ) : (
        children
      )}
    </section>
  );
}

// A table's loading line, announced politely. `height` keeps the place of the chart to come
// (CSS pixels), so the reports below stay out of the viewport (and unloaded) meanwhile.
export function Loading({ height }: { height?: number }) {
  return (
    <p className="muted" role="status" style={height ? { minBlockSize: height } : undefined}>
      <FormattedMessage id="reports.loading" defaultMessage="Loading…" />
    </p>
  );
}

// The last answer while the next loads (new filters): the chart and table stay, marked busy,
// instead of flashing empty; the chart redraws in place when the new figures come.
export function useLastData<T>(data: T | undefined): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (data !== undefined) last.current = data;
  return data ?? last.current;
}
