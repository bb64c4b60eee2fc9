import { useCallback, useMemo } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router';
import { Chart, ChartItem, ChartOption } from '../charts/chart';
import type { ReportFilter, ReportsMatrixQuery } from '../gql/graphql';
import { relationshipLabel } from '../ui/labels';
import { count, DASH, pct, percent, score } from './report-format';
import { csvHref, queueHref, ReportView } from './report-params';
import { Loading, ReportSection } from './report-section';
import { ReportsMatrixQuery as MatrixQuery } from './reports-documents';
import { useSectionQuery } from './use-section-query';

type Cell = ReportsMatrixQuery['departmentMatrix'][number];
type Department = NonNullable<Cell['customer']>;

// Compliance bands: the heatmap's colours, each also said in the legend and in every cell's
// text, so the colour never carries the meaning alone.
const NO_CLOCKS = -1;
const BANDS = [
  { min: 95, color: '#9fd8b0' },
  { min: 80, color: '#fde68a' },
  { min: 0, color: '#f4a3a3' },
];
// A pattern per band, on top of the colour: none (95 % or more), diagonal lines (80 to 95 %),
// dots (below 80 %).
const INK = 'rgba(27, 36, 48, 0.22)';
function bandDecal(compliance: number | null) {
  if (compliance === null || compliance >= 95) return undefined;
  if (compliance >= 80)
    return {
      symbol: 'rect',
      dashArrayX: [1, 0],
      dashArrayY: [2, 5],
      rotation: Math.PI / 4,
      color: INK,
    };
  return { symbol: 'circle', symbolSize: 0.6, dashArrayX: [5, 3], dashArrayY: [5, 3], color: INK };
}

