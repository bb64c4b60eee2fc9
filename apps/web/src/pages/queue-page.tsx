import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { refusalOf } from '../api/errors';
import { SessionUser, useSignedInUser } from '../auth/session';
import { QueueOptionsQuery, QueuePageQuery } from '../queue/queue-documents';
import { loadErrorText } from '../queue/queue-errors';
import { QueueFilters } from '../queue/queue-filters';
import { PAGE_SIZE, QueuePager } from '../queue/queue-pager';
import {
  clearedParams,
  hasFilters,
  QueueView,
  readView,
  SortDir,
  SortKey,
  toRequestFilter,
  toRequestOrder,
  ViewChange,
  writeView,
} from '../queue/queue-params';
import { QueueTable } from '../queue/queue-table';
import { useAssignToMe } from '../queue/use-assign-to-me';
import { useLiveQueue } from '../queue/use-live-queue';
import { useQueueShortcuts } from '../queue/use-queue-shortcuts';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/queue.css';

// The queue of the caller's supplier department (agents and leads), or of every request
// (operations and administrators), with its whole view in the URL.
export default function QueuePage() {
  const intl = useIntl();
  const user = useSignedInUser();
  useDocumentTitle(intl.formatMessage({ id: 'queue.title', defaultMessage: 'Queue' }));
  const seesAll = user.role === 'OPS' || user.role === 'ADMIN';
  const worksQueue = (user.role === 'AGENT' || user.role === 'LEAD') && !!user.department;
  if (!seesAll && !worksQueue)
    return (
      <div className="queue-page">
        <h1>
          <FormattedMessage id="queue.title" defaultMessage="Queue" />
        </h1>
        <p className="notice">
          <FormattedMessage
            id="queue.notForYou"
            defaultMessage="The queue is for the agents and team leads of a supplier department. Your requests are in My requests."
          />{' '}
          <Link to="/my-requests">
            <FormattedMessage id="queue.toMyRequests" defaultMessage="Go to My requests" />
          </Link>
        </p>
      </div>
    );
  return <Queue user={user} supplierSide={worksQueue} />;
}

type HistoryState = { pages?: (string | null)[] } | null;

