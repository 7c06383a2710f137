/**
 * How often a chart takes new data (WallChart.vue). Kept apart from the component so the rule is
 * testable without a DOM.
 */
import type { EChartsOption } from 'echarts';

/** Least wall time between two setOption calls on one chart; the newest option wins. */
export const CHART_MIN_INTERVAL_MS = 2000;

/**
 * A comparable key of an option: its JSON. Functions (label formatters, rebuilt with every option)
 * are left out, so two options that would draw the same compare equal.
 */
export function optionKey(option: EChartsOption): string {
  return JSON.stringify(option);
}
