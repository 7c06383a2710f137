import { describe, expect, it } from 'vitest';
import type { DataVolumes, IndustrySystems, UnitRates } from '../../../data-adapters/schemas';
import { cityRates, emptySnapshot, rateRanking, reduceSnapshot, systemChips, systemCounts, volumeRows, volumeTotals } from './snapshots';
import { T0, msg } from '../fixtures';

const rates = (asOf: number, xiling = 98): UnitRates => ({
  asOf,
  units: [
    { unitId: 'xiling', response: xiling, completion: 96, satisfaction: 94 },
    { unitId: 'wufeng', response: 90, completion: 88, satisfaction: 92 },
  ],
});

describe('snapshot reducers', () => {
  it('keeps the newest payload and drops an older one', () => {
    let s = reduceSnapshot<UnitRates>(emptySnapshot(), [msg('rates.units', rates(T0 + 10), T0 + 10)], 'rates.units');
    s = reduceSnapshot(s, [msg('rates.units', rates(T0, 50), T0)], 'rates.units');
    expect(s.value?.units[0]?.response).toBe(98);
    expect(s.outOfOrder).toBe(1);
    expect(s.lastDataTime).toBe(T0 + 10);
  });

  it('ignores other topics', () => {
    const s0 = emptySnapshot<UnitRates>();
    expect(reduceSnapshot(s0, [msg('rates.units', rates(T0), T0)], 'data.volumes')).toBe(s0);
  });

  it('ranks units by the mean of their three rates and averages the city', () => {
    const r = rates(T0);
    expect(rateRanking(r).map((u) => u.unit)).toEqual(['西陵', '五峰']);
    expect(rateRanking(r)[0]?.composite).toBeCloseTo(96, 5);
    expect(cityRates(r)).toEqual({ response: 94, completion: 92, satisfaction: 93, units: 2 });
    expect(cityRates(null)).toBeNull();
  });

  it('lists systems in domain order and counts their states', () => {
    const sys: IndustrySystems = {
      asOf: T0,
      systems: [
        { id: 'yijie', state: 'offline', lastHeartbeat: T0, keyFigure: { label: '今日办件', value: 12, unit: '件' } },
        { id: 'szcg', state: 'online', lastHeartbeat: T0, keyFigure: { label: '在线监督员', value: 80, unit: '人' } },
        { id: 'tingche', state: 'degraded', lastHeartbeat: T0, keyFigure: { label: '空余泊位', value: 3456, unit: '个' } },
      ],
    };
    expect(systemChips(sys).map((c) => c.name)).toEqual(['数字城管', '停车', '宜接就办']);
    expect(systemCounts(sys)).toEqual({ online: 1, degraded: 1, offline: 1, total: 3 });
  });

  it('sorts data sources by records and totals them', () => {
    const v: DataVolumes = {
      asOf: T0,
      tables: 40,
      sources: [
        { id: 'szcg', records: 500_000, todayIncrement: 10 },
        { id: 'yijie', records: 2_240_000, todayIncrement: 20 },
      ],
    };
    expect(volumeRows(v).map((r) => r.name)).toEqual(['宜接就办', '数字城管']);
    expect(volumeTotals(v)).toEqual({ records: 2_740_000, todayIncrement: 30, tables: 40 });
  });
});
