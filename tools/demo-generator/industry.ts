/**
 * `industry.systems`: the 19 connected systems, once a minute: state, last heartbeat and one key figure.
 * Figures that overlap the case model are counted from it (数字城管 今日立案, 城市生命线 今日告警,
 * 宜接就办 今日受理); the others are seeded random walks around plausible levels for a weekday morning.
 * Two deterministic incidents per recording: one system degraded (late heartbeats) for a few
 * minutes, another offline (heartbeat and figure frozen) for a few minutes.
 *
 * Each snapshot also carries the key figure's last 12 hourly values (`trend`, see ./industry-history.ts):
 * the hours before the recording come from the same case model where the figure is a case count, and
 * from a daily profile anchored on the recording's first value otherwise, so the trend runs into the
 * live figure without a jump.
 */
import { INDUSTRY_SYSTEM_IDS, type IndustrySystemId } from '../../data-adapters/domain';
import type { IndustrySystems, SystemState } from '../../data-adapters/schemas';
import { countToday, historyOf, TREND_HOURS, type HistorySpec } from './industry-history';
import type { DayLedger, LedgerEntry } from './ledger';
import { Rng } from './random';
import { HOUR, localDayStart } from './time';

interface FigureSpec {
  label: string;
  unit: string;
  /** Value at minute `m` (0-based) with snapshot time `asOf`; called once per minute, in order. */
  next: (m: number, asOf: number) => number;
}

/** Systems that may have an incident in the demo (never the case systems the wall is built around). */
const INCIDENT_CANDIDATES: readonly IndustrySystemId[] = ['zhatu', 'mingchu', 'zaihai', 'gongdi', 'xiaoqu', 'yuanlin', 'fangwu', 'kaohe'];

export interface IndustryResult {
  snapshots: IndustrySystems[];
  /** Each system's key figure per minute (also used for the data volumes). */
  series: Record<IndustrySystemId, number[]>;
}

/** A bounded random walk. */
function walk(rng: Rng, start: number, step: number, lo: number, hi: number): (m: number) => number {
  let v = start;
  return (m) => {
    if (m > 0) v = Math.min(hi, Math.max(lo, v + rng.int(-step, step)));
    return v;
  };
}

/** A counter that grows by 0..maxStep per minute from `start`. */
function counter(rng: Rng, start: number, maxStep: number, pStep = 1): (m: number) => number {
  let v = start;
  return (m) => {
    if (m > 0 && rng.chance(pStep)) v += rng.int(0, maxStep);
    return v;
  };
}

// Case-model counters, shared by the live figure (today's ledger) and its history (two days of steps).
const isSzcgRegister = (e: LedgerEntry): boolean => e.stage === 'register' && (e.channel === 'inspector' || e.channel === 'snapshot' || e.channel === 'sensor');
const isLifelineAlarm = (e: LedgerEntry): boolean => e.stage === 'discover' && e.category === 'lifeline';
const isLifelineHandled = (e: LedgerEntry): boolean => e.stage === 'handle' && e.category === 'lifeline';
const isYijieIntake = (e: LedgerEntry): boolean => e.stage === 'discover' && (e.channel === 'hotline12345' || e.channel === 'police110');
const yingjiFigure = (lifelineHandled: number): number => 1 + Math.floor(lifelineHandled / 10);

/**
 * `history` holds the case steps of (at least) the 12 hours before the recording; `ledger` today's.
 * Without `history` the snapshots carry no trend (the shape recordings had before the trend existed).
 */
