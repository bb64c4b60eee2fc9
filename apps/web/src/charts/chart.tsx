import { ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type {
  AriaComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption, ECharts, ECElementEvent } from 'echarts/core';
import './chart.css';

// An ECharts option made of the parts src/charts/echarts-setup.ts registers.
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | HeatmapSeriesOption
  | AriaComponentOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

// What a click on a drawn item (a bar, a point, a heatmap cell) passes on.
export interface ChartItem {
  seriesIndex: number;
  dataIndex: number;
  name: string;
  value: unknown;
  data: unknown;
}

export interface ChartProps {
  // The accessible name of the chart (role img), e.g. "SLA compliance by supplier".
  name: string;
  option: ChartOption;
  // The table with the same numbers, laid out beside the chart (below it on narrow screens).
  table?: ReactNode;
  // A longer text alternative (aria-describedby), for what the name does not say.
  description?: string;
  // Height of the drawing in CSS pixels.
  height?: number;
  // Right-to-left pages get the chart mirrored: category and value axes run from the right,
  // the y axis sits on the right, legends and grids swap sides. Off for charts that must not.
  mirror?: boolean;
  // Decal patterns per series (or per item when coloured by data), on by default. A chart whose
  // items carry their own meaning in text and patterns (a heatmap with labelled cells and
  // itemStyle.decal per band) may turn the automatic ones off.
  decals?: boolean;
  onItemClick?: (item: ChartItem) => void;
  // The figures drawn, as data-figures (JSON) on the img element: tests and tools compare them
  // with the table without reading the SVG.
  figures?: unknown;
  className?: string;
}

// Colour-blind safe (Okabe–Ito, darkened for contrast on white); decal patterns tell the
// series apart without colour as well.
export const CHART_PALETTE = [
  '#1f4e8c',
  '#b45309',
  '#1d6b3a',
  '#7b3294',
  '#a4161a',
  '#0f6e7a',
  '#4f5b6b',
  '#8a6d00',
];

type EchartsModule = typeof import('./echarts-setup');
let loading: Promise<EchartsModule> | null = null;

// Starts downloading ECharts (once); screens may call it early, beside their queries.
export function preloadCharts(): Promise<EchartsModule> {
  loading ??= import('./echarts-setup');
  return loading;
}

type Sided = { left?: unknown; right?: unknown };
function swapSides<T>(part: T): T {
  if (!part || typeof part !== 'object') return part;
  const list = Array.isArray(part) ? part : [part];
  const swapped = list.map((p: Sided) => {
    if (!p || typeof p !== 'object') return p;
    const { left, right, ...rest } = p;
    const out: Sided = { ...rest };
    if (right !== undefined) out.left = right;
    if (left !== undefined) out.right = left;
    return out;
  });
  return (Array.isArray(part) ? swapped : swapped[0]) as T;
}

type Axis = { inverse?: boolean; position?: string };
function mapAxes<T>(axes: T, change: (axis: Axis) => Axis): T {
  if (!axes) return axes;
  return (Array.isArray(axes) ? axes.map(change) : change(axes as Axis)) as T;
}

type Series = Record<string, unknown>;
function mapSeries<T>(series: T, change: (s: Series) => Series): T {
  if (!series) return series;
  return (Array.isArray(series) ? series.map(change) : change(series as Series)) as T;
}

// The option as drawn on a right-to-left page.
export function mirrored(option: ChartOption): ChartOption {
  return {
    ...option,
    xAxis: mapAxes(option.xAxis, (a) => ({ ...a, inverse: !a.inverse })),
    yAxis: mapAxes(option.yAxis, (a) => ({
      ...a,
      position: a.position === 'right' ? 'left' : 'right',
    })),
    series: mapSeries(option.series, (series) => {
      const label = series.label as { position?: string } | undefined;
      const flip: Record<string, string> = {
        left: 'right',
        right: 'left',
        insideLeft: 'insideRight',
        insideRight: 'insideLeft',
      };
      return label?.position && flip[label.position]
        ? { ...series, label: { ...label, position: flip[label.position] } }
        : series;
    }),
    grid: swapSides(option.grid),
    legend: swapSides(option.legend),
    visualMap: swapSides(option.visualMap),
  } as ChartOption;
}

function cssVar(name: string, fallback: string): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

// The app's look and the accessibility parts every chart gets: decal patterns on, the page's
// font and ink, no motion when the reader asks for none.
function decorated(
  option: ChartOption,
  rtl: boolean,
  mirror: boolean,
  decals: boolean,
): ChartOption {
  const reduceMotion =
    typeof window !== 'undefined' &&
    window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  const fontFamily =
    typeof document !== 'undefined' ? getComputedStyle(document.body).fontFamily : undefined;
  const base: ChartOption = {
    color: CHART_PALETTE,
    animationDuration: 300,
    animationDurationUpdate: 200,
    ...option,
    textStyle: { fontFamily, color: cssVar('--ink', '#1b2430'), ...(option.textStyle as object) },
    aria: {
      enabled: true,
      // The name is the img element's own (below); ECharts' generated sentence would replace it.
      label: { enabled: false },
      decal: { show: true },
    },
  };
  if (reduceMotion) base.animation = false;
  if (rtl && base.tooltip && !Array.isArray(base.tooltip)) {
    // The drawing is left to right (chart.css); its tooltips read in the page's direction.
    base.tooltip = { ...base.tooltip, extraCssText: 'direction: rtl; text-align: right;' };
  }
  if (!decals) base.aria = { ...(base.aria as object), decal: { show: false } };
  return rtl && mirror ? mirrored(base) : base;
}

// A chart: an element with role img and a name, drawn by ECharts (SVG) once its code is in,
// redrawn when the option, the language or the element's size change; its table beside it.
export function Chart({
  name,
  option,
  table,
  description,
  height = 300,
  mirror = true,
  decals = true,
  onItemClick,
  figures,
  className,
}: ChartProps) {
  const intl = useIntl();
  const host = useRef<HTMLDivElement>(null);
  const instance = useRef<ECharts | null>(null);
  const clicked = useRef(onItemClick);
  clicked.current = onItemClick;
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<'loading' | 'drawing' | 'drawn' | 'failed'>('loading');
  // Which option was last drawn (data-revision counts from 1): ECharts may draw within
  // setOption, so "drawing" need not ever reach the DOM; a new revision always does.
  const revision = useRef(0);
  const [drawnRevision, setDrawnRevision] = useState(0);
  const descriptionId = useId();
  const rtl =
    (typeof document !== 'undefined' && document.documentElement.dir === 'rtl') ||
    intl.locale.startsWith('fa');

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    preloadCharts().then(
      ({ init }) => {
        if (disposed || !host.current) return;
        const chart = init(host.current, null, { renderer: 'svg' });
        instance.current = chart;
        chart.on('click', (event) => {
          const e = event as ECElementEvent;
          clicked.current?.({
            seriesIndex: e.seriesIndex ?? 0,
            dataIndex: e.dataIndex,
            name: e.name,
            value: e.value,
            data: e.data,
          });
        });
        chart.on('rendered', () => {
          setState('drawn');
          setDrawnRevision(revision.current);
        });
        observer = new ResizeObserver(() => chart.resize());
        observer.observe(host.current);
        setReady(true);
      },
      () => !disposed && setState('failed'),
    );
    return () => {
      disposed = true;
      observer?.disconnect();
      instance.current?.dispose();
      instance.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = instance.current;
    if (!ready || !chart) return;
    setState('drawing');
    revision.current += 1;
    chart.setOption(decorated(option, rtl, mirror, decals), { notMerge: true });
  }, [ready, option, rtl, mirror, decals]);

  return (
    <div className={`chart-with-table${className ? ` ${className}` : ''}`}>
      <div
        className="chart"
        role="img"
        aria-label={name}
        aria-describedby={description ? descriptionId : undefined}
        data-state={state}
        data-revision={drawnRevision}
        data-figures={figures === undefined ? undefined : JSON.stringify(figures)}
      >
        <div
          ref={host}
          className={`chart-drawing${onItemClick ? ' chart-clickable' : ''}`}
          style={{ height }}
          aria-hidden="true"
        />
      </div>
      {description && (
        <p id={descriptionId} className="chart-description">
          {description}
        </p>
      )}
      {table !== undefined && <div className="chart-table">{table}</div>}
    </div>
  );
}
