import { describe, expect, it } from 'vitest';
import type { FloodStatus } from '../../../data-adapters/topics/flood';
import {
  depthLevel, floodKpis, pumpTable, rain24hTable, rainHourlySeries, riverGauge, riverLevelSeries, waterloggingAlarms, waterloggingPoints,
} from './flood';

const T = Date.UTC(2026, 10, 26, 1, 30); // 09:30 in Yichang
const H = 3_600_000;
const gauge = (id: string, name: string, hourlyMm: number[], last24hMm: number) => ({ id, name, unitId: 'xiling' as const, lon: 111.3, lat: 30.71, hourlyMm, last24hMm });
const p: FloodStatus = {
  asOf: T,
  rain: { hourStart: T - 30 * 60_000 - 2 * H, gauges: [gauge('A', '甲站', [2, 10, 6], 40), gauge('B', '乙站', [4, 22, 8], 90.5)] },
  river: { station: '宜昌水文站', warningLevelM: 53, guaranteeLevelM: 55.73, readings: [{ at: T - H, levelM: 52.3 }, { at: T, levelM: 52.41 }] },
  waterlogging: [
    { id: 'W1', place: '西陵区 东山大道铁路桥下', unitId: 'xiling', lon: 111.3, lat: 30.71, depthCm: 45, since: T - 20 * 60_000, trend: 'steady' },
    { id: 'W2', place: '<b>伍家岗区</b>', unitId: 'wujiagang', lon: 111.34, lat: 30.66, depthCm: 0, since: T - 50 * 60_000, trend: 'cleared' },
  ],
  pumps: [
    { id: 'P1', name: '甲泵站', unitId: 'xiling', lon: 111.3, lat: 30.71, state: 'running', capacityM3h: 10_000, flowM3h: 8_000 },
    { id: 'P2', name: '乙泵站', unitId: 'wujiagang', lon: 111.34, lat: 30.66, state: 'fault', capacityM3h: 5_000, flowM3h: 0 },
    { id: 'P3', name: '丙泵站', unitId: 'gaoxin', lon: 111.34, lat: 30.7, state: 'standby', capacityM3h: 5_000, flowM3h: 0 },
  ],
};

describe('flood selectors', () => {
  it('sums up the storm in four KPIs', () => {
    const k = Object.fromEntries(floodKpis(p).map((x) => [x.id, x]));
    expect(Object.keys(k)).toEqual(['rain24h', 'maxHour', 'waterlogging', 'pumps']);
    expect(k.rain24h!.value).toBe(65.3); // (40 + 90.5) / 2, rounded
    expect(k.maxHour).toMatchObject({ value: 22, tone: 'alert' });
    expect(k.waterlogging).toMatchObject({ value: 1, tone: 'alert' });
    expect(k.pumps!.value).toBe(1);
  });

  it('labels rain hours by their local start and picks the wettest gauge', () => {
    const s = rainHourlySeries(p);
    expect(s.x).toEqual(['07:00', '08:00', '09:00']);
    expect(s.series[0]).toMatchObject({ id: 'mean', values: [3, 16, 7] });
    expect(s.series[1]).toMatchObject({ id: 'B', name: '乙站', values: [4, 22, 8] });
    const t = rain24hTable(p);
    expect(t.rows.map((r) => r.cells.name)).toEqual(['乙站', '甲站']);
    expect(t.rows[0]).toMatchObject({ tone: 'warn', cells: { day: '90.5', hour: '8.0', unit: '西陵' } });
  });

  it('draws the river against its warning level', () => {
    const s = riverLevelSeries(p);
    expect(s.x).toEqual(['08:30', '09:30']);
    expect(s.reference).toEqual({ label: '警戒水位', value: 53, tone: 'alert' });
    expect(riverGauge(p)).toMatchObject({ value: 52.41, alarm: 53, warn: 52, higherIsWorse: true, note: '距警戒 0.59 m' });
    const over = { ...p, river: { ...p.river, readings: [{ at: T, levelM: 53.2 }] } };
    expect(riverGauge(over).note).toBe('超警戒 0.20 m');
  });

  it('lists waterlogging newest first, by depth, with the place as plain text', () => {
    const a = waterloggingAlarms(p).items;
    expect(a.map((x) => x.id)).toEqual(['W1', 'W2']);
    expect(a[0]).toMatchObject({ level: 'critical', title: '积水 45 cm', state: '持平' });
    expect(a[1]).toMatchObject({ level: 'info', title: '积水已消除', place: '<b>伍家岗区</b>' });
    expect(depthLevel(30)).toBe('major');
    expect(depthLevel(10)).toBe('minor');
    expect(waterloggingPoints(p).points.map((x) => x.tone)).toEqual(['alert', 'good']);
  });

  it('puts faulty pumps first', () => {
    const t = pumpTable(p);
    expect(t.rows.map((r) => r.id)).toEqual(['P2', 'P1', 'P3']);
    expect(t.rows[0]).toMatchObject({ tone: 'alert', cells: { state: '故障', unit: '伍家岗', flow: 0 } });
  });
});
