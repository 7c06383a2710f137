import { describe, expect, it } from 'vitest';
import { legendRows, pieCarousel, pieOption, shareRows } from './pie';
import { funnelOption, loopRate } from './funnel';
import { latestValue, niceStep, seriesCarousel, seriesDecimals, seriesOption, valueAxisBounds } from './series';
import { gaugeBands, gaugeFraction, gaugeTone } from './gauge';
import { calendarDays, calendarOption } from './calendar';
import { tipModel, tipParams } from './tooltip';
import { optionKey } from '../chart-updates';
import type { GaugeData, SeriesData } from '../types';

const rows = [
  { id: 'a', name: '长阳土家族自治县', value: 50 },
  { id: 'b', name: '西陵区', value: 30 },
  { id: 'c', name: '点军区', value: 15 },
  { id: 'd', name: '猇亭区', value: 5 },
];

/** Every fontSize anywhere in an option (theme-independent sizes the option sets itself). */
function fontSizes(o: unknown, out: number[] = []): number[] {
  if (Array.isArray(o)) o.forEach((x) => fontSizes(x, out));
  else if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'fontSize' && typeof v === 'number') out.push(v);
      else fontSizes(v, out);
    }
  }
  return out;
}

describe('pie', () => {
  it('shares sum to 100 and the legend sums what does not fit', () => {
    const s = shareRows(rows);
    expect(s.reduce((t, r) => t + r.share, 0)).toBeCloseTo(100);
    const l = legendRows(s, 3);
    expect(l.map((r) => r.id)).toEqual(['a', 'b', '__rest']);
    expect(l[2]!.name).toBe('其他 2 项');
    expect(l[2]!.value).toBe(20);
    expect(legendRows(s, 4)).toHaveLength(4);
  });
  it('carousel visits only slices with a value', () => {
    expect(pieCarousel(shareRows([...rows, { id: 'z', name: '零', value: 0 }])).stops).toEqual([0, 1, 2, 3]);
  });
  it('tooltip is built from text only', () => {
    const o = pieOption(shareRows(rows), '件') as { tooltip: { renderMode: string; formatter: unknown } };
    expect(o.tooltip.renderMode).toBe('html');
    expect(typeof o.tooltip.formatter).toBe('function');
  });
});

describe('funnel', () => {
  it('keeps stage order and scales to the largest stage', () => {
    const o = funnelOption(rows) as { series: { sort: string; max: number; data: { name: string }[] }[] };
    expect(o.series[0]!.sort).toBe('none');
    expect(o.series[0]!.max).toBe(50);
    expect(o.series[0]!.data.map((d) => d.name)).toEqual(['a', 'b', 'c', 'd']);
    expect(loopRate(rows)).toBeCloseTo(10);
    expect(loopRate([])).toBeNull();
  });
});

const level: SeriesData = {
  x: ['00:00', '01:00', '02:00', '03:00'],
  unit: 'm',
  series: [{ id: 'l', name: '水位', values: [50.2, null, 51.25, null] }],
  reference: { label: '警戒水位', value: 53 },
};