export function buildIndustry(seed: number, ledger: DayLedger, times: readonly number[], history?: DayLedger): IndustryResult {
  const r = (...labels: string[]): Rng => Rng.derive(seed, 'industry', ...labels);
  const first = times[0] ?? 0;
  const today = localDayStart(first);
  const minutesSinceMidnight = (first - today) / 60_000;

  const parkingRng = r('tingche');
  let freeBerths = parkingRng.int(8200, 9000);
  const trafficRng = r('jiaotong');
  const trafficStart = trafficRng.range(1.72, 1.88);

  const specs: Record<IndustrySystemId, FigureSpec> = {
    szcg: {
      label: '今日立案', unit: '件',
      next: (_m, t) => ledger.count(t, isSzcgRegister),
    },
    shizheng: { label: '在线监测井盖', unit: '个', next: walk(r('shizheng'), r('shizheng', 'start').int(12_420, 12_520), 3, 12_300, 12_600) },
    huanwei: { label: '作业车辆', unit: '辆', next: walk(r('huanwei'), r('huanwei', 'start').int(372, 398), 4, 340, 430) },
    zhifa: { label: '今日执法案件', unit: '件', next: counter(r('zhifa'), Math.round(minutesSinceMidnight / 12), 1, 0.45) },
    kaohe: { label: '本月已检点位', unit: '个', next: counter(r('kaohe'), r('kaohe', 'start').int(1120, 1180), 1, 0.5) },
    tingche: {
      label: '空余泊位', unit: '个',
      // Morning arrivals fill the city's car parks: fewer free berths minute by minute, with noise.
      next: (m) => {
        if (m > 0) freeBerths = Math.max(0, freeBerths - parkingRng.int(8, 42));
        return freeBerths;
      },
    },
    tianyan: { label: '今日AI识别', unit: '起', next: counter(r('tianyan'), Math.round(minutesSinceMidnight * 1.1), 8) },
    zhatu: { label: '在线渣土车', unit: '辆', next: walk(r('zhatu'), r('zhatu', 'start').int(62, 88), 2, 40, 110) },
    zaihai: { label: '在线监测点', unit: '个', next: walk(r('zaihai'), r('zaihai', 'start').int(1236, 1262), 1, 1200, 1280) },
    shengmingxian: { label: '今日告警', unit: '条', next: (_m, t) => ledger.count(t, isLifelineAlarm) },
    gongdi: { label: '在建工地', unit: '个', next: walk(r('gongdi'), r('gongdi', 'start').int(300, 330), 0, 0, 1000) },
    fangwu: { label: '监测房屋', unit: '栋', next: walk(r('fangwu'), r('fangwu', 'start').int(4820, 4900), 0, 0, 10_000) },
    yuanlin: { label: '今日养护作业', unit: '处', next: counter(r('yuanlin'), r('yuanlin', 'start').int(34, 52), 1, 0.35) },
    xiaoqu: { label: '接入小区', unit: '个', next: walk(r('xiaoqu'), r('xiaoqu', 'start').int(610, 640), 0, 0, 1000) },
    jiaotong: {
      label: '主城拥堵指数', unit: '',
      // The morning peak easing off after 09:30.
      next: (m) => Math.round((trafficStart - m * 0.009 + trafficRng.range(-0.03, 0.03)) * 100) / 100,
    },
    mingchu: { label: '在线后厨', unit: '家', next: walk(r('mingchu'), r('mingchu', 'start').int(3080, 3160), 3, 3000, 3250) },
    dianti: { label: '在线电梯', unit: '台', next: walk(r('dianti'), r('dianti', 'start').int(18_560, 18_680), 5, 18_400, 18_800) },
    yingji: {
      label: '今日联动事件', unit: '起',
      next: (_m, t) => yingjiFigure(ledger.count(t, isLifelineHandled)),
    },
    yijie: {
      label: '今日受理', unit: '件',
      next: (_m, t) => ledger.count(t, isYijieIntake),
    },
  };

  // Incidents: which systems, when (minutes into the recording), how long.
  const incRng = Rng.derive(seed, 'industry', 'incidents');
  const pool = [...INCIDENT_CANDIDATES];
  const degradedId = pool.splice(incRng.int(0, pool.length - 1), 1)[0] as IndustrySystemId;
  const offlineId = pool.splice(incRng.int(0, pool.length - 1), 1)[0] as IndustrySystemId;
  const degradedFrom = incRng.int(4, 12);
  const degradedTo = degradedFrom + incRng.int(4, 8);
  const offlineFrom = incRng.int(15, 22);
  const offlineTo = offlineFrom + incRng.int(3, 6);
  const stateAt = (id: IndustrySystemId, m: number): SystemState => {
    if (id === degradedId && m >= degradedFrom && m < degradedTo) return 'degraded';
    if (id === offlineId && m >= offlineFrom && m < offlineTo) return 'offline';
    return 'online';
  };

  const series = {} as Record<IndustrySystemId, number[]>;
  const lastBeat = {} as Record<IndustrySystemId, number>;
  const beatRng = Rng.derive(seed, 'industry', 'heartbeats');
  for (const id of INDUSTRY_SYSTEM_IDS) series[id] = [];

  // The figures before the recording: counted from the case model where the figure is a case count,
  // else modelled and anchored on the stream's first value (set at minute 0 below).
  const counted: Partial<Record<IndustrySystemId, HistorySpec>> = {};
  if (history) {
    const ledgerHistory = (match: (e: LedgerEntry) => boolean, map: (n: number) => number = (n) => n): HistorySpec => ({
      kind: 'counted',
      at: (t) => map(countToday(history, t, match)),
    });
    counted.szcg = ledgerHistory(isSzcgRegister);
    counted.shengmingxian = ledgerHistory(isLifelineAlarm);
    counted.yingji = ledgerHistory(isLifelineHandled, yingjiFigure);
    counted.yijie = ledgerHistory(isYijieIntake);
  }
  const pastOf: Partial<Record<IndustrySystemId, (t: number) => number>> = {};

  const snapshots = times.map((asOf, m) => ({
    asOf,
    systems: INDUSTRY_SYSTEM_IDS.map((id) => {
      const spec = specs[id];
      const state = stateAt(id, m);
      const live = spec.next(m, asOf); // advance every walk every minute so states do not shift the streams
      if (m === 0 && history) pastOf[id] = historyOf(seed, id, asOf, live, counted[id]);
      const values = series[id];
      const previous = values[values.length - 1];
      const value = state === 'offline' && previous !== undefined ? previous : live;
      values.push(value);
      const lag = state === 'degraded' ? beatRng.int(70, 240) : beatRng.int(2, 25);
      if (state !== 'offline' || lastBeat[id] === undefined) lastBeat[id] = asOf - lag * 1000;
      const keyFigure = { label: spec.label, value, unit: spec.unit };
      const past = pastOf[id];
      if (!past) return { id, state, lastHeartbeat: lastBeat[id], keyFigure };
      const trend = Array.from({ length: TREND_HOURS }, (_, i) => {
        const hoursBack = TREND_HOURS - 1 - i;
        return hoursBack === 0 ? value : past(asOf - hoursBack * HOUR);
      });
      return { id, state, lastHeartbeat: lastBeat[id], keyFigure, trend };
    }),
  }));
  return { snapshots, series };
}
