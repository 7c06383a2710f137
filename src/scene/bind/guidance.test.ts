import { describe, expect, it } from 'vitest';
import type { GuidanceCatalog } from '../../../data-adapters/topics/guidance';
import { docsOf, effectiveState, guidanceKpis, linkList, onTimeGauge, reportedSeries, syncAgeMinutes } from './guidance';

// 2026-11-26 09:40 in Yichang (UTC+8).
const AS_OF = Date.UTC(2026, 10, 26, 1, 40);
const MIN = 60_000;

const catalog: GuidanceCatalog = {
  asOf: AS_OF,
  documents: [
    { id: 'guide', kind: 'guide', title: '城市运行管理服务平台建设指南（试行）', code: '建办督〔2021〕54号', issuer: '住房和城乡建设部', year: 2021 },
    { id: 'tech', kind: 'standard', title: '城市运行管理服务平台技术标准', code: 'CJJ/T 312-2021', issuer: '住房和城乡建设部', year: 2021 },
    { id: 'exp', kind: 'experience', title: '<b>经验</b>', code: '', issuer: '宜昌市城市运行管理中心' },
    { id: 'reg', kind: 'regulation', title: '宜昌市城市综合管理工作评估办法', code: '', issuer: '宜昌市人民政府办公室' },
  ],
  national: { state: 'connected', lastSyncAt: AS_OF - 5 * MIN - 20_000, reportedToday: 3359, sso: true, onTimeRate: 98.9 },
  province: { state: 'connected', lastSyncAt: AS_OF - 20 * MIN, reportedToday: 831 },
  reportedHourly: [100, 1444, 1356],
  provinceHourly: [30, 352],
};

describe('guidance selectors', () => {
  it('lists documents of the chosen kinds, in 《》 with code, issuer and year; text stays text', () => {
    expect(docsOf(catalog, ['guide', 'standard'])).toEqual({
      items: [
        { id: 'guide', title: '《城市运行管理服务平台建设指南（试行）》', meta: '建办督〔2021〕54号 · 住房和城乡建设部 · 2021年' },
        { id: 'tech', title: '《城市运行管理服务平台技术标准》', meta: 'CJJ/T 312-2021 · 住房和城乡建设部 · 2021年' },
      ],
    });
    expect(docsOf(catalog, ['experience']).items).toEqual([{ id: 'exp', title: '《<b>经验</b>》', meta: '宜昌市城市运行管理中心' }]);
    expect(docsOf(catalog, ['regulation']).items.map((d) => d.id)).toEqual(['reg']);
  });

  it('treats a "connected" link whose last sync is late as degraded', () => {
    expect(syncAgeMinutes(catalog, 'national')).toBe(5);
    expect(syncAgeMinutes(catalog, 'province')).toBe(20);
    expect(effectiveState(catalog, 'national')).toBe('connected');
    expect(effectiveState(catalog, 'province')).toBe('degraded');
    const down: GuidanceCatalog = { ...catalog, national: { ...catalog.national, state: 'down' } };
    expect(effectiveState(down, 'national')).toBe('down');
  });

  it('shows both links and single sign-on with their state', () => {
    expect(linkList(catalog).items).toEqual([
      { id: 'national', title: '国家城市运管服平台', meta: '联网正常 · 最近同步 09:34 · 今日上报 3,359 条', state: 'good' },
      { id: 'province', title: '湖北省城市运管服平台', meta: '同步延迟 · 最近同步 09:20 · 今日上报 831 条', state: 'warn' },
      { id: 'sso', title: '国家平台单点登录', meta: '已对接', state: 'good' },
    ]);
  });

  it('sums up the link in figures, flagging a lagging province', () => {
    expect(guidanceKpis(catalog).map((k) => [k.id, k.value, k.tone])).toEqual([
      ['national', 3359, 'normal'],
      ['province', 831, 'alert'],
      ['sync', 5, 'normal'],
      ['docs', 4, 'normal'],
    ]);
  });

  it('gauges the on-time rate and charts the hourly reports ending at asOf', () => {
    expect(onTimeGauge(catalog)).toMatchObject({ label: '上报及时率', value: 98.9, min: 90, max: 100, unit: '%', higherIsWorse: false });
    expect(reportedSeries(catalog)).toEqual({
      x: ['07:40', '08:40', '09:40'],
      unit: '条',
      series: [
        { id: 'national', name: '国家平台', values: [100, 1444, 1356], kind: 'bar' },
        { id: 'province', name: '省级平台', values: [null, 30, 352], kind: 'line' },
      ],
    });
  });
});