// Who asks whom for what: one cell per (customer, supplier) pair with traffic, coloured by
// resolution compliance; a cell (in the heatmap or the table) opens the requests behind it.
export function MatrixSection({
  view,
  filter,
  pause,
  canOpen,
}: {
  view: ReportView;
  filter: ReportFilter;
  pause: boolean;
  // Whether the caller's queue shows this supplier's requests (operations: every supplier).
  canOpen: (supplierId: string) => boolean;
}) {
  const intl = useIntl();
  const navigate = useNavigate();
  const { sectionRef, result, data, busy } = useSectionQuery({
    query: MatrixQuery,
    variables: { filter },
    pause,
  });
  const cells = useMemo(
    () => (data?.departmentMatrix ?? []).filter((c) => c.customer && c.supplier),
    [data],
  );
  const { customers, suppliers, byPair } = useMemo(() => {
    const customers = new Map<string, Department>();
    const suppliers = new Map<string, Department>();
    const byPair = new Map<string, Cell>();
    for (const cell of cells) {
      customers.set(cell.customer!.id, cell.customer!);
      suppliers.set(cell.supplier!.id, cell.supplier!);
      byPair.set(`${cell.customer!.id}>${cell.supplier!.id}`, cell);
    }
    const sorted = (m: Map<string, Department>) =>
      [...m.values()].sort((a, b) => a.code.localeCompare(b.code));
    return { customers: sorted(customers), suppliers: sorted(suppliers), byPair };
  }, [cells]);

  const title = intl.formatMessage({
    id: 'reports.matrix.title',
    defaultMessage: 'Department matrix',
  });
  const chartName = intl.formatMessage({
    id: 'reports.matrix.chart',
    defaultMessage: 'Resolution compliance by customer and supplier',
  });
  const hrefOf = useCallback(
    (cell: Cell) => queueHref(cell.customer!.id, cell.supplier!.id, filter, view),
    [filter, view],
  );
  const cellName = (cell: Cell) =>
    intl.formatMessage(
      {
        id: 'reports.matrix.cell',
        defaultMessage:
          '{requests, plural, one {# request} other {# requests}}, {compliance} resolution compliance, {customer} to {supplier}',
      },
      {
        requests: cell.requests,
        compliance: percent(intl, cell.resolutionCompliance),
        customer: cell.customer!.code,
        supplier: cell.supplier!.code,
      },
    );

  const option = useMemo((): ChartOption => {
    const formatPct = (v: number) =>
      intl.formatNumber(v / 100, { style: 'percent', maximumFractionDigits: 1 });
    const band = (label: string, min?: number, max?: number, color?: string) => ({
      label,
      ...(min !== undefined ? { gte: min } : {}),
      ...(max !== undefined ? { lt: max } : {}),
      color,
    });
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
      tooltip: {
        formatter: (p) => {
          const data = (p as unknown as { data: { cell: Cell } }).data;
          return data?.cell ? cellName(data.cell) : '';
        },
      },
      xAxis: {
        type: 'category',
        data: suppliers.map((d) => d.code),
        position: 'top',
        axisLine: { show: false },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'category',
        data: customers.map((d) => d.code),
        inverse: true,
        axisLine: { show: false },
        axisTick: { show: false },
      },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        bottom: 0,
        left: 'center',
        dimension: 2,
        pieces: [
          band(
            intl.formatMessage({ id: 'reports.matrix.band.good', defaultMessage: '95 % or more' }),
            95,
            undefined,
            BANDS[0].color,
          ),
          band(
            intl.formatMessage({ id: 'reports.matrix.band.fair', defaultMessage: '80 to 95 %' }),
            80,
            95,
            BANDS[1].color,
          ),
          band(
            intl.formatMessage({ id: 'reports.matrix.band.poor', defaultMessage: 'Below 80 %' }),
            0,
            80,
            BANDS[2].color,
          ),
          band(
            intl.formatMessage({
              id: 'reports.matrix.band.none',
              defaultMessage: 'No finished clocks',
            }),
            undefined,
            0,
            '#eceff3',
          ),
        ],
        textStyle: { color: '#1b2430' },
      },
      series: [
        {
          type: 'heatmap',
          data: cells.map((cell) => ({
            value: [
              suppliers.findIndex((d) => d.id === cell.supplier!.id),
              customers.findIndex((d) => d.id === cell.customer!.id),
              pct(cell.resolutionCompliance) ?? NO_CLOCKS,
            ],
            cell,
            itemStyle: { decal: bandDecal(pct(cell.resolutionCompliance)) },
          })),
          label: {
            show: true,
            color: '#1b2430',
            formatter: (p) => {
              const { cell } = (p as unknown as { data: { cell: Cell } }).data;
              const c = pct(cell.resolutionCompliance);
              return `${intl.formatNumber(cell.requests)} · ${c === null ? DASH : formatPct(c)}`;
            },
          },
          itemStyle: { borderColor: '#ffffff', borderWidth: 2 },
          emphasis: { itemStyle: { borderColor: '#1b2430', borderWidth: 2 } },
        },
      ],
    };
    // cellName depends on intl alone.
  }, [cells, customers, suppliers, intl]);

  const onItemClick = useCallback(
    (item: ChartItem) => {
      const cell = (item.data as { cell?: Cell } | undefined)?.cell;
      if (cell && canOpen(cell.supplier!.id)) navigate(hrefOf(cell));
    },
    [canOpen, hrefOf, navigate],
  );

  const figures = cells.map((c) => ({
    customer: c.customer!.code,
    supplier: c.supplier!.code,
    requests: c.requests,
    resolutionCompliance: c.resolutionCompliance ?? null,
  }));

  const table = (
    <div className="table-wrap" tabIndex={0}>
      <table aria-label={title} className="report-table report-matrix">
        <thead>
          <tr>
            <th scope="col">
              <FormattedMessage
                id="reports.matrix.corner"
                defaultMessage="Customers (rows), suppliers (columns)"
              />
            </th>
            {suppliers.map((s) => (
              <th scope="col" key={s.id} title={s.name}>
                <abbr title={s.name}>{s.code}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <tr key={c.id}>
              <th scope="row" title={c.name}>
                <abbr title={c.name}>{c.code}</abbr>
              </th>
              {suppliers.map((s) => {
                const cell = byPair.get(`${c.id}>${s.id}`);
                if (!cell) return <td key={s.id} className="muted" />;
                const content = (
                  <>
                    <span className="matrix-count">{count(intl, cell.requests)}</span>
                    <span className="matrix-pct">{percent(intl, cell.resolutionCompliance)}</span>
                  </>
                );
                const c2 = pct(cell.resolutionCompliance);
                const band = c2 === null ? 'none' : c2 >= 95 ? 'good' : c2 >= 80 ? 'fair' : 'poor';
                return (
                  <td
                    key={s.id}
                    className={`matrix-cell matrix-${band}`}
                    title={`${relationshipLabel(intl, cell.relationshipType ?? 'DIAGONAL')} · ${intl.formatMessage(
                      { id: 'reports.col.averageScore', defaultMessage: 'Average rating' },
                    )} ${score(intl, cell.averageScore)}`}
                  >
                    {canOpen(s.id) ? (
                      <Link to={hrefOf(cell)} aria-label={cellName(cell)}>
                        {content}
                      </Link>
                    ) : (
                      content
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <ReportSection
      title={title}
      csv={csvHref('department-matrix', filter, view)}
      fetching={busy}
      sectionRef={sectionRef}
      error={result.error}
      empty={!!data && cells.length === 0}
      intro={
        <p className="muted">
          <FormattedMessage
            id="reports.matrix.intro"
            defaultMessage="Each cell counts the requests a customer department filed with a supplier and their resolution compliance; open a cell to see those requests."
          />
        </p>
      }
    >
      {!data ? (
        <Loading height={260} />
      ) : (
        <Chart
          name={chartName}
          option={option}
          figures={figures}
          height={Math.max(260, customers.length * 30 + 110)}
          onItemClick={onItemClick}
          decals={false}
          table={table}
          className="report-matrix-pair"
        />
      )}
    </ReportSection>
  );
}
