import { useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Chart, ChartOption } from '../charts/chart';
import type { WhatIfSimulateQuery } from '../gql/graphql';
import { Priority, priorityLabel } from '../ui/labels';

type Simulation = NonNullable<WhatIfSimulateQuery['p1']>;
export type SimulationByPriority = Partial<Record<Priority, Simulation>>;

// Actual and simulated compliance side by side, per priority: a table, and a chart beside it.
export function WhatIfResult({ results }: { results: SimulationByPriority }) {
  const intl = useIntl();
  const rows = (Object.entries(results) as [Priority, Simulation][]).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const percent = (v: number | null | undefined) =>
    v == null ? '–' : intl.formatNumber(v, { style: 'percent', maximumFractionDigits: 1 });
  const count = (v: number) => intl.formatNumber(v);
  const change = (a: number | null | undefined, s: number | null | undefined) => {
    if (a == null || s == null) return '–';
    const points = Math.round((s - a) * 1000) / 10;
    return intl.formatMessage(
      { id: 'whatIf.result.points', defaultMessage: '{points} points' },
      {
        points: intl.formatNumber(points, { signDisplay: 'exceptZero', maximumFractionDigits: 1 }),
      },
    );
  };
  const actualName = intl.formatMessage({ id: 'whatIf.result.actual', defaultMessage: 'Actual' });
  const simulatedName = intl.formatMessage({
    id: 'whatIf.result.simulated',
    defaultMessage: 'Simulated',
  });
  const option = useMemo<ChartOption>(() => {
    const pct = (v: number | null | undefined) => (v == null ? null : Math.round(v * 1000) / 10);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map(([p]) => priorityLabel(intl, p)) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [
        {
          name: actualName,
          type: 'bar',
          data: rows.map(([, r]) => pct(r.actual.resolutionCompliance)),
        },
        {
          name: simulatedName,
          type: 'bar',
          data: rows.map(([, r]) => pct(r.simulated.resolutionCompliance)),
        },
      ],
    };
  }, [rows, intl, actualName, simulatedName]);

  const tableName = intl.formatMessage({
    id: 'whatIf.result.table',
    defaultMessage: 'Actual and simulated compliance',
  });
  // Focusable, so a keyboard can scroll it when it is wider than the screen.
  const table = (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={tableName}>
      <table className="what-if-table">
        <caption>{tableName}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>
              <FormattedMessage id="whatIf.result.priority" defaultMessage="Priority" />
            </th>
            <th scope="col" rowSpan={2}>
              <FormattedMessage id="whatIf.result.requests" defaultMessage="Requests" />
            </th>
            <th scope="colgroup" colSpan={3}>
              <FormattedMessage id="whatIf.result.resolution" defaultMessage="Resolution" />
            </th>
            <th scope="colgroup" colSpan={3}>
              <FormattedMessage id="whatIf.result.firstResponse" defaultMessage="First response" />
            </th>
          </tr>
          <tr>
            <th scope="col">{actualName}</th>
            <th scope="col">{simulatedName}</th>
            <th scope="col">
              <FormattedMessage id="whatIf.result.change" defaultMessage="Change" />
            </th>
            <th scope="col">{actualName}</th>
            <th scope="col">{simulatedName}</th>
            <th scope="col">
              <FormattedMessage id="whatIf.result.change" defaultMessage="Change" />
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([p, r]) => (
            <tr key={p}>
              <th scope="row">{priorityLabel(intl, p)}</th>
              <td>{count(r.requests)}</td>
              <td>
                {percent(r.actual.resolutionCompliance)}
                <div className="muted">
                  <FormattedMessage
                    id="whatIf.result.metBreached"
                    defaultMessage="{met} met, {breached} breached"
                    values={{
                      met: count(r.actual.resolutionMet),
                      breached: count(r.actual.resolutionBreached),
                    }}
                  />
                </div>
              </td>
              <td>
                {percent(r.simulated.resolutionCompliance)}
                <div className="muted">
                  <FormattedMessage
                    id="whatIf.result.metBreached"
                    defaultMessage="{met} met, {breached} breached"
                    values={{
                      met: count(r.simulated.resolutionMet),
                      breached: count(r.simulated.resolutionBreached),
                    }}
                  />
                </div>
              </td>
              <td>
                {change(r.actual.resolutionCompliance, r.simulated.resolutionCompliance)}
                <div className="muted">
                  <FormattedMessage
                    id="whatIf.result.flips"
                    defaultMessage="{breached} met would have breached, {met} breached would have met"
                    values={{ met: count(r.wouldHaveMet), breached: count(r.wouldHaveBreached) }}
                  />
                </div>
              </td>
              <td>{percent(r.actual.firstResponseCompliance)}</td>
              <td>{percent(r.simulated.firstResponseCompliance)}</td>
              <td>
                {change(r.actual.firstResponseCompliance, r.simulated.firstResponseCompliance)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <section aria-labelledby="what-if-result" className="what-if-result">
      <h2 id="what-if-result">
        <FormattedMessage id="whatIf.result.title" defaultMessage="Simulation result" />
      </h2>
      <Chart
        name={intl.formatMessage({
          id: 'whatIf.result.chart',
          defaultMessage: 'Actual and simulated resolution compliance by priority',
        })}
        option={option}
        table={table}
        height={260}
        className="what-if-chart"
        figures={rows.map(([p, r]) => ({
          priority: p,
          actual: r.actual.resolutionCompliance,
          simulated: r.simulated.resolutionCompliance,
        }))}
      />
    </section>
  );
}