describe('series', () => {
  it('axis bounds are round and include the reference line', () => {
    const b = valueAxisBounds([50.2, null, 51.25], 53, false);
    expect(b.max).toBeGreaterThanOrEqual(53);
    expect(b.min).toBeLessThanOrEqual(50.2);
    expect((b.max - b.min) / b.interval).toBeCloseTo(Math.round((b.max - b.min) / b.interval));
    expect(valueAxisBounds([3, 8], undefined, true).min).toBe(0);
    expect(valueAxisBounds([], undefined, false)).toEqual({ min: 0, max: 1, interval: 1 });
    expect(niceStep(0.7)).toBe(1);
    expect(niceStep(3.2)).toBe(5);
    expect(niceStep(180)).toBe(200);
  });
  it('keeps gaps, headline skips trailing gaps, carousel skips empty x', () => {
    expect(latestValue(level)).toEqual({ value: 51.25, index: 2 });
    expect(seriesDecimals(level)).toBe(2);
    expect(seriesCarousel(level).stops).toEqual([0, 2]);
    const o = seriesOption(level) as { series: { data: (number | null)[]; connectNulls?: boolean; markLine?: unknown }[] };
    expect(o.series[0]!.data).toEqual([50.2, null, 51.25, null]);
    expect(o.series[0]!.connectNulls).toBe(false);
    expect(o.series[0]!.markLine).toBeDefined();
  });
  it('every text size it sets is wall-legible (≥ 24)', () => {
    for (const o of [seriesOption(level), pieOption(shareRows(rows), '件'), funnelOption(rows)]) {
      const sizes = fontSizes(o);
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    }
  });
  it('the same data gives the same option key (no redraw), new data a new one', () => {
    expect(optionKey(seriesOption(level))).toBe(optionKey(seriesOption(structuredClone(level))));
    const moved = structuredClone(level);
    moved.series[0]!.values[3] = 52;
    expect(optionKey(seriesOption(moved))).not.toBe(optionKey(seriesOption(level)));
  });
});

const river: GaugeData = { label: '水位', value: 52.4, min: 40, max: 56, unit: 'm', decimals: 2, warn: 52, alarm: 53, higherIsWorse: true };
const rate: GaugeData = { label: '满意率', value: 85, min: 0, max: 100, unit: '%', decimals: 1, warn: 90, alarm: 80, higherIsWorse: false };

describe('gauge', () => {
  it('tone follows the direction that is worse', () => {
    expect(gaugeTone(river)).toBe('warn');
    expect(gaugeTone({ ...river, value: 53 })).toBe('alert');
    expect(gaugeTone({ ...river, value: 45 })).toBe('normal');
    expect(gaugeTone(rate)).toBe('warn');
    expect(gaugeTone({ ...rate, value: 79 })).toBe('alert');
    expect(gaugeTone({ ...rate, value: 95 })).toBe('good');
  });
  it('fractions clamp and bands end at 1', () => {
    expect(gaugeFraction(river, 100)).toBe(1);
    expect(gaugeFraction(river, 0)).toBe(0);
    expect(gaugeFraction({ min: 5, max: 5 }, 5)).toBe(0);
    for (const g of [river, rate, { ...rate, warn: undefined, alarm: undefined }]) {
      const bands = gaugeBands(g);
      expect(bands[bands.length - 1]![0]).toBe(1);
      for (let i = 1; i < bands.length; i++) expect(bands[i]![0]).toBeGreaterThanOrEqual(bands[i - 1]![0]);
    }
  });
});

describe('calendar', () => {
  it('drops invalid days, sorts and spans the range', () => {
    const data = { label: '案件', unit: '件', days: [{ date: '2026-11-03', value: 3 }, { date: 'bad', value: 1 }, { date: '2026-11-01', value: 1 }] };
    expect(calendarDays(data).map((d) => d.date)).toEqual(['2026-11-01', '2026-11-03']);
    const o = calendarOption(data) as { calendar: { range: string[]; dayLabel: { fontSize: number } } };
    expect(o.calendar.range).toEqual(['2026-11-01', '2026-11-03']);
    expect(o.calendar.dayLabel.fontSize).toBeGreaterThanOrEqual(24);
  });
});

describe('tooltip model', () => {
  it('shortens long names and keeps hostile text as plain strings', () => {
    const m = tipModel('<img src=x onerror=alert(1)> 长阳土家族自治县长阳土家族自治县', [{ name: '长阳土家族自治县', value: '12 件' }]);
    expect(m.title.endsWith('…')).toBe(true);
    expect(m.title.startsWith('<img')).toBe(true);
    // The longest unit name fits a tooltip line whole.
    expect(m.lines[0]!.name).toBe('长阳土家族自治县');
    expect(tipParams([{ dataIndex: 1 }, null, { x: 1 }])).toEqual([{ dataIndex: 1 }]);
    expect(tipParams({ dataIndex: 0 })).toHaveLength(1);
  });
});
