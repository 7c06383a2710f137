/**
 * 业务指导 bindings over `guidance.catalog`: the guide and standards, experience notes and regulations as
 * document lists, the national and provincial links, and what was reported to them. Pure selectors.
 */
import { LINK_STATE_NAMES, type DocKind, type GuidanceCatalog, type LinkState } from '../../../data-adapters/topics/guidance';
import type { DocListData, GaugeData, KpiItem, SeriesData, Tone } from '../../panels/types';
import { formatWallClock } from '../../stores/reducers/time';
import { fromTopic } from '../binding-kit';

const SOURCE = '业务指导系统';
const HOUR = 3_600_000;
/** A link whose last sync is older than this shows as late even if the feed still says connected. */
export const SYNC_LATE_MINUTES = 15;

const LINK_TONE: Readonly<Record<LinkState, Tone>> = { connected: 'good', degraded: 'warn', down: 'alert' };
const hm = (t: number): string => formatWallClock(t).time.slice(0, 5);

/** Documents of the given kinds, in the catalogue's order. Titles are shown as text, in 《》. */
export function docsOf(p: GuidanceCatalog, kinds: readonly DocKind[]): DocListData {
  return {
    items: p.documents
      .filter((d) => kinds.includes(d.kind))
      .map((d) => ({
        id: d.id,
        title: `《${d.title}》`,
        meta: [d.code, d.issuer, d.year === undefined ? '' : `${d.year}年`].filter((x) => x !== '').join(' · '),
      })),
  };
}

/** Minutes since a link's last sync, at the payload's asOf (never negative). */
export function syncAgeMinutes(p: GuidanceCatalog, link: 'national' | 'province'): number {
  return Math.max(0, Math.floor((p.asOf - p[link].lastSyncAt) / 60_000));
}

/** The feed's state, downgraded to 'degraded' when the last sync is late. */
export function effectiveState(p: GuidanceCatalog, link: 'national' | 'province'): LinkState {
  const state = p[link].state;
  return state === 'connected' && syncAgeMinutes(p, link) > SYNC_LATE_MINUTES ? 'degraded' : state;
}

export function linkList(p: GuidanceCatalog): DocListData {
  const row = (id: 'national' | 'province', title: string): DocListData['items'][number] => {
    const state = effectiveState(p, id);
    return {
      id,
      title,
      meta: `${LINK_STATE_NAMES[state]} · 最近同步 ${hm(p[id].lastSyncAt)} · 今日上报 ${p[id].reportedToday.toLocaleString('en-US')} 条`,
      state: LINK_TONE[state],
    };
  };
  return {
    items: [
      row('national', '国家城市运管服平台'),
      row('province', '湖北省城市运管服平台'),
      { id: 'sso', title: '国家平台单点登录', meta: p.national.sso ? '已对接' : '未对接', state: p.national.sso ? 'good' : 'warn' },
    ],
  };
}

export function guidanceKpis(p: GuidanceCatalog): KpiItem[] {
  const age = syncAgeMinutes(p, 'national');
  return [
    { id: 'national', label: '今日上报国家平台', unit: '条', value: p.national.reportedToday, decimals: 0, tone: 'normal' },
    { id: 'province', label: '今日上报省平台', unit: '条', value: p.province.reportedToday, decimals: 0, tone: effectiveState(p, 'province') === 'connected' ? 'normal' : 'alert' },
    { id: 'sync', label: '距上次同步', unit: '分钟', value: age, decimals: 0, tone: age > SYNC_LATE_MINUTES ? 'alert' : 'normal' },
    { id: 'docs', label: '标准与成果', unit: '项', value: p.documents.length, decimals: 0, tone: 'normal' },
  ];
}

export function onTimeGauge(p: GuidanceCatalog): GaugeData {
  return { label: '上报及时率', value: p.national.onTimeRate, min: 90, max: 100, unit: '%', decimals: 1, warn: 98, alarm: 95, higherIsWorse: false, note: '国家平台 今日' };
}

/** Reports per hour; each bar is labelled with the end of its hour. */
export function reportedSeries(p: GuidanceCatalog): SeriesData {
  const n = Math.max(p.reportedHourly.length, p.provinceHourly.length);
  const pad = (xs: readonly number[]): (number | null)[] => [...Array.from({ length: n - xs.length }, () => null), ...xs];
  return {
    x: Array.from({ length: n }, (_, i) => hm(p.asOf - (n - 1 - i) * HOUR)),
    unit: '条',
    series: [
      { id: 'national', name: '国家平台', values: pad(p.reportedHourly), kind: 'bar' },
      { id: 'province', name: '省级平台', values: pad(p.provinceHourly), kind: 'line' },
    ],
  };
}

export const GUIDANCE_BINDINGS = {
  'guidance.standards': { ...fromTopic('docList', 'guidance.catalog', 30, (p) => docsOf(p, ['guide', 'standard'])), source: SOURCE },
  'guidance.experience': { ...fromTopic('docList', 'guidance.catalog', 30, (p) => docsOf(p, ['experience'])), source: SOURCE },
  'guidance.regulations': { ...fromTopic('docList', 'guidance.catalog', 30, (p) => docsOf(p, ['regulation'])), source: SOURCE },
  'guidance.links': { ...fromTopic('docList', 'guidance.catalog', 30, (p) => linkList(p)), source: '数据交换系统' },
  'guidance.kpis': { ...fromTopic('kpis', 'guidance.catalog', 30, (p) => guidanceKpis(p)), source: '数据交换系统' },
  'guidance.onTime': { ...fromTopic('gauge', 'guidance.catalog', 30, (p) => onTimeGauge(p)), source: '数据交换系统' },
  'guidance.reported': { ...fromTopic('series', 'guidance.catalog', 30, (p) => reportedSeries(p)), source: '数据交换系统' },
} as const;
