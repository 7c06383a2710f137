import { beforeAll, describe, expect, it } from 'vitest';
import { validateMessage } from '../../data-adapters/schemas';
import type { GuidanceCatalog } from '../../data-adapters/topics/guidance';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording } from './generate';
import { buildGuidance } from './guidance';
import { trendHistoryFrom } from './industry-history';
import { DayLedger } from './ledger';
import { simulateCases } from './simulation';
import { HOUR, localDayStart, MINUTE } from './time';

let catalogs: GuidanceCatalog[];
beforeAll(() => {
  catalogs = buildDemoRecording(DEMO_SEED).lines.filter((l) => l.topic === 'guidance.catalog').map((l) => l.payload as GuidanceCatalog);
});

describe('guidance.catalog', () => {
  it('is written at the start and every 10 minutes, and validates', () => {
    expect(catalogs.map((c) => c.asOf - DEMO_START_TIME)).toEqual([0, 10, 20, 30].map((m) => m * MINUTE));
    for (const c of catalogs) {
      const r = validateMessage('guidance.catalog', c, c.asOf);
      if (!r.ok) throw new Error(r.reason);
    }
  });

  it('lists the guide, the four standards (and the acceptance table), 3 experience notes and 10 regulations', () => {
    const docs = catalogs[0]?.documents ?? [];
    const of = (kind: string) => docs.filter((d) => d.kind === kind);
    expect(of('guide').map((d) => d.title)).toEqual(['城市运行管理服务平台建设指南（试行）']);
    expect(of('standard').map((d) => d.code)).toEqual(expect.arrayContaining(['CJJ/T 312-2021', 'CJ/T 545-2021']));
    expect(of('standard').map((d) => d.title)).toEqual(
      expect.arrayContaining(['城市运行管理服务平台 管理监督指标及评价标准', '城市运行管理服务平台 运行监测指标及评价标准', '城市运行管理服务平台验收评分表']),
    );
    expect(of('experience')).toHaveLength(3);
    expect(of('regulation')).toHaveLength(10);
    expect(of('regulation')[0]?.title).toBe('宜昌市城市综合管理工作评估办法');
    expect(new Set(docs.map((d) => d.id)).size).toBe(docs.length);
  });

  it('syncs in the past, reports only what was synced, and lags on the provincial link exactly once', () => {
    for (const c of catalogs) {
      for (const link of [c.national, c.province]) {
        expect(link.lastSyncAt).toBeLessThanOrEqual(c.asOf);
        expect(c.asOf - link.lastSyncAt).toBeLessThan(25 * MINUTE);
      }
      expect(c.national.state).toBe('connected');
      expect(c.reportedHourly).toHaveLength(12);
      expect(c.provinceHourly).toHaveLength(12);
      // Province gets 立案 and 结案 only: fewer than the national platform's every step.
      expect(c.province.reportedToday).toBeLessThan(c.national.reportedToday);
      c.provinceHourly.forEach((v, i) => expect(v).toBeLessThanOrEqual(c.reportedHourly[i] ?? 0));
      // The hours since midnight add up to no more than today's total.
      const hoursToday = Math.floor((c.asOf - localDayStart(c.asOf)) / HOUR);
      const sinceMidnight = c.reportedHourly.slice(-hoursToday).reduce((t, v) => t + v, 0);
      expect(sinceMidnight).toBeLessThanOrEqual(c.national.reportedToday);
    }
    const lagging = catalogs.filter((c) => c.province.state === 'degraded');
    expect(lagging).toHaveLength(1);
    expect(lagging[0]!.asOf - lagging[0]!.province.lastSyncAt).toBeGreaterThan(10 * MINUTE);
    // Reported counts only grow through the morning.
    for (let i = 1; i < catalogs.length; i += 1) expect(catalogs[i]!.national.reportedToday).toBeGreaterThan(catalogs[i - 1]!.national.reportedToday);
    // The morning is busier than the small hours.
    const c0 = catalogs[0]!;
    expect(c0.reportedHourly.at(-1)!).toBeGreaterThan(3 * c0.reportedHourly[5]!);
  });

  it('is deterministic', () => {
    const end = DEMO_START_TIME + 30 * MINUTE;
    const history = new DayLedger(simulateCases(DEMO_SEED, DEMO_START_TIME, end), trendHistoryFrom(DEMO_START_TIME), end);
    const times = [0, 10, 20, 30].map((m) => DEMO_START_TIME + m * MINUTE);
    expect(buildGuidance(DEMO_SEED, history, times)).toEqual(catalogs);
  });
});
