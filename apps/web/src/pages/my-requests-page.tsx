import { useEffect, useId, useMemo, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useMorePages } from '../api/use-more-pages';
import { useSignedInUser } from '../auth/session';
import { graphql } from '../gql';
import type { MyRequestsPendingRatingsFragment, RequestFilter } from '../gql/graphql';
import { useRequestEvents } from '../live/live-events';
import { AttentionCallout } from '../my-requests/attention-callout';
import { DONE_STATUSES, MyRequestsTable, OPEN_STATUSES } from '../my-requests/my-requests-table';
import { useShortcuts } from '../ui/keyboard-shortcuts';
import { useDocumentTitle } from '../ui/use-document-title';
import '../styles/my-requests.css';

const SummaryQuery = graphql(`
  query MyRequestsSummary($open: RequestFilter!, $done: RequestFilter!, $waiting: RequestFilter!) {
    open: requests(filter: $open, first: 1) {
      totalCount
    }
    done: requests(filter: $done, first: 1) {
      totalCount
    }
    waiting: requests(filter: $waiting, first: 10, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          number
          title
          supplier {
            id
            name
          }
        }
      }
    }
    pendingRatings(first: 10) {
      ...MyRequestsPendingRatings
    }
  }
  fragment MyRequestsPendingRatings on PendingRatingConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        rateBy
        request {
          id
          number
          title
          supplier {
            id
            name
          }
        }
      }
    }
  }
`);

// The pending ratings after the first ten ("Show more requests to rate").
const MorePendingRatingsQuery = graphql(`
  query MyRequestsMorePendingRatings($after: String) {
    pendingRatings(first: 10, after: $after) {
      ...MyRequestsPendingRatings
    }
  }
`);
const NO_VARIABLES = {};
const pendingPage = (data: { pendingRatings: MyRequestsPendingRatingsFragment }) => ({
  nodes: data.pendingRatings.edges.map((e) => e.node),
  hasNextPage: data.pendingRatings.pageInfo.hasNextPage,
  endCursor: data.pendingRatings.pageInfo.endCursor ?? null,
});

// MY REQUESTS (UI.md): what the caller's department filed, open first, with what needs them.
export default function MyRequestsPage() {
  const intl = useIntl();
  const user = useSignedInUser();
  const toggleId = useId();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  // Someone without a department sees only what they filed themselves.
  const inUrl = params.get('mine') === '1' || !user.department;
  // The toggle answers at once; the URL (kept for links and reloads) follows in a transition.
  const [onlyMine, setOnlyMineNow] = useState(inUrl);
  useEffect(() => setOnlyMineNow(inUrl), [inUrl]);
  useDocumentTitle(
    intl.formatMessage({ id: 'myRequests.pageTitle', defaultMessage: 'My requests' }),
  );

  const filter = useMemo<RequestFilter>(
    () =>
      onlyMine || !user.department
        ? { requesterIds: [user.id] }
        : { customerIds: [user.department.id] },
    [onlyMine, user.id, user.department],
  );
  const [summary, refetch] = useQuery({
    query: SummaryQuery,
    variables: {
      open: { ...filter, statuses: OPEN_STATUSES },
      done: { ...filter, statuses: DONE_STATUSES },
      waiting: { ...filter, statuses: ['WAITING_ON_CUSTOMER'] },
    },
  });
  useRequestEvents(() => refetch({ requestPolicy: 'network-only' }));
  const data = summary.data;
  const firstPending = useMemo(() => (data ? pendingPage(data) : null), [data]);
  const pending = useMorePages(MorePendingRatingsQuery, NO_VARIABLES, firstPending, pendingPage);
  const counts = data ? { open: data.open.totalCount, done: data.done.totalCount } : null;
  const empty = counts !== null && counts.open + counts.done === 0;

  const setOnlyMine = (on: boolean) => {
    setOnlyMineNow(on);
    const next = new URLSearchParams(params);
    if (on) next.set('mine', '1');
    else next.delete('mine');
    setParams(next, { replace: true });
  };
  useShortcuts([
    {
      key: 'n',
      description: intl.formatMessage({
        id: 'myRequests.shortcut.new',
        defaultMessage: 'File a new request',
      }),
      run: () => navigate('/new-request'),
    },
    ...(user.department
      ? [
          {
            key: 'm',
            description: intl.formatMessage({
              id: 'myRequests.shortcut.mine',
              defaultMessage: 'Only mine / the whole department',
            }),
            run: () => setOnlyMine(!onlyMine),
          },
        ]
      : []),
  ]);

  return (
    <div className="my-requests-page">
      <div className="page-head">
        <h1>
          <FormattedMessage id="myRequests.heading" defaultMessage="My requests" />
        </h1>
        <Link className="button" to="/new-request">
          {/* Not "New request": that is the navigation link's name, and names must stay unique. */}
          <FormattedMessage id="myRequests.fileOne" defaultMessage="File a request" />
        </Link>
      </div>
      <p className="muted intro">
        {onlyMine ? (
          <FormattedMessage
            id="myRequests.scope.mine"
            defaultMessage="Requests you filed yourself."
          />
        ) : (
          <FormattedMessage
            id="myRequests.scope.department"
            defaultMessage="Requests filed by {department}, you and your colleagues."
            values={{ department: <bdi>{user.department?.name}</bdi> }}
          />
        )}
      </p>

      {data && (
        <AttentionCallout
          waiting={data.waiting.edges.map(({ node }) => ({
            id: node.id,
            number: node.number,
            title: node.title,
            supplierName: node.supplier.name,
          }))}
          waitingTotal={data.waiting.totalCount}
          toRate={pending.nodes.map((p) => ({
            id: p.request.id,
            number: p.request.number,
            title: p.request.title,
            supplierName: p.request.supplier.name,
            rateBy: p.rateBy,
          }))}
          toRateTotal={data.pendingRatings.totalCount}
          toRateMore={{
            hasMore: pending.hasNextPage,
            loading: pending.loading,
            failed: !!pending.error,
            onMore: pending.showMore,
          }}
        />
      )}

      {user.department && (
        <div className="toolbar">
          <label className="checkbox" htmlFor={toggleId}>
            <input
              id={toggleId}
              type="checkbox"
              checked={onlyMine}
              onChange={(e) => setOnlyMine(e.target.checked)}
            />
            <FormattedMessage id="myRequests.onlyMine" defaultMessage="Only mine" />
          </label>
        </div>
      )}

      {/* A new filter starts again at the first page. */}
      <MyRequestsTable
        key={JSON.stringify(filter)}
        filter={filter}
        meId={user.id}
        counts={counts}
      />

      {empty && (
        <div className="card empty">
          <p>
            {onlyMine ? (
              <FormattedMessage
                id="myRequests.empty.mine"
                defaultMessage="You have not filed any requests yet."
              />
            ) : (
              <FormattedMessage
                id="myRequests.empty.department"
                defaultMessage="Your department has not filed any requests yet."
              />
            )}
          </p>
          <p>
            <Link to="/new-request">
              <FormattedMessage
                id="myRequests.empty.ask"
                defaultMessage="Ask another department for something"
              />
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}
