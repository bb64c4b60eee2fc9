import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { RequestFilter } from '../gql/graphql';
import { useRequestEvents } from '../live/live-events';
import { SlaClockText, slaTone } from '../sla/sla-clock-text';
import { statusLabel } from '../ui/labels';
import { RelativeTime } from './relative-time';

const MyRequestsPageQuery = graphql(`
  query MyRequestsPage($filter: RequestFilter!, $first: Int!, $after: String) {
    requests(
      filter: $filter
      first: $first
      after: $after
      orderBy: { field: CREATED_AT, direction: DESC }
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          number
          title
          status
          updatedAt
          supplier {
            id
            name
          }
          requester {
            id
            name
          }
          sla {
            resolution {
              state
              targetMinutes
              elapsedMinutes
              remainingMinutes
              dueAt
              breachedAt
              countingNow
            }
          }
        }
      }
    }
  }
`);

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
  rows: number;
}

export const PAGE_SIZE = 20;

// One page of the table (urql's pattern for "show more": each page its own query, so each
// refetches itself when a visible request changes).
export function RequestRows({
  filter,
  after,
  meId,
  onInfo,
}: {
  filter: RequestFilter;
  after: string | null;
  meId: string;
  onInfo: (info: PageInfo) => void;
}) {
  const intl = useIntl();
  const [result, refetch] = useQuery({
    query: MyRequestsPageQuery,
    variables: { filter, first: PAGE_SIZE, after },
  });
  useRequestEvents(() => refetch({ requestPolicy: 'network-only' }));
  const connection = result.data?.requests;

  useEffect(() => {
    if (connection)
      onInfo({
        hasNextPage: connection.pageInfo.hasNextPage,
        endCursor: connection.pageInfo.endCursor ?? null,
        rows: connection.edges.length,
      });
    // onInfo is a new function each render of the table; the page only reports new data.
  }, [connection]);

  if (!connection) {
    return (
      <tr>
        <td colSpan={6} className="muted">
          {result.error ? (
            <FormattedMessage
              id="myRequests.loadFailed"
              defaultMessage="These requests could not be loaded. They will appear when Intradesk can be reached again."
            />
          ) : (
            <FormattedMessage id="myRequests.loading" defaultMessage="Loading requests…" />
          )}
        </td>
      </tr>
    );
  }

  return (
    <>
      {connection.edges.map(({ node }) => {
        const waiting = node.status === 'WAITING_ON_CUSTOMER';
        const clock = node.sla?.resolution;
        return (
          <tr key={node.id} className={waiting ? 'waiting' : undefined}>
            <th scope="row">
              <Link to={`/requests/${encodeURIComponent(node.number)}`}>{node.number}</Link>
            </th>
            <td>
              <bdi>{node.title}</bdi>
              {node.requester.id !== meId && (
                <div className="muted small">
                  <FormattedMessage
                    id="myRequests.filedBy"
                    defaultMessage="filed by {name}"
                    values={{ name: <bdi>{node.requester.name}</bdi> }}
                  />
                </div>
              )}
            </td>
            <td>
              <bdi>{node.supplier.name}</bdi>
            </td>
            <td>
              <span className="status">{statusLabel(intl, node.status)}</span>
            </td>
            <td>
              {clock ? (
                <span className={`sla ${slaTone(clock)}`}>
                  <SlaClockText clock={clock} side="customer" waitingOnCustomer={waiting} />
                </span>
              ) : (
                <span className="muted">
                  <FormattedMessage id="myRequests.noSla" defaultMessage="no service level" />
                </span>
              )}
            </td>
            <td>
              <RelativeTime iso={node.updatedAt} />
            </td>
          </tr>
        );
      })}
    </>
  );
}
