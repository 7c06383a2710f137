import { beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRY_SYSTEM_IDS } from '../../data-adapters/domain';
import { industrySystemsSchema, type IndustrySystems } from '../../data-adapters/schemas';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording } from './generate';
import { buildIndustry } from './industry';
import { countToday, historyOf, TREND_HOURS, trendHistoryFrom } from './industry-history';
import { DayLedger } from './ledger';
import { simulateCases } from './simulation';
import { HOUR, localDayStart, MINUTE, shanghaiTime } from './time';

let snaps: IndustrySystems[];
beforeAll(() => {
  snaps = buildDemoRecording(DEMO_SEED).lines.filter((l) => l.topic === 'industry.systems').map((l) => l.payload as IndustrySystems);
});

const figure = (s: IndustrySystems, id: string) => s.systems.find((x) => x.id === id)!;

describe('industry.systems trend', () => {
  it('carries 12 hourly values for every system, the last one being the key figure', () => {
    for (const s of snaps) {
      for (const x of s.systems) {
        expect(x.trend, x.id).toHaveLength(TREND_HOURS);
        expect(x.trend?.at(-1)).toBe(x.keyFigure.value);
        for (const v of x.trend ?? []) expect(v).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('counts the case-model figures from the cases, restarting at midnight', () => {
    const start = DEMO_START_TIME;
    const end = start + 30 * MINUTE;
    const cases = simulateCases(DEMO_SEED, start, end);
    const history = new DayLedger(cases, trendHistoryFrom(start), end);
    const s = snaps[0]!;
    const szcg = figure(s, 'szcg').trend!;
    // Every point before the current one (which is the live figure itself).
    for (let k = 0; k < TREND_HOURS - 1; k += 1) {
      const t = s.asOf - (TREND_HOURS - 1 - k) * HOUR;
      expect(szcg[k]).toBe(countToday(history, t, (e) => e.stage === 'register' && e.channel !== 'hotline12345' && e.channel !== 'police110'));
    }
    // 09:30 minus 10 h is 23:30 yesterday (a full day's count); minus 9 h is 00:30 (almost nothing yet).
    expect(szcg[1]!).toBeGreaterThan(500);
    expect(szcg[2]!).toBeLessThan(50);
  });

  it('follows the daily rhythm: free berths highest at night, congestion at the morning peak, muck trucks at night', () => {
    const s = snaps[0]!;
    const berths = figure(s, 'tingche').trend!;
    expect(Math.max(...berths)).toBeGreaterThan(1.3 * berths.at(-1)!);
    const traffic = figure(s, 'jiaotong').trend!;
    // 08:30 (peak) is busier than 03:30.
    expect(traffic[10]!).toBeGreaterThan(traffic[5]! + 0.5);
    for (const v of traffic) expect(Math.round(v * 100) / 100).toBe(v);
    const trucks = figure(s, 'zhatu').trend!;
    expect(trucks[4]!).toBeGreaterThan(2 * trucks.at(-1)!);
  });

  it('joins the live figure without a jump (level models are anchored on the first value)', () => {
    for (const id of ['shizheng', 'dianti', 'mingchu', 'huanwei', 'tingche'] as const) {
      const past = historyOf(DEMO_SEED, id, DEMO_START_TIME, 1000);
      expect(past(DEMO_START_TIME), id).toBe(1000);
      expect(Math.abs(past(DEMO_START_TIME - 10 * MINUTE) - 1000), id).toBeLessThan(60);
    }
    const today = historyOf(DEMO_SEED, 'tianyan', DEMO_START_TIME, 600);
    expect(today(localDayStart(DEMO_START_TIME))).toBe(0);
    expect(today(DEMO_START_TIME - MINUTE)).toBeLessThanOrEqual(600);
    expect(today(localDayStart(DEMO_START_TIME) - MINUTE)).toBeGreaterThan(1000);
  });

  it('is deterministic, and a recording without case history carries no trend (the old shape still validates)', () => {
    const start = shanghaiTime(2026, 11, 26, 9, 30);
    const end = start + 30 * MINUTE;
    const cases = simulateCases(DEMO_SEED, start, end);
    const ledger = new DayLedger(cases, localDayStart(start), end);
    const times = [start, start + MINUTE];
    const withTrend = buildIndustry(DEMO_SEED, ledger, times, new DayLedger(cases, trendHistoryFrom(start), end));
    expect(withTrend.snapshots).toEqual(snaps.slice(0, 2));
    const without = buildIndustry(DEMO_SEED, ledger, times);
    for (const s of without.snapshots) {
      for (const x of s.systems) expect(x.trend).toBeUndefined();
      expect(industrySystemsSchema.safeParse(s).success).toBe(true);
    }
    // The trend does not change the figures themselves.
    expect(without.series).toEqual(withTrend.series);
    expect(INDUSTRY_SYSTEM_IDS.length).toBe(19);
  });
});
