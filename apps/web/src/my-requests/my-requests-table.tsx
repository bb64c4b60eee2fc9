import { useCallback, useMemo, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { RequestFilter, RequestStatus } from '../gql/graphql';
import { PageInfo, RequestRows } from './request-rows';

export const OPEN_STATUSES: RequestStatus[] = ['NEW', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER'];
export const DONE_STATUSES: RequestStatus[] = ['RESOLVED', 'CLOSED', 'CANCELLED'];

type Phase = 'open' | 'done';
interface Page {
  phase: Phase;
  after: string | null;
}

// The table named "My requests": open requests first, then resolved, closed and cancelled
// ones, newest first within each, a page at a time ("Show more").
export function MyRequestsTable({
  filter,
  meId,
  counts,
}: {
  filter: RequestFilter;
  meId: string;
  counts: { open: number; done: number } | null;
}) {
  const filters = useMemo(
    () => ({
      open: { ...filter, statuses: OPEN_STATUSES },
      done: { ...filter, statuses: DONE_STATUSES },
    }),
    [filter],
  );
  // Open requests that fit on the first page leave room: the closed ones follow at once.
  const [pages, setPages] = useState<Page[]>([{ phase: 'open', after: null }]);
  const [infos, setInfos] = useState<(PageInfo | undefined)[]>([]);

  const report = useCallback((index: number, info: PageInfo) => {
    setInfos((old) => {
      const next = [...old];
      next[index] = info;
      return next;
    });
    setPages((old) => {
      // The open phase is exhausted: start the closed one right below it.
      if (
        index === old.length - 1 &&
        old[index].phase === 'open' &&
        !info.hasNextPage &&
        info.rows < 10
      )
        return [...old, { phase: 'done', after: null }];
      return old;
    });
  }, []);

  const last = pages.length - 1;
  const lastInfo = infos[last];
  const canShowMore =
    lastInfo !== undefined && (lastInfo.hasNextPage || pages[last].phase === 'open');
  const showMore = () => {
    if (!lastInfo) return;
    setPages((old) => [
      ...old,
      lastInfo.hasNextPage
        ? { phase: old[last].phase, after: lastInfo.endCursor }
        : { phase: 'done', after: null },
    ]);
  };
  const shown = infos.reduce((sum, info) => sum + (info?.rows ?? 0), 0);
  const total = counts ? counts.open + counts.done : null;

  const rowsOf = (phase: Phase) =>
    pages.map((page, index) =>
      page.phase === phase ? (
        <RequestRows
          key={`${page.phase}:${page.after ?? ''}`}
          filter={filters[phase]}
          after={page.after}
          meId={meId}
          onInfo={(info) => report(index, info)}
        />
      ) : null,
    );
  const hasDone = pages.some((p) => p.phase === 'done');

  return (
    <>
      <div className="table-wrap">
        <table className="my-requests-table">
          <caption className="visually-hidden">
            <FormattedMessage id="myRequests.table" defaultMessage="My requests" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="myRequests.col.number" defaultMessage="Number" />
              </th>
              <th scope="col">
                <FormattedMessage id="myRequests.col.title" defaultMessage="Title" />
              </th>
              <th scope="col">
                <FormattedMessage id="myRequests.col.supplier" defaultMessage="Supplier" />
              </th>
              <th scope="col">
                <FormattedMessage id="myRequests.col.status" defaultMessage="Status" />
              </th>
              <th scope="col">
                <FormattedMessage id="myRequests.col.sla" defaultMessage="SLA (resolution)" />
              </th>
              <th scope="col">
                <FormattedMessage id="myRequests.col.updated" defaultMessage="Updated" />
              </th>
            </tr>
          </thead>
          <tbody>
            {counts?.open !== 0 && (
              <tr className="group-row">
                <th scope="colgroup" colSpan={6}>
                  {counts ? (
                    <FormattedMessage
                      id="myRequests.group.openCount"
                      defaultMessage="Open ({count, number})"
                      values={{ count: counts.open }}
                    />
                  ) : (
                    <FormattedMessage id="myRequests.group.open" defaultMessage="Open" />
                  )}
                </th>
              </tr>
            )}
            {rowsOf('open')}
          </tbody>
          {hasDone && counts?.done !== 0 && (
            <tbody>
              <tr className="group-row">
                <th scope="colgroup" colSpan={6}>
                  {counts ? (
                    <FormattedMessage
                      id="myRequests.group.doneCount"
                      defaultMessage="Resolved, closed and cancelled ({count, number})"
                      values={{ count: counts.done }}
                    />
                  ) : (
                    <FormattedMessage
                      id="myRequests.group.done"
                      defaultMessage="Resolved, closed and cancelled"
                    />
                  )}
                </th>
              </tr>
              {rowsOf('done')}
            </tbody>
          )}
        </table>
      </div>
      <div className="actions table-foot">
        {total !== null && (
          <span className="muted" role="status">
            <FormattedMessage
              id="myRequests.shown"
              defaultMessage="Showing {shown, number} of {total, number}"
              values={{ shown: Math.min(shown, total), total }}
            />
          </span>
        )}
        {canShowMore && shown < (total ?? Infinity) && (
          <button type="button" className="secondary" onClick={showMore}>
            <FormattedMessage id="myRequests.showMore" defaultMessage="Show more requests" />
          </button>
        )}
      </div>
    </>
  );
}
