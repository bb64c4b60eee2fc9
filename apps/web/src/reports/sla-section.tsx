import { useMemo } from 'react';
import { useQuery } from 'urql';
import { FormattedMessage, useIntl } from 'react-intl';
import { Chart, ChartOption } from '../charts/chart';
import type { ReportFilter } from '../gql/graphql';
import {
  byGroup,
  count,
  groupLabel,
  groupName,
  minutes,
  pct,
  percent,
  rowKey,
} from './report-format';
import { csvHref, ReportView, toGrouping } from './report-params';
import { Loading, ReportSection } from './report-section';
import { ReportsSlaQuery, ReportsSlaTimesQuery } from './reports-documents';
import { useSectionQuery } from './use-section-query';

// Are departments keeping their promises? Resolution and first-response compliance per group,
// as a bar chart and the SLA report table with every figure.
export function SlaSection({
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
    query: ReportsSlaQuery,
    variables: { filter, groupBy: grouping.groupBy, period: grouping.period },
    pause,
    eager: true,
  });
  const rows = useMemo(() => data?.slaReport ?? [], [data]);
  // The percentiles follow the compliance for the same variables, so they never compete with
  // the chart's query; until they come, their cells say they are loading.
  const [times] = useQuery({
    query: ReportsSlaTimesQuery,
    variables: result.operation?.variables ?? {
      filter,
      groupBy: grouping.groupBy,
      period: grouping.period,
    },
    pause: !result.data || result.fetching,
  });
  const timesOf = useMemo(() => {
    const byKey = new Map<string, { median: number | null; p90: number | null }>();
    if (times.data && !times.fetching) {
      for (const row of times.data.slaReport) {
        byKey.set(rowKey(row), {
          median: row.medianResolutionMinutes ?? null,
          p90: row.p90ResolutionMinutes ?? null,
        });
      }
    }
    return byKey;
  }, [times.data, times.fetching]);
  const labelled = useMemo(
    () => rows.map((row) => ({ row, label: groupLabel(intl, view.group, row, view.period) })),
    [rows, intl, view.group, view.period],
  );
  const title = intl.formatMessage({ id: 'reports.sla.title', defaultMessage: 'SLA report' });
  const chartName = intl.formatMessage(
    { id: 'reports.sla.chart', defaultMessage: 'SLA compliance by {by}' },
    { by: byGroup(intl, view.group, view.period) },
  );
  const resolution = intl.formatMessage({
    id: 'reports.sla.resolutionCompliance',
    defaultMessage: 'Resolution compliance',
  });
  const firstResponse = intl.formatMessage({
    id: 'reports.sla.firstResponseCompliance',
    defaultMessage: 'First response compliance',
  });

  const option = useMemo((): ChartOption => {
    // Top to bottom in the table's order.
    const categories = labelled.map((l) => l.label.short).reverse();
    const values = (pick: (r: (typeof rows)[number]) => number | null | undefined) =>
      labelled.map((l) => pct(pick(l.row))).reverse();
    const formatPct = (v: number) =>
      intl.formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 1 });
    return {
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, left: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (typeof v === 'number' ? formatPct(v) : '—'),
      },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: (v: number) => formatPct(v) },
      },
      yAxis: {
        type: 'category',
        data: categories,
        axisLabel: { width: 140, overflow: 'truncate' },
      },
      series: [
        {
          name: resolution,
          type: 'bar',
          data: values((r) => r.resolutionCompliance),
          label: {
            show: labelled.length <= 16,
            position: 'right',
            formatter: (p) => (typeof p.value === 'number' ? formatPct(p.value) : '—'),
          },
        },
        {
          name: firstResponse,
          type: 'bar',
          data: values((r) => r.firstResponseCompliance),
        },
      ],
    };
  }, [labelled, intl, resolution, firstResponse]);

  const figures = labelled.map(({ row, label }) => ({
    group: label.long,
    total: row.total,
    resolutionCompliance: row.resolutionCompliance ?? null,
    firstResponseCompliance: row.firstResponseCompliance ?? null,
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
              <FormattedMessage id="reports.col.open" defaultMessage="Open" />
            </th>
            <th scope="col">{resolution}</th>
            <th scope="col">{firstResponse}</th>
            <th scope="col">
              <FormattedMessage
                id="reports.col.median"
                defaultMessage="Median resolution (working time)"
              />
            </th>
            <th scope="col">
              <FormattedMessage
                id="reports.col.p90"
                defaultMessage="90th percentile (working time)"
              />
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
              <td className="num">{count(intl, row.open)}</td>
              <td className="num">
                {percent(intl, row.resolutionCompliance)}
                <MetBreached met={row.resolutionMet} breached={row.resolutionBreached} />
              </td>
              <td className="num">
                {percent(intl, row.firstResponseCompliance)}
                <MetBreached met={row.firstResponseMet} breached={row.firstResponseBreached} />
              </td>
              <WorkingTime minutes={timesOf.get(rowKey(row))} pick="median" />
              <WorkingTime minutes={timesOf.get(rowKey(row))} pick="p90" />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ReportSection
      title={title}
      csv={csvHref('sla', filter, view)}
      fetching={busy}
      sectionRef={sectionRef}
      error={result.error}
      empty={!!data && rows.length === 0}
    >
      {!data ? (
        // About a full table's height: the satisfaction report below waits for this one's
        // figures (and the next scroll) rather than loading beside it at once.
        <Loading height={760} />
      ) : (
        <Chart
          name={chartName}
          option={option}
          figures={figures}
          height={Math.max(220, labelled.length * 44 + 70)}
          table={table}
        />
      )}
    </ReportSection>
  );
}

// A percentile's cell: the working time in words, or loading while the percentiles are asked.
function WorkingTime({
  minutes: times,
  pick,
}: {
  minutes: { median: number | null; p90: number | null } | undefined;
  pick: 'median' | 'p90';
}) {
  const intl = useIntl();
  if (!times) {
    return (
      <td aria-busy="true" className="muted">
        <FormattedMessage id="reports.loading" defaultMessage="Loading…" />
      </td>
    );
  }
  return <td>{minutes(intl, times[pick])}</td>;
}

// The counts behind a compliance figure, under it.
function MetBreached({ met, breached }: { met: number; breached: number }) {
  return (
    <span className="met-breached">
      <FormattedMessage
        id="reports.sla.metBreached"
        defaultMessage="{met, number} met · {breached, number} breached"
        values={{ met, breached }}
      />
    </span>
  );
}
