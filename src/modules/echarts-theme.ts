/**
 * ECharts, tree-shaken: only the charts and components the panels use, the SVG renderer (vector output
 * stays sharp under the stage's CSS scale on a 7680-px LED wall), and the one dark wall theme.
 * Registered once at start-up; panels only name the theme. Every text size in it is at least the wall's
 * 24-unit label size; key figures are 48.
 */
import { use, registerTheme } from 'echarts/core';
import { BarChart, FunnelChart, GaugeChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { CalendarComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LabelLayout } from 'echarts/features';
import { WALL, WALL_FONT, WALL_THEME } from '../panels/tokens';

let installed = false;

export function installECharts(): void {
  if (installed) return;
  installed = true;
  use([
    BarChart,
    FunnelChart,
    GaugeChart,
    HeatmapChart,
    LineChart,
    PieChart,
    CalendarComponent,
    GridComponent,
    LegendComponent,
    MarkLineComponent,
    TooltipComponent,
    VisualMapComponent,
    LabelLayout,
    SVGRenderer,
  ]);
  registerTheme(WALL_THEME, {
    color: WALL.series,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: WALL_FONT, color: WALL.text, fontSize: 24 },
    title: { textStyle: { color: WALL.text, fontFamily: WALL_FONT } },
    legend: { textStyle: { color: WALL.textDim, fontSize: 24, fontFamily: WALL_FONT }, itemWidth: 22, itemHeight: 12 },
    // Panels set their own tooltip (options/tooltip.ts, rich text only); these are its wall-size defaults.
    tooltip: { textStyle: { fontSize: 24, fontFamily: WALL_FONT, color: WALL.text } },
    categoryAxis: {
      axisLine: { show: true, lineStyle: { color: WALL.axis } },
      axisTick: { show: false },
      axisLabel: { color: WALL.textDim, fontSize: 24, fontFamily: WALL_FONT },
      splitLine: { show: false },
    },
    valueAxis: {
      axisLine: { show: false },
      axisTick: { show: false },
      axisLabel: { color: WALL.textDim, fontSize: 24, fontFamily: WALL_FONT },
      splitLine: { show: true, lineStyle: { color: WALL.grid, type: 'dashed' } },
    },
    bar: { itemStyle: { borderRadius: [0, 4, 4, 0] } },
    line: { symbolSize: 8, lineStyle: { width: 3 } },
    gauge: { title: { color: WALL.textDim, fontSize: 24 }, detail: { color: WALL.text, fontSize: 48 } },
    funnel: { label: { fontSize: 24, color: WALL.text } },
    pie: { label: { fontSize: 24, color: WALL.text } },
    markLine: { label: { fontSize: 24 } },
    calendar: { dayLabel: { fontSize: 24 }, monthLabel: { fontSize: 24 } },
  });
}
