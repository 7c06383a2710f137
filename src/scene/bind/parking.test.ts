import { describe, expect, it } from 'vitest';
import type { ParkingStatus } from '../../../data-adapters/topics/parking';
import { busiestTable, carParkPoints, freeByKind, occupancyByHour, occupancyByUnit, occupancyTone, parkingFigures, turnoverGauge } from './parking';

const DAY0 = Date.UTC(2026, 10, 25, 16, 0); // 2026-11-26 00:00 in Yichang
const park = (id: string, unitId: 'xiling' | 'wujiagang' | 'yidu', kind: 'mall' | 'street' | 'hospital', berths: number, occupied: number, entriesToday: number) => ({
  id, name: `${id}停车场`, unitId, kind, lon: 111.3, lat: 30.7, berths, occupied, entriesToday,
});
const p: ParkingStatus = {
  asOf: DAY0 + 2 * 3_600_000 + 10 * 60_000,
  carParks: [
    park('A', 'xiling', 'hospital', 100, 99, 120),
    park('B', 'xiling', 'mall', 300, 60, 40),
    park('C', 'wujiagang', 'street', 50, 45, 140),
    park('D', 'yidu', 'street', 50, 40, 100),
  ],
  hourly: { hourStart: DAY0, pct: [40, 42, 61.6], dayBeforePct: [39, 41, 58] },
};

describe('parking selectors', () => {
  it('adds up the city', () => {
    const f = Object.fromEntries(parkingFigures(p).map((k) => [k.id, k.value]));
    expect(f).toEqual({ berths: 500, free: 256, occupancy: 48.8, parks: 4 });
    expect(turnoverGauge(p)).toMatchObject({ value: 0.8, note: '今日入场 400 辆次', higherIsWorse: false });
  });

  it('ranks units by occupancy in a table', () => {
    const t = occupancyByUnit(p);
    expect(t.rows.map((r) => [r.id, r.cells.rate, r.tone])).toEqual([
      ['wujiagang', '90.0%', 'warn'],
      ['yidu', '80.0%', 'normal'],
      ['xiling', '39.8%', 'good'],
    ]);
    expect(t.rows[2]!.cells).toMatchObject({ unit: '西陵', berths: 400, free: 241 });
  });

  it('labels the day by hour with yesterday alongside', () => {
    const s = occupancyByHour(p);
    expect(s.x).toEqual(['00:00', '01:00', '02:00']);
    expect(s.series.map((x) => x.values)).toEqual([[40, 42, 61.6], [39, 41, 58]]);
  });

  it('lists the fullest car parks and tones them', () => {
    const t = busiestTable(p);
    expect(t.rows.map((r) => r.id)).toEqual(['A', 'C', 'D', 'B']);
    expect(t.rows[0]).toMatchObject({ tone: 'alert', cells: { free: 1, rate: '99.0%', unit: '西陵' } });
    expect(occupancyTone(0.9)).toBe('warn');
    expect(occupancyTone(0.2)).toBe('good');
    expect(carParkPoints(p).points.map((x) => x.tone)).toEqual(['alert', 'good', 'warn', 'normal']);
  });

  it('splits free berths by kind, leaving out kinds with none', () => {
    expect(freeByKind(p)).toEqual([
      { id: 'street', name: '路内泊位', value: 15 },
      { id: 'mall', name: '商业综合体', value: 240 },
      { id: 'hospital', name: '医院', value: 1 },
    ]);
  });
});
