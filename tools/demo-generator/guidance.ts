/**
 * `guidance.catalog`: what the city shares with the national platform and how the link stands, at the
 * start and every 10 minutes.
 *
 * Documents: the national "1 guide + 4 standards" (住建部 一个指南、四个标准) plus the acceptance scoring
 * table the city scored itself against (自评 96.5 分), then the 3 experience notes and 10 regulations the
 * reference says were uploaded. Link: every case step is reported to the national platform, 立案 and 结案
 * records to the province; both sync every 5 minutes. Once per recording the provincial link lags for
 * one snapshot (同步延迟) and then catches up.
 */
import type { DocKind, GuidanceCatalog } from '../../data-adapters/topics/guidance';
import type { DayLedger, LedgerEntry } from './ledger';
import { keyedRng } from './keyed-rng';
import { Rng } from './random';
import { HOUR, localDayStart, MINUTE } from './time';

interface CatalogDoc {
  id: string;
  kind: DocKind;
  title: string;
  code: string;
  issuer: string;
  year?: number;
}

/**
 * The national guide and standards, by the names 住建部 published them. Codes of the two evaluation
 * standards are left out here (not verified against the standard texts); the guide carries the number
 * of the notice that issued it.
 */
const NATIONAL: readonly CatalogDoc[] = [
  { id: 'guide-platform', kind: 'guide', title: '城市运行管理服务平台建设指南（试行）', code: '建办督〔2021〕54号', issuer: '住房和城乡建设部', year: 2021 },
  { id: 'std-technical', kind: 'standard', title: '城市运行管理服务平台技术标准', code: 'CJJ/T 312-2021', issuer: '住房和城乡建设部', year: 2021 },
  { id: 'std-data', kind: 'standard', title: '城市运行管理服务平台数据标准', code: 'CJ/T 545-2021', issuer: '住房和城乡建设部', year: 2021 },
  { id: 'std-supervision', kind: 'standard', title: '城市运行管理服务平台 管理监督指标及评价标准', code: '', issuer: '住房和城乡建设部', year: 2022 },
  { id: 'std-monitoring', kind: 'standard', title: '城市运行管理服务平台 运行监测指标及评价标准', code: '', issuer: '住房和城乡建设部', year: 2022 },
  // Named by the reference: the city scored itself against it (96.5 points in June 2024).
  { id: 'std-acceptance', kind: 'standard', title: '城市运行管理服务平台验收评分表', code: '', issuer: '住房和城乡建设部' },
];

/**
 * The reference says 3 experience notes were uploaded but does not name them: these titles are
 * illustrative, drawn from the practices the reference describes (双擎, 全市一个停车场, 燃气预警工单).
 */
const EXPERIENCE: readonly CatalogDoc[] = [
  { id: 'exp-dual-engine', kind: 'experience', title: '"宜接就办+数字城管"双擎推进城市治理闭环', code: '', issuer: '宜昌市城市运行管理中心', year: 2024 },
  { id: 'exp-parking', kind: 'experience', title: '"全市一个停车场"停车管理实践', code: '', issuer: '宜昌市城市运行管理中心', year: 2024 },
  { id: 'exp-gas-alarm', kind: 'experience', title: '城市生命线燃气预警事件工单闭环流转', code: '', issuer: '宜昌市城市运行管理中心', year: 2024 },
];

/**
 * 10 regulations. The reference names only the first (《宜昌市城市综合管理工作评估办法》 and its
 * implementing rules); the rest are illustrative Yichang titles of the kind such a list holds, not a
 * verified list of the city's legislation.
 */
