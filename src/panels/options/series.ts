/** Lines and bars over one category axis, with an optional reference line (a warning level). */
import type { EChartsOption, SeriesOption } from 'echarts';
import { TONE_COLOUR, WALL } from '../tokens';
import { carouselStops, type CarouselPlan } from '../carousel';
import { ellipsize, fmtCompact, fmtValue, richSafe } from '../panel-format';
import type { SeriesData } from '../types';
import { tipModel, tipParams, wallTooltip } from './tooltip';

/** Decimals that show a series' values honestly: none for counts, one for levels such as 52.3 m. */
export function seriesDecimals(data: SeriesData): number {
  const all = data.series.flatMap((s) => s.values).filter((v): v is number => v !== null && Number.isFinite(v));
  const fractional = all.some((v) => Math.abs(v - Math.round(v)) > 1e-9);
  if (!fractional) return 0;
  return all.some((v) => Math.abs(v * 10 - Math.round(v * 10)) > 1e-6) ? 2 : 1;
}

/** The newest value of the first series (the headline), skipping trailing gaps. */
export function latestValue(data: SeriesData): { value: number; index: number } | null {
  const values = data.series[0]?.values ?? [];
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return { value: v, index: i };
  }
  return null;
}

/** A step of 1, 2, 2.5 or 5 × 10^n near `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  const f = raw / base;
  const m = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return m * base;
}

/**
 * The value axis: round bounds and about `ticks` steps covering the data and the reference line (a
 * warning level above every value must still show). Bars start at zero.
 */
export function valueAxisBounds(values: readonly (number | null)[], reference: number | undefined, fromZero: boolean, ticks = 3): { min: number; max: number; interval: number } {
  const all = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (reference !== undefined && Number.isFinite(reference)) all.push(reference);
  if (fromZero) all.push(0);
  if (all.length === 0) return { min: 0, max: 1, interval: 1 };
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (hi === lo) {
    hi += Math.abs(hi) * 0.1 || 1;
    lo -= fromZero ? 0 : Math.abs(lo) * 0.1 || 1;
  }
  const interval = niceStep((hi - lo) / ticks);
  const min = fromZero && lo >= 0 ? 0 : Math.floor(lo / interval) * interval;
  const max = Math.ceil(hi / interval) * interval;
  return { min, max: max > min ? max : min + interval, interval };
}

function colourOf(s: SeriesData['series'][number], i: number): string {
  return s.tone ? TONE_COLOUR[s.tone] : WALL.series[i % WALL.series.length]!;
}

export function seriesOption(data: SeriesData): EChartsOption {
  const decimals = seriesDecimals(data);
  const anyBar = data.series.some((s) => s.kind === 'bar');
  const legend = data.series.length > 1;
  const series: SeriesOption[] = data.series.map((s, i) => {
    const colour = colourOf(s, i);
    const common = { name: s.id, data: s.values.map((v) => (v === null || !Number.isFinite(v) ? null : v)) };
    const out: SeriesOption =
      s.kind === 'bar'
        ? {
            type: 'bar',
            ...common,
            barMaxWidth: 28,
            itemStyle: { color: colour, borderRadius: [4, 4, 0, 0] },
            emphasis: { itemStyle: { color: WALL.text } },
          }
        : {
            type: 'line',
            ...common,
            smooth: true,
            connectNulls: false,
            showSymbol: s.values.length <= 24,
            symbol: 'circle',
            symbolSize: 9,
            itemStyle: { color: colour },
            lineStyle: { width: 3, color: colour },
            areaStyle: data.series.length === 1 ? { color: { type: 'linear', x: 0, y: 0, x2: 0, y2: 1, colorStops: [{ offset: 0, color: `${colour}55` }, { offset: 1, color: `${colour}00` }] } } : undefined,
            emphasis: { scale: 1.8 },
          };
    if (i === 0 && data.reference) {
      const tone = TONE_COLOUR[data.reference.tone ?? 'warn'];
      const text = `${richSafe(data.reference.label)} ${fmtValue(data.reference.value, decimals)}`;
      Object.assign(out, {
        markLine: {
          silent: true,
          symbol: 'none',
          animation: false,
          lineStyle: { type: 'dashed', width: 2, color: tone },
          label: { show: true, position: 'insideStartTop', fontSize: 24, color: tone, formatter: () => text },
          data: [{ yAxis: data.reference.value }],
        },
      });
    }
    return out;
  });
  const bounds = valueAxisBounds(
    data.series.flatMap((s) => s.values),
    data.reference?.value,
    anyBar,
  );
  const axisDecimals = Math.max(0, -Math.floor(Math.log10(bounds.interval) + 1e-9));
  return {
    animationDurationUpdate: 600,
    legend: legend
      ? {
          top: 0,
          right: 8,
          itemGap: 20,
          data: data.series.map((s) => s.id),
          // Names are data: shortened, and safe for rich-text parsing.
          formatter: (id: string) => richSafe(ellipsize(data.series.find((s) => s.id === id)?.name ?? id, 7)),
        }
      : undefined,
    grid: { left: 10, right: 18, top: legend ? 46 : 18, bottom: 12, containLabel: true },
    tooltip: wallTooltip(
      'axis',
      (params) => {
        const ps = tipParams(params);
        const idx = ps[0]?.dataIndex ?? -1;
        if (idx < 0) return null;
        return tipModel(
          data.x[idx] ?? '',
          data.series.map((s) => ({ name: s.name, value: `${fmtValue(s.values[idx], decimals)} ${data.unit}` })),
        );
      },
      anyBar ? 'shadow' : 'line',
    ),
    xAxis: {
      type: 'category',
      boundaryGap: anyBar,
      data: data.x.map((x) => richSafe(x)),
      axisLabel: { fontSize: 24, hideOverlap: true, margin: 10 },
    },
    yAxis: {
      type: 'value',
      ...bounds,
      axisLabel: { fontSize: 24, formatter: (v: number) => (Math.abs(v) >= 10_000 ? fmtCompact(v) : fmtValue(v, axisDecimals)) },
    },
    series,
  };
}

export function seriesCarousel(data: SeriesData): CarouselPlan {
  // Visit every x that has a value in any series.
  const any = data.x.map((_, i) => (data.series.some((s) => s.values[i] !== null && s.values[i] !== undefined) ? 1 : null));
  return { seriesIndex: 0, stops: carouselStops(any) };
}
