/**
 * The tooltip carousel of an unattended wall: every chart highlights one data point after another and
 * shows its tooltip, so the figures behind the shapes are readable without anyone touching the wall.
 * The stepping rule is pure; WallChart.vue drives it (timer, pause under the pointer, test hook).
 */

/** Time each point stays highlighted. */
export const CAROUSEL_PERIOD_MS = 5000;

/** The indexes worth visiting: points that have a value (gaps in a series are skipped). */
export function carouselStops(values: readonly (number | null | undefined)[]): number[] {
  const stops: number[] = [];
  values.forEach((v, i) => {
    if (v !== null && v !== undefined && Number.isFinite(v)) stops.push(i);
  });
  return stops;
}

/** The stop after `current` (the first one when `current` is not a stop any more); -1 when none. */
export function nextStop(stops: readonly number[], current: number): number {
  if (stops.length === 0) return -1;
  const after = stops.find((s) => s > current);
  return after ?? stops[0]!;
}

/** What a chart's carousel visits: one series of the option and the data indexes along it. */
export interface CarouselPlan {
  seriesIndex: number;
  stops: number[];
}