const REGULATIONS: readonly CatalogDoc[] = [
  { id: 'reg-evaluation', kind: 'regulation', title: '宜昌市城市综合管理工作评估办法', code: '', issuer: '宜昌市人民政府办公室' },
  { id: 'reg-evaluation-rules', kind: 'regulation', title: '宜昌市城市综合管理工作评估实施细则', code: '', issuer: '宜昌市城市综合管理工作领导小组' },
  { id: 'reg-green', kind: 'regulation', title: '宜昌市城区重点绿地保护条例', code: '', issuer: '宜昌市人大常委会' },
  { id: 'reg-civility', kind: 'regulation', title: '宜昌市文明行为促进条例', code: '', issuer: '宜昌市人大常委会' },
  { id: 'reg-dogs', kind: 'regulation', title: '宜昌市养犬管理条例', code: '', issuer: '宜昌市人大常委会' },
  { id: 'reg-waste', kind: 'regulation', title: '宜昌市生活垃圾分类管理办法', code: '', issuer: '宜昌市人民政府' },
  { id: 'reg-signs', kind: 'regulation', title: '宜昌市户外广告设施和招牌设置管理办法', code: '', issuer: '宜昌市人民政府' },
  { id: 'reg-roadworks', kind: 'regulation', title: '宜昌市城市道路挖掘管理办法', code: '', issuer: '宜昌市人民政府' },
  { id: 'reg-parking', kind: 'regulation', title: '宜昌市中心城区停车管理办法', code: '', issuer: '宜昌市人民政府' },
  { id: 'reg-yijie', kind: 'regulation', title: '宜昌市"宜接就办"群众诉求办理工作规则', code: '', issuer: '宜昌市人民政府办公室' },
];

export const CATALOG_DOCUMENTS: readonly CatalogDoc[] = [...NATIONAL, ...EXPERIENCE, ...REGULATIONS];

const SYNC_EVERY = 5 * MINUTE;
const HOURS_SHOWN = 12;
const toNational = (_e: LedgerEntry): boolean => true;
const toProvince = (e: LedgerEntry): boolean => e.stage === 'register' || e.stage === 'close';

/** Steps matching `match` in [from, to). Entries are sorted by time. */
function countBetween(ledger: DayLedger, from: number, to: number, match: (e: LedgerEntry) => boolean): number {
  let n = 0;
  for (const e of ledger.entries) {
    if (e.at >= to) break;
    if (e.at >= from && match(e)) n += 1;
  }
  return n;
}

/**
 * `history` must hold the case steps from at least 12 hours before the first snapshot (yesterday and
 * today); counts are of steps sent by the last sync, so a lagging link shows fewer.
 */
export function buildGuidance(seed: number, history: DayLedger, times: readonly number[]): GuidanceCatalog[] {
  const rng = Rng.derive(seed, 'guidance');
  const lagIndex = times.length > 2 ? rng.int(1, times.length - 2) : -1;
  let onTime = rng.range(98.6, 99.6);

  // A sync runs every 5 minutes and completes a few seconds after its slot, the same seconds for every
  // snapshot that sees it.
  const syncedBy = (label: string, t: number): number => {
    let slot = Math.floor(t / SYNC_EVERY) * SYNC_EVERY;
    const done = (s: number): number => s + keyedRng(seed, 'guidance', 'sync', label, s).int(3, 40) * 1000;
    if (done(slot) > t) slot -= SYNC_EVERY;
    return done(slot);
  };
  const lagMs = Rng.derive(seed, 'guidance', 'lag').int(12, 16) * MINUTE;

  return times.map((asOf, i) => {
    const provinceLagging = i === lagIndex;
    const nationalSync = syncedBy('national', asOf);
    const provinceSync = syncedBy('province', provinceLagging ? asOf - lagMs : asOf);
    if (i > 0) onTime = Math.min(100, Math.max(97, onTime + rng.range(-0.05, 0.05)));

    const hourly = (sync: number, match: (e: LedgerEntry) => boolean): number[] =>
      Array.from({ length: HOURS_SHOWN }, (_, k) => {
        const end = asOf - (HOURS_SHOWN - 1 - k) * HOUR;
        return countBetween(history, end - HOUR, Math.min(end, sync), match);
      });
    const today = (sync: number, match: (e: LedgerEntry) => boolean): number => countBetween(history, localDayStart(asOf), sync, match);

    return {
      asOf,
      documents: CATALOG_DOCUMENTS.map((d) => ({ ...d })),
      national: {
        state: 'connected',
        lastSyncAt: nationalSync,
        reportedToday: today(nationalSync, toNational),
        sso: true,
        onTimeRate: Math.round(onTime * 10) / 10,
      },
      province: {
        state: provinceLagging ? 'degraded' : 'connected',
        lastSyncAt: provinceSync,
        reportedToday: today(provinceSync, toProvince),
      },
      reportedHourly: hourly(nationalSync, toNational),
      provinceHourly: hourly(provinceSync, toProvince),
    };
  });
}
