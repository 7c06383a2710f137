/** One gauge dial: the arc (ECharts) coloured by where the value stands against its warn/alarm marks. */
import type { EChartsOption } from 'echarts';
import { TONE_COLOUR } from '../tokens';
import type { GaugeData, Tone } from '../types';

/** 'alert' at or beyond `alarm`, 'warn' at or beyond `warn`, in the direction that is worse. */
export function gaugeTone(g: GaugeData): Tone {
  const beyond = (mark: number | undefined) => mark !== undefined && (g.higherIsWorse ? g.value >= mark : g.value <= mark);
  if (beyond(g.alarm)) return 'alert';
  if (beyond(g.warn)) return 'warn';
  return g.higherIsWorse ? 'normal' : 'good';
}

/** 0..1 position of `v` on the gauge's scale (clamped). */
export function gaugeFraction(g: Pick<GaugeData, 'min' | 'max'>, v: number): number {
  const span = g.max - g.min;
  if (!(span > 0) || !Number.isFinite(v)) return 0;
  return Math.min(1, Math.max(0, (v - g.min) / span));
}

/** The track's colour stops: dim, with the warn and alarm bands tinted where they lie. */
export function gaugeBands(g: GaugeData): [number, string][] {
  const dim = 'rgba(120,180,230,0.16)';
  const amber = 'rgba(251,191,36,0.45)';
  const red = 'rgba(248,113,113,0.55)';
  const w = g.warn !== undefined ? gaugeFraction(g, g.warn) : null;
  const a = g.alarm !== undefined ? gaugeFraction(g, g.alarm) : null;
  if (g.higherIsWorse) {
    const bands: [number, string][] = [];
    if (w !== null) bands.push([w, dim]);
    if (a !== null) bands.push([a, w !== null ? amber : dim]);
    bands.push([1, a !== null ? red : w !== null ? amber : dim]);
    return bands;
  }
  const bands: [number, string][] = [];
  if (a !== null) bands.push([a, red]);
  if (w !== null) bands.push([w, amber]);
  bands.push([1, dim]);
  return bands.filter((b, i, all) => i === all.length - 1 || b[0] > 0);
}

export function gaugeOption(g: GaugeData, width: number): EChartsOption {
  const colour = TONE_COLOUR[gaugeTone(g)];
  return {
    animationDurationUpdate: 800,
    series: [
      {
        type: 'gauge',
        center: ['50%', '55%'],
        radius: '88%',
        startAngle: 210,
        endAngle: -30,
        min: g.min,
        max: g.max,
        pointer: { show: false },
        progress: { show: true, roundCap: true, width, itemStyle: { color: colour, shadowBlur: 12, shadowColor: colour } },
        axisLine: { roundCap: true, lineStyle: { width, color: gaugeBands(g) } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { show: false },
        title: { show: false },
        detail: { show: false },
        data: [{ value: Math.min(g.max, Math.max(g.min, g.value)) }],
      },
    ],
  };
}

