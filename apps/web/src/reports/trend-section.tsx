import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Chart, ChartOption } from '../charts/chart';
import type { ReportFilter } from '../gql/graphql';
import { byGroup, count, DASH, minutes, pct, percent, periodLabel, score } from './report-format';
import { csvHref, ReportView } from './report-params';
import { Loading, ReportSection } from './report-section';
import { ReportsTrendQuery } from './reports-documents';
import { useSectionQuery } from './use-section-query';

// Requests and compliance per period, every period of the range: one without requests is a
// zero bar and a gap in the compliance line (and a row saying so).
export function TrendSection({
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
    query: ReportsTrendQuery,
    variables: { filter, period: view.period },
    pause,
  });
  const points = useMemo(() => data?.reportTrend ?? [], [data]);
  const title = intl.formatMessage({ id: 'reports.trend.title', defaultMessage: 'Trend' });
  const chartName = intl.formatMessage(
    { id: 'reports.trend.chart', defaultMessage: 'Requests and compliance by {by}' },
    { by: byGroup(intl, 'PERIOD', view.period) },
  );
  const requests = intl.formatMessage({ id: 'reports.col.requests', defaultMessage: 'Requests' });
  const resolution = intl.formatMessage({
    id: 'reports.sla.resolutionCompliance',
    defaultMessage: 'Resolution compliance',
  });

  const option = useMemo((): ChartOption => {
    const labels = points.map((p) => periodLabel(intl, p.period ?? '', view.period));
    const formatPct = (v: number) =>
      intl.formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 1 });
    return {
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: [
        {
          type: 'value',
          minInterval: 1,
          axisLabel: { formatter: (v: number) => intl.formatNumber(v) },
        },
        {
          type: 'value',
          min: 0,
          max: 100,
          position: 'right',
          splitLine: { show: false },
          axisLabel: { formatter: (v: number) => formatPct(v) },
        },
      ],
      series: [
        {
          name: requests,
          type: 'bar',
          data: points.map((p) => p.total),
          tooltip: { valueFormatter: (v) => (typeof v === 'number' ? intl.formatNumber(v) : DASH) },
        },
        {
          name: resolution,
          type: 'line',
          yAxisIndex: 1,
          // A period without stopped clocks has no compliance: a gap, not a fall to 0 %.
          connectNulls: false,
          symbolSize: 7,
          data: points.map((p) => pct(p.resolutionCompliance)),
          tooltip: { valueFormatter: (v) => (typeof v === 'number' ? formatPct(v) : DASH) },
        },
      ],
    };
  }, [points, intl, view.period, requests, resolution]);

  const figures = points.map((p) => ({
    period: p.period,
    total: p.total,
    resolutionCompliance: p.resolutionCompliance ?? null,
  }));

  const table = (
    <div className="table-wrap" tabIndex={0}>
      <table aria-label={title} className="report-table">
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="reports.group.PERIOD" defaultMessage="Period" />
            </th>
            <th scope="col">{requests}</th>
            <th scope="col">
              <FormattedMessage id="reports.col.open" defaultMessage="Open" />
            </th>
            <th scope="col">{resolution}</th>
            <th scope="col">
              <FormattedMessage
                id="reports.sla.firstResponseCompliance"
                defaultMessage="First response compliance"
              />
            </th>
            <th scope="col">
              <FormattedMessage
                id="reports.col.median"
                defaultMessage="Median resolution (working time)"
              />
            </th>
            <th scope="col">
              <FormattedMessage id="reports.col.averageScore" defaultMessage="Average rating" />
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period} className={p.total === 0 ? 'report-empty-period' : undefined}>
              <th scope="row">{periodLabel(intl, p.period ?? '', view.period)}</th>
              {p.total === 0 ? (
                <td colSpan={6} className="muted">
                  <FormattedMessage id="reports.trend.noRequests" defaultMessage="No requests" />
                </td>
              ) : (
                <>
                  <td className="num">{count(intl, p.total)}</td>
                  <td className="num">{count(intl, p.open)}</td>
                  <td className="num">{percent(intl, p.resolutionCompliance)}</td>
                  <td className="num">{percent(intl, p.firstResponseCompliance)}</td>
                  <td>{minutes(intl, p.medianResolutionMinutes)}</td>
                  <td className="num">{score(intl, p.averageScore)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ReportSection
      title={title}
      csv={csvHref('trend', filter, view)}
      fetching={busy}
      sectionRef={sectionRef}
      error={result.error}
      empty={!!data && points.length === 0}
    >
      {!data ? (
        <Loading height={300} />
      ) : (
        <Chart name={chartName} option={option} figures={figures} height={300} table={table} />
      )}
    </ReportSection>
  );
}
