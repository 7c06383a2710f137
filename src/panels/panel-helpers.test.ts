import { describe, expect, it } from 'vitest';
import { cellText, clockHM, clockShort, ellipsize, fmtCompact, fmtValue, infoLine, richSafe, textWidthEm } from './panel-format';
import { carouselStops, nextStop } from './carousel';
import { mustScroll, nextOffset, rowsThatFit, windowRows } from './table-scroll';
import { COUNT_MS, countValue } from './count-up';

const T = Date.UTC(2026, 10, 26, 1, 41, 30); // 09:41:30 CST

describe('panel-format', () => {
  it('info line names source and CST as-of time', () => {
    expect(infoLine({ source: '数字城管系统', asOf: T })).toBe('来源 数字城管系统 · 截至 09:41');
    expect(infoLine({ source: null, asOf: null })).toBe('暂无数据');
    expect(infoLine(undefined)).toBeNull();
  });
  it('clock texts are CST and add the date only for another day', () => {
    expect(clockHM(T)).toBe('09:41');
    expect(clockShort(T - 60_000, T)).toBe('09:40');
    expect(clockShort(T - 86_400_000, T)).toBe('11-25 09:41');
  });
  it('ellipsizes by em width, CJK counting double the Latin', () => {
    expect(textWidthEm('长阳土家族自治县')).toBe(8);
    expect(textWidthEm('ab')).toBeCloseTo(1.2);
    expect(ellipsize('西陵区', 4)).toBe('西陵区');
    expect(ellipsize('长阳土家族自治县', 4)).toBe('长阳土…');
    expect(textWidthEm(ellipsize('五峰土家族自治县', 5))).toBeLessThanOrEqual(5);
    expect(ellipsize('<img src=x onerror=alert(1)>', 6).endsWith('…')).toBe(true);
  });
  it('rich-text markup in data cannot style', () => {
    expect(richSafe('{a|x}')).toBe('｛a|x｝');
    expect(richSafe('plain')).toBe('plain');
  });
  it('formats values, compact counts and table cells', () => {
    expect(fmtValue(1234.5, 1)).toBe('1,234.5');
    expect(fmtValue(null)).toBe('—');
    expect(fmtValue(Number.NaN)).toBe('—');
    expect(fmtCompact(12_345)).toBe('1.2万');
    expect(fmtCompact(3.4e8)).toBe('3.4亿');
    expect(fmtCompact(512)).toBe('512');
    expect(cellText(12000)).toBe('12,000');
    expect(cellText(99.25)).toBe('99.25');
    expect(cellText(97.5)).toBe('97.5');
    expect(cellText('<b>x</b>')).toBe('<b>x</b>');
    expect(cellText(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('tooltip carousel stepping', () => {
  it('skips gaps and wraps round', () => {
    const stops = carouselStops([1, null, 3, undefined, Number.NaN, 6]);
    expect(stops).toEqual([0, 2, 5]);
    expect(nextStop(stops, -1)).toBe(0);
    expect(nextStop(stops, 0)).toBe(2);
    expect(nextStop(stops, 2)).toBe(5);
    expect(nextStop(stops, 5)).toBe(0);
    expect(nextStop(stops, 3)).toBe(5);
    expect(nextStop([], 0)).toBe(-1);
  });
});

describe('row scrolling', () => {
  it('fits whole rows only', () => {
    expect(rowsThatFit(200, 44)).toBe(4);
    expect(rowsThatFit(176, 44)).toBe(4);
    expect(rowsThatFit(0, 44)).toBe(1);
  });
  it('shows all rows when they fit, else a wrapping window of exactly the rows that fit', () => {
    const rows = ['a', 'b', 'c', 'd', 'e'];
    const items = (w: { item: string }[]) => w.map((r) => r.item);
    expect(mustScroll(5, 5)).toBe(false);
    expect(items(windowRows(rows, 3, 5))).toEqual(rows);
    expect(items(windowRows(rows, 0, 2))).toEqual(['a', 'b']);
    expect(windowRows(rows, 4, 2)).toEqual([
      { item: 'e', index: 4 },
      { item: 'a', index: 0 },
    ]);
    expect(items(windowRows(rows, 7, 2))).toEqual(['c', 'd']);
    expect(windowRows(rows, 0, 1)).toHaveLength(1);
    let o = 0;
    for (let i = 0; i < 5; i++) o = nextOffset(o, rows.length);
    expect(o).toBe(0);
    expect(nextOffset(3, 0)).toBe(0);
  });
});

describe('count-up', () => {
  it('lands exactly on the target at and after the duration', () => {
    expect(countValue(0, 86.06, COUNT_MS)).toBe(86.06);
    expect(countValue(0, 86.06, COUNT_MS * 10)).toBe(86.06);
    expect(countValue(5, 5, 10)).toBe(5);
    expect(countValue(0, 100, 0)).toBe(0);
  });
  it('moves monotonically towards the target', () => {
    let prev = -1;
    for (let t = 0; t <= COUNT_MS; t += 50) {
      const v = countValue(0, 1000, t);
      expect(v).toBeGreaterThanOrEqual(prev);
      expect(v).toBeLessThanOrEqual(1000);
      prev = v;
    }
    expect(countValue(1000, 0, COUNT_MS / 2)).toBeLessThan(1000);
  });
});

describe('font glyphs', () => {
  it('asks only for new non-ASCII characters, once each', async () => {
    const { missingGlyphs } = await import('./font-glyphs');
    expect(missingGlyphs('abc 123')).toBe('');
    expect(missingGlyphs('西陵西陵区', new Set(['区']))).toBe('西陵');
  });
});
