import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Chart, ChartOption } from '../charts/chart';
import type { AtRiskTrendQuery } from '../gql/graphql';

type Point = AtRiskTrendQuery['reportTrend'][number];

// The department's SLA compliance and satisfaction month by month, as a chart and its table.
export function DepartmentTrend({ points }: { points: readonly Point[] }) {
  const intl = useIntl();
  const month = (period: string | null | undefined) =>
    period
      ? intl.formatDate(`${period}T12:00:00Z`, { month: 'short', year: 'numeric', timeZone: 'UTC' })
      : '';
  const percent = (value: number | null | undefined) =>
    value == null ? '–' : intl.formatNumber(value, { style: 'percent', maximumFractionDigits: 0 });
  const score = (value: number | null | undefined) =>
    value == null ? '–' : intl.formatNumber(value, { maximumFractionDigits: 1 });
  const resolutionName = intl.formatMessage({
    id: 'atRisk.trend.resolution',
    defaultMessage: 'Resolution compliance',
  });
  const firstName = intl.formatMessage({
    id: 'atRisk.trend.firstResponse',
    defaultMessage: 'First response compliance',
  });
  const scoreName = intl.formatMessage({
    id: 'atRisk.trend.score',
    defaultMessage: 'Average rating (1–5)',
  });
  const chartName = intl.formatMessage({
    id: 'atRisk.trend.chart',
    defaultMessage: 'SLA compliance and satisfaction by month',
  });

  const option = useMemo<ChartOption>(() => {
    const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: points.map((p) => month(p.period)) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
        { type: 'value', min: 0, max: 5, position: 'right' },
      ],
      series: [
        {
          name: resolutionName,
          type: 'line',
          data: points.map((p) => pct(p.resolutionCompliance)),
        },
        {
          name: firstName,
          type: 'line',
          data: points.map((p) => pct(p.firstResponseCompliance)),
        },
        {
          name: scoreName,
          type: 'bar',
          yAxisIndex: 1,
          barMaxWidth: 24,
          data: points.map((p) => (p.averageScore == null ? null : p.averageScore)),
        },
      ],
    };
  }, [points, intl.locale, resolutionName, firstName, scoreName]);

  const tableName = intl.formatMessage({
    id: 'atRisk.trend.table',
    defaultMessage: 'SLA and satisfaction by month',
  });
  // Focusable, so a keyboard can scroll it when it is wider than the screen.
  const table = (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={tableName}>
      <table>
        <caption>{tableName}</caption>
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage id="atRisk.trend.month" defaultMessage="Month" />
            </th>
            <th scope="col">
              <FormattedMessage id="atRisk.trend.requests" defaultMessage="Requests" />
            </th>
            <th scope="col">{resolutionName}</th>
            <th scope="col">{firstName}</th>
            <th scope="col">{scoreName}</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.period ?? ''}>
              <th scope="row">{month(p.period)}</th>
              <td>{intl.formatNumber(p.total)}</td>
              <td>{percent(p.resolutionCompliance)}</td>
              <td>{percent(p.firstResponseCompliance)}</td>
              <td>{score(p.averageScore)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section aria-labelledby="at-risk-trend" className="card">
      <h2 id="at-risk-trend">
        <FormattedMessage id="atRisk.trend.title" defaultMessage="SLA and satisfaction trend" />
      </h2>
      {points.length === 0 ? (
        <p className="muted">
          <FormattedMessage
            id="atRisk.trend.none"
            defaultMessage="No request to this department in the last six months."
          />
        </p>
      ) : (
        <Chart
          name={chartName}
          option={option}
          table={table}
          height={260}
          figures={points.map((p) => ({
            period: p.period,
            resolutionCompliance: p.resolutionCompliance,
            firstResponseCompliance: p.firstResponseCompliance,
            averageScore: p.averageScore,
          }))}
        />
      )}
    </section>
  );
}
