import { FormattedMessage, useIntl } from 'react-intl';
import type { ReportFilter, ReportsPairRankingQuery } from '../gql/graphql';
import { count, percent, score } from './report-format';
import { csvHref, ReportView } from './report-params';
import { Loading, ReportSection } from './report-section';
import { ReportsPairRankingQuery as RankingQuery } from './reports-documents';
import { useSectionQuery } from './use-section-query';

const MIN_REQUESTS = 5;
const LIMIT = 5;

type Pair = ReportsPairRankingQuery['departmentPairRanking']['best'][number];

// The pairs keeping their promises best and worst (resolution compliance, then the customers'
// average rating), among pairs with at least five requests.
export function RankingSection({
  view,
  filter,
  pause,
}: {
  view: ReportView;
  filter: ReportFilter;
  pause: boolean;
}) {
  const intl = useIntl();
  const { sectionRef, result, data, busy } = useSectionQuery({
    query: RankingQuery,
    variables: { filter, minRequests: MIN_REQUESTS, limit: LIMIT },
    pause,
  });
  const ranking = data?.departmentPairRanking;
  const title = intl.formatMessage({
    id: 'reports.ranking.title',
    defaultMessage: 'Department-pair ranking',
  });
  const table = (name: string, pairs: Pair[]) => (
    <div className="table-wrap" tabIndex={0}>
      <table aria-label={name} className="report-table">
        <caption>{name}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">
              <FormattedMessage id="reports.group.CUSTOMER" defaultMessage="Customer" />
            </th>
            <th scope="col">
              <FormattedMessage id="reports.group.SUPPLIER" defaultMessage="Supplier" />
            </th>
            <th scope="col">
              <FormattedMessage id="reports.col.requests" defaultMessage="Requests" />
            </th>
            <th scope="col">
              <FormattedMessage
                id="reports.sla.resolutionCompliance"
                defaultMessage="Resolution compliance"
              />
            </th>
            <th scope="col">
              <FormattedMessage id="reports.col.averageScore" defaultMessage="Average rating" />
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p, i) => (
            <tr key={`${p.customer?.id}>${p.supplier?.id}`}>
              <td className="num">{intl.formatNumber(i + 1)}</td>
              <th scope="row">
                <bdi>{p.customer?.name}</bdi> ({p.customer?.code})
              </th>
              <td>
                <bdi>{p.supplier?.name}</bdi> ({p.supplier?.code})
              </td>
              <td className="num">{count(intl, p.requests)}</td>
              <td className="num">{percent(intl, p.resolutionCompliance)}</td>
              <td className="num">{score(intl, p.averageScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <ReportSection
      title={title}
      csv={csvHref('department-pair-ranking', filter, view)}
      fetching={busy}
      sectionRef={sectionRef}
      error={result.error}
      empty={!!ranking && ranking.best.length === 0}
      intro={
        <p className="muted">
          <FormattedMessage
            id="reports.ranking.intro"
            defaultMessage="Pairs with at least {min, number} requests, by resolution compliance, then average rating."
            values={{ min: MIN_REQUESTS }}
          />
        </p>
      }
    >
      {!ranking ? (
        <Loading height={240} />
      ) : (
        <div className="ranking-pair">
          {table(
            intl.formatMessage({ id: 'reports.ranking.best', defaultMessage: 'Best pairs' }),
            ranking.best,
          )}
          {table(
            intl.formatMessage({ id: 'reports.ranking.worst', defaultMessage: 'Worst pairs' }),
            ranking.worst,
          )}
        </div>
      )}
    </ReportSection>
  );
}
