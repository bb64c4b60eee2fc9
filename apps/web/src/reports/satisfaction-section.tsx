import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Chart, ChartOption } from '../charts/chart';
import type { ReportFilter } from '../gql/graphql';
import { byGroup, count, groupLabel, groupName, percent, score } from './report-format';
import { csvHref, ReportView, toGrouping } from './report-params';
import { Loading, ReportSection } from './report-section';
import { ReportsSatisfactionQuery } from './reports-documents';
import { useSectionQuery } from './use-section-query';

const STARS = [1, 2, 3, 4, 5];

// Are internal customers satisfied? The ratings' spread per group (stacked bars, one pattern
// per score) and the Satisfaction report table.
export function SatisfactionSection({
  view,
  filter,
  pause,
}: {
  view: ReportView;
  filter: ReportFilter;
  pause: boolean;
}) {
  const intl = useIntl();
  const grouping = toGrouping(view);
  const { sectionRef, result, data, busy } = useSectionQuery({
    query: ReportsSatisfactionQuery,
    variables: { filter, groupBy: grouping.groupBy, period: grouping.period },
    pause,
  });
  const rows = useMemo(() => data?.satisfactionReport ?? [], [data]);
  const labelled = useMemo(
    () => rows.map((row) => ({ row, label: groupLabel(intl, view.group, row, view.period) })),
    [rows, intl, view.group, view.period],
  );
  const title = intl.formatMessage({
    id: 'reports.satisfaction.title',
    defaultMessage: 'Satisfaction report',
  });
  const chartName = intl.formatMessage(
    { id: 'reports.satisfaction.chart', defaultMessage: 'Ratings by {by}' },
    { by: byGroup(intl, view.group, view.period) },
  );
  const starName = (s: number) =>
    intl.formatMessage(
      {
        id: 'reports.satisfaction.stars',
        defaultMessage: '{count, plural, one {# star} other {# stars}}',
      },
      { count: s },
    );

  const option = useMemo((): ChartOption => {
    const categories = labelled.map((l) => l.label.short).reverse();
    return {
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? intl.formatNumber(v) : '—'),
      },
      xAxis: {
        type: 'value',
        minInterval: 1,
        axisLabel: { formatter: (v: number) => intl.formatNumber(v) },
      },
      yAxis: {
        type: 'category',
        data: categories,
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: STARS.map((s, i) => ({
        name: starName(s),
        type: 'bar',
        stack: 'ratings',
        data: labelled.map((l) => l.row.distribution[i] ?? 0).reverse(),
      })),
    };
    // starName depends on intl alone.
  }, [labelled, intl]);

  const figures = labelled.map(({ row, label }) => ({
    group: label.long,
    ratings: row.ratings,
    averageScore: row.averageScore ?? null,
    distribution: row.distribution,
  }));

  const table = (
    <div className="table-wrap" tabIndex={0}>
      <table aria-label={title} className="report-table">
        <thead>
          <tr>
            <th scope="col">{groupName(intl, view.group)}</th>
            <th scope="col">
              <FormattedMessage id="reports.col.requests" defaultMessage="Requests" />
            </th>
            <th scope="col">
              <FormattedMessage id="reports.col.ratings" defaultMessage="Ratings" />
            </th>
            <th scope="col">
              <FormattedMessage id="reports.col.averageScore" defaultMessage="Average rating" />
            </th>
            {STARS.map((s) => (
              <th scope="col" key={s}>
                {starName(s)}
              </th>
            ))}
            <th scope="col">
              <FormattedMessage id="reports.col.responseRate" defaultMessage="Response rate" />
            </th>
          </tr>
        </thead>
        <tbody>
          {labelled.map(({ row, label }, i) => (
            <tr key={i} data-group={label.long}>
              <th scope="row">
                <bdi>{label.long}</bdi>
              </th>
              <td className="num">{count(intl, row.total)}</td>
              <td className="num">{count(intl, row.ratings)}</td>
              <td className="num">{score(intl, row.averageScore)}</td>
              {STARS.map((s, j) => (
                <td className="num" key={s}>
                  {count(intl, row.distribution[j] ?? 0)}
                </td>
              ))}
              <td className="num">{percent(intl, row.responseRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ReportSection
      title={title}
      csv={csvHref('satisfaction', filter, view)}
      fetching={busy}
      sectionRef={sectionRef}
      error={result.error}
      empty={!!data && rows.length === 0}
    >
      {!data ? (
        <Loading height={220} />
      ) : (
        <Chart
          name={chartName}
          option={option}
          figures={figures}
          height={Math.max(220, labelled.length * 34 + 70)}
          table={table}
        />
      )}
    </ReportSection>
  );
}