function Queue({ user, supplierSide }: { user: SessionUser; supplierSide: boolean }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const view = useMemo(() => readView(new URLSearchParams(key)), [key]);
  const department = supplierSide ? user.department : null;
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const variables = useMemo(
    () => ({
      filter: toRequestFilter(view, { id: user.id, queueDepartmentId: department?.id ?? null }),
      first: PAGE_SIZE,
      after: view.after,
      orderBy: toRequestOrder(view),
    }),
    [view, user.id, department?.id],
  );
  const [result, reexecute] = useQuery({ query: QueuePageQuery, variables });
  const supplierId = department?.id ?? (view.supplier || null);
  const [options] = useQuery({
    query: QueueOptionsQuery,
    variables: { supplierId, withSupplier: !!supplierId },
  });

  // While another page or filter loads, the rows on screen stay (marked busy) instead of
  // flashing empty; when a refresh of the same view fails, they stay under the error.
  const lastData = useRef<{ key: string; data: typeof result.data }>({ key, data: undefined });
  if (result.data && !result.error) lastData.current = { key, data: result.data };
  const data = result.error
    ? lastData.current.key === key
      ? lastData.current.data
      : undefined
    : (result.data ?? lastData.current.data);
  const rows = useMemo(() => data?.requests.edges.map((e) => e.node) ?? [], [data]);
  const shownIds = useMemo(() => new Set(rows.map((r) => r.id)), [rows]);
  const refusal = refusalOf(result.error);

  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const chosenSupplier = options.data?.departments.find((d) => d.id === view.supplier);
  const shownSupplier = department ?? chosenSupplier;
  const supplierCode = shownSupplier?.code ?? null;
  const live = useLiveQueue({ supplierCode, shownIds, refetch: refresh });
  const assign = useAssignToMe(user.id, live, refresh);

  // The router applies a navigation as a transition; until it lands, the filters show the
  // reader's choice (a ticked box stays ticked) instead of flicking back for a frame.
  const [pending, setPending] = useState<QueueView | null>(null);
  useEffect(() => setPending(null), [key]);
  const change = useCallback(
    (next: ViewChange) => {
      const params = writeView(new URLSearchParams(key), next);
      setPending(readView(params));
      setParams(params);
    },
    [key, setParams],
  );
  const onSort = useCallback((sort: SortKey, dir: SortDir) => change({ sort, dir }), [change]);

  // Earlier pages' cursors ride in the history entry, so "Previous page" and the back button agree.
  const stack = (location.state as HistoryState)?.pages ?? [];
  const pageIndex = view.after ? (stack.length > 0 ? stack.length : null) : 0;
  const goPage = (after: string | null, pages: (string | null)[]) => {
    setParams(writeView(new URLSearchParams(key), { after }), { state: { pages } });
    tableRef.current?.scrollIntoView({ block: 'start' });
  };

  // The selection follows j/k and focus, by id, so a live refetch does not move it.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [selectionText, setSelectionText] = useState('');
  const selectedIndex = rows.findIndex((r) => r.id === selectedId);
  const select = useCallback(
    (index: number, focus: boolean) => {
      const request = rows[index];
      if (!request) return;
      // Tabbing within the selected row says nothing new.
      if (!focus && request.id === selectedId) return;
      setSelectedId(request.id);
      setSelectionText(
        intl.formatMessage(
          {
            id: 'queue.selected',
            defaultMessage: 'Selected {number}, {position, number} of {count, number}: {title}',
          },
          { number: request.number, position: index + 1, count: rows.length, title: request.title },
        ),
      );
      if (focus)
        tableRef.current
          ?.querySelector<HTMLAnchorElement>(`tr[data-request-id="${request.id}"] a`)
          ?.focus();
    },
    [rows, intl, selectedId],
  );
  const move = useCallback(
    (by: number) => {
      if (rows.length === 0) return;
      const from = selectedIndex === -1 ? (by > 0 ? -1 : rows.length) : selectedIndex;
      select(Math.min(rows.length - 1, Math.max(0, from + by)), true);
    },
    [rows.length, selectedIndex, select],
  );
  const selected = rows[selectedIndex];
  const open = useCallback(() => {
    if (selected) navigate(`/requests/${selected.number}`);
  }, [selected, navigate]);
  const assignSelected = useCallback(() => {
    if (selected && selected.assignee?.id !== user.id) void assign.assignToMe(selected);
  }, [selected, user.id, assign]);
  useQueueShortcuts({
    move,
    open,
    assign: supplierSide ? assignSelected : null,
    refresh,
    searchRef,
  });

  const filtered = hasFilters(view);
  const clear = () => setParams(clearedParams(new URLSearchParams(key)));
  const total = data?.requests.totalCount;

  return (
    <div className="queue-page">
      <div className="page-head">
        <div className="queue-heading">
          <h1>
            <FormattedMessage id="queue.title" defaultMessage="Queue" />
          </h1>
          <span className="muted">
            {shownSupplier ? (
              <bdi>{shownSupplier.name}</bdi>
            ) : (
              <FormattedMessage id="queue.allSuppliers" defaultMessage="All departments" />
            )}
          </span>
        </div>
        <div className="actions">
          {total !== undefined && (
            <span className="queue-count">
              <FormattedMessage
                id="queue.count"
                defaultMessage="{count, plural, one {# request} other {# requests}}"
                values={{ count: total }}
              />
            </span>
          )}
          <p role="status" className="queue-live">
            {live.announcement}
          </p>
          <button type="button" className="secondary" onClick={refresh}>
            <FormattedMessage id="queue.refresh" defaultMessage="Refresh" />
          </button>
        </div>
      </div>

      <QueueFilters
        view={pending ?? view}
        options={options.data}
        showSupplier={!department}
        onChange={change}
        onClear={clear}
        searchRef={searchRef}
      />

      {refusal && (
        <div className="error queue-error" role="alert">
          <p>{loadErrorText(intl, refusal)}</p>
          <button type="button" className="secondary" onClick={refresh}>
            <FormattedMessage id="queue.retry" defaultMessage="Retry" />
          </button>
        </div>
      )}
      {assign.error && (
        <div className="error queue-error" role="alert">
          <p>{assign.error}</p>
          <button type="button" className="secondary" onClick={assign.clearError}>
            <FormattedMessage id="queue.dismiss" defaultMessage="Dismiss" />
          </button>
        </div>
      )}

      <p role="status" className="queue-sr-only">
        {selectionText}
      </p>
      <div ref={tableRef}>
        <QueueTable
          requests={rows}
          sort={view.sort}
          dir={view.dir}
          onSort={onSort}
          selectedIndex={selectedIndex}
          onSelect={(index) => select(index, false)}
          changed={live.changed}
          side={supplierSide ? 'supplier' : 'neither'}
          meId={user.id}
          canAssign={supplierSide}
          assigningId={assign.assigningId}
          onAssignToMe={(request) => void assign.assignToMe(request)}
          busy={result.fetching}
          caption={intl.formatMessage({ id: 'queue.table', defaultMessage: 'Queue' })}
          state={!data ? (refusal ? 'error' : 'loading') : rows.length === 0 ? 'empty' : 'rows'}
          filtered={filtered}
        />
      </div>

      <QueuePager
        pageIndex={pageIndex}
        shown={rows.length}
        total={total ?? 0}
        hasPrevious={!!view.after}
        hasNext={!!data?.requests.pageInfo.hasNextPage}
        onPrevious={() =>
          goPage(stack.length ? (stack[stack.length - 1] ?? null) : null, stack.slice(0, -1))
        }
        onNext={() => goPage(data?.requests.pageInfo.endCursor ?? null, [...stack, view.after])}
      />
      <p className="muted queue-hint">
        <FormattedMessage
          id="queue.keysHint"
          defaultMessage="Keyboard: j and k move, o opens, a assigns to you, / searches, ? lists every shortcut."
        />
      </p>
    </div>
  );
}
