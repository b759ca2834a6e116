// The portal's own ECharts build: only the chart types and components it uses.
// Add a chart type or component here (and nowhere else) when a chart needs it;
// every one costs bytes on the first view (make bench prints them). No chart uses
// ECharts' title, dataZoom or markLine: titles are HTML, and dropping the three
// saved 14 KB brotli.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, HeatmapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  HeatmapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

// The wasm side binds to this global (src/charts/echarts.rs).
window.echarts = echarts;
// It loads async (after the page's text): charts waiting for it draw now.
window.dispatchEvent(new Event('kunshan:echarts-ready'));
