// The parts of ECharts the app draws with, registered once: tree-shaken from echarts/core and
// loaded on demand (src/charts/chart.tsx imports this file lazily), so the sign-in page and the
// screens without charts never download it. Add a chart type or component here (and to
// ChartOption in chart.tsx) when a screen needs one; each costs the reports' first chart time.
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
} from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([
  BarChart,
  LineChart,
  HeatmapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  SVGRenderer,
]);

export { init };
