/**
 * ECharts, tree-shaken: only the charts and components the panels use, the SVG renderer (vector output
 * stays sharp under the stage's CSS scale on a 7680-px LED wall), and the one dark wall theme.
 * Registered once at start-up; panels only name the theme.
 */
import { use, registerTheme } from 'echarts/core';
import { BarChart, GaugeChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LabelLayout } from 'echarts/features';
import { WALL, WALL_FONT, WALL_THEME } from '../panels/tokens';

let installed = false;

export function installECharts(): void {
  if (installed) return;
  installed = true;
  use([BarChart, GaugeChart, LineChart, PieChart, GridComponent, LegendComponent, LabelLayout, SVGRenderer]);
  registerTheme(WALL_THEME, {
    color: WALL.series,
    backgroundColor: 'transparent',
    textStyle: { fontFamily: WALL_FONT, color: WALL.text, fontSize: 24 },
    title: { textStyle: { color: WALL.text, fontFamily: WALL_FONT } },
    legend: { textStyle: { color: WALL.textDim, fontSize: 24, fontFamily: WALL_FONT }, itemWidth: 22, itemHeight: 12 },
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
    gauge: { title: { color: WALL.textDim }, detail: { color: WALL.text } },
  });
}
