import { describe, expect, it } from 'vitest';
import type { IndustrySystems } from '../../../data-adapters/schemas';
import { hourChange, industryKpis, industryTable, industryTrend, trendLabels } from './industry';

// 2026-11-26 09:30 in Yichang (UTC+8).
const AS_OF = Date.UTC(2026, 10, 26, 1, 30);

const payload: IndustrySystems = {
  asOf: AS_OF,
  systems: [
    // Out of domain order on purpose: the table follows the domain order.
    { id: 'tingche', state: 'online', lastHeartbeat: AS_OF - 5000, keyFigure: { label: '空余泊位', value: 8100, unit: '个' }, trend: [14000, 9000, 8100] },
    { id: 'szcg', state: 'degraded', lastHeartbeat: AS_OF - 200_000, keyFigure: { label: '今日立案', value: 300, unit: '件' }, trend: [250, 300] },
    { id: 'jiaotong', state: 'offline', lastHeartbeat: AS_OF - 900_000, keyFigure: { label: '主城拥堵指数', value: 1.75, unit: '' }, trend: [1.2, 1.93, 1.75] },
    { id: 'yijie', state: 'online', lastHeartbeat: AS_OF - 1000, keyFigure: { label: '今日受理', value: 226, unit: '件' } },
  ],
};

describe('industry selectors', () => {
  it('counts systems by state, flagging degraded and offline ones', () => {
    expect(industryKpis(payload)).toEqual([
      { id: 'total', label: '接入系统', unit: '个', value: 4, decimals: 0, tone: 'normal' },
      { id: 'online', label: '在线', unit: '个', value: 2, decimals: 0, tone: 'normal' },
      { id: 'degraded', label: '降级', unit: '个', value: 1, decimals: 0, tone: 'alert' },
      { id: 'offline', label: '离线', unit: '个', value: 1, decimals: 0, tone: 'alert' },
    ]);
  });

  it('labels trend points with their local time, an hour apart, ending at asOf', () => {
    expect(trendLabels(AS_OF, 3)).toEqual(['07:30', '08:30', '09:30']);
  });

  it('computes the change over the last hour at the figure\'s precision', () => {
    expect(hourChange(payload.systems[0]!)).toBe(-900);
    expect(hourChange(payload.systems[2]!)).toBe(-0.18);
    expect(hourChange(payload.systems[3]!)).toBeNull();
  });

  it('tables the systems in domain order with state, figure and signed change', () => {
    const t = industryTable(payload);
    expect(t.columns.map((c) => c.id)).toEqual(['name', 'state', 'figure', 'value', 'change']);
    expect(t.rows.map((r) => r.id)).toEqual(['szcg', 'tingche', 'jiaotong', 'yijie']);
    expect(t.rows[0]).toEqual({ id: 'szcg', cells: { name: '数字城管', state: '降级', figure: '今日立案（件）', value: 300, change: '+50' }, tone: 'warn' });
    expect(t.rows[1]?.cells.change).toBe('−900');
    expect(t.rows[2]).toMatchObject({ cells: { state: '离线', figure: '主城拥堵指数', change: '−0.18' }, tone: 'alert' });
    expect(t.rows[3]?.cells.change).toBe('—');
  });

  it('draws trends of several systems on one axis, aligning shorter ones to the right', () => {
    const s = industryTrend(payload, ['szcg', 'tingche']);
    expect(s).toEqual({
      x: ['07:30', '08:30', '09:30'],
      unit: '件',
      series: [
        { id: 'szcg', name: '数字城管·今日立案', values: [null, 250, 300], kind: 'line' },
        { id: 'tingche', name: '停车·空余泊位', values: [14000, 9000, 8100], kind: 'line' },
      ],
    });
  });

  it('gives no series when none of the systems carries a trend', () => {
    expect(industryTrend(payload, ['yijie'])).toBeNull();
    expect(industryTrend(payload, ['dianti'])).toBeNull();
  });
});
