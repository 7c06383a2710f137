/**
 * 城市生命线 bindings over `lifeline.status`: sector table and ranking, alarm list, alarm points on the
 * map, key figures, and the closed loop of the newest alarm that became a 运管服 work order. Pure
 * selectors, tested on fixed inputs. Alarm places are untrusted text: they only ever go into text.
 */
import { STAGES } from '../../../data-adapters/domain';
import {
  LIFELINE_SECTORS,
  alarmStateName,
  isActiveAlarmState,
  sectorName,
  type LifelineAlarm,
  type LifelineStatus,
} from '../../../data-adapters/topics/lifeline';
import type { AlarmListData, DocListData, KpiItem, MapPointsData, NamedCount, TableData, Tone } from '../../panels/types';
import { fromTopic } from '../binding-kit';

const SOURCE = '城市生命线平台';
/** Snapshots come every minute: five missed ones make the panel stale. */
const STALE_MINUTES = 5;
/** Sectors reporting below this share of their sensors are flagged. */
export const ONLINE_WARN_PERCENT = 95;

const pct1 = (num: number, den: number): number => (den === 0 ? 0 : Math.round((num / den) * 1000) / 10);

/** Wall clock HH:MM:SS in China Standard Time (the data clock is epoch ms). */
export function cstClock(t: number): string {
  return new Date(t + 8 * 3_600_000).toISOString().slice(11, 19);
}

export function lifelineKpis(p: LifelineStatus): KpiItem[] {
  let sensors = 0;
  let online = 0;
  let today = 0;
  let active = 0;
  for (const s of p.sectors) {
    sensors += s.sensors;
    online += s.online;
    today += s.alarmsToday;
    active += s.activeAlarms;
  }
  const ticketed = p.alarms.filter((a) => a.caseId !== null).length;
  return [
    { id: 'sensors', label: '监测设备', unit: '万台', value: sensors / 10_000, decimals: 2, tone: 'normal' },
    { id: 'online', label: '设备在线率', unit: '%', value: pct1(online, sensors), decimals: 1, tone: 'normal' },
    { id: 'today', label: '今日告警', unit: '条', value: today, decimals: 0, tone: 'normal' },
    { id: 'active', label: '当前告警', unit: '条', value: active, decimals: 0, tone: active > 0 ? 'alert' : 'normal' },
    { id: 'ticketed', label: '转工单', unit: '件', value: ticketed, decimals: 0, tone: 'normal' },
  ];
}

/** The 12 sectors in the reference's order, with their figures. */
export function sectorTable(p: LifelineStatus): TableData {
  const byId = new Map(p.sectors.map((s) => [s.id, s]));
  const rows: TableData['rows'] = [];
  for (const def of LIFELINE_SECTORS) {
    const s = byId.get(def.id);
    if (!s) continue;
    const rate = pct1(s.online, s.sensors);
    const tone: Tone = s.activeAlarms > 0 ? 'alert' : rate < ONLINE_WARN_PERCENT ? 'warn' : 'normal';
    rows.push({
      id: s.id,
      cells: { name: def.name, sensors: s.sensors, online: `${rate.toFixed(1)}%`, today: s.alarmsToday, active: s.activeAlarms },
      tone,
    });
  }
  return {
    columns: [
      { id: 'name', label: '领域', align: 'left' },
      { id: 'sensors', label: '设备', align: 'right' },
      { id: 'online', label: '在线率', align: 'right' },
      { id: 'today', label: '今日告警', align: 'right' },
      { id: 'active', label: '当前', align: 'right' },
    ],
    rows,
  };
}

/** Alarms today per sector, most first. */
export function alarmsBySector(p: LifelineStatus): NamedCount[] {
  return p.sectors.map((s) => ({ id: s.id, name: sectorName(s.id), value: s.alarmsToday })).sort((a, b) => b.value - a.value);
}

function alarmTitle(a: LifelineAlarm): string {
  const reading = a.reading ? ` ${a.reading.value}${a.reading.unit}` : '';
  return `${sectorName(a.sector)}·${a.kind}${reading}`;
}

/** Active alarms first (newest first), then the recently cleared or closed ones. */
export function alarmList(p: LifelineStatus): AlarmListData {
  const active = p.alarms.filter((a) => isActiveAlarmState(a.state));
  const done = p.alarms.filter((a) => !isActiveAlarmState(a.state));
  const byNewest = (x: LifelineAlarm, y: LifelineAlarm): number => y.at - x.at;
  return {
    items: [...active.sort(byNewest), ...done.sort(byNewest)].map((a) => ({
      id: a.id,
      level: a.level,
      title: alarmTitle(a),
      place: a.place,
      at: a.at,
      state: a.caseId ? `${alarmStateName(a.state)} ${a.caseId}` : alarmStateName(a.state),
    })),
  };
}

const LEVEL_SIZE = { critical: 2.2, major: 1.6, minor: 1.2 } as const;

/** Active alarms: red for 一级, amber otherwise; bigger for higher levels. */
export function activeAlarmPoints(p: LifelineStatus): MapPointsData {
  return {
    points: p.alarms
      .filter((a) => isActiveAlarmState(a.state))
      .map((a) => ({ id: a.id, lon: a.lon, lat: a.lat, tone: a.level === 'critical' ? 'alert' : 'warn', size: LEVEL_SIZE[a.level], label: `${sectorName(a.sector)} ${a.kind}` })),
  };
}

/** Alarms cleared or closed in the last two hours: small green dots (what the sectors dealt with). */
export function resolvedAlarmPoints(p: LifelineStatus): MapPointsData {
  return {
    points: p.alarms
      .filter((a) => !isActiveAlarmState(a.state))
      .map((a) => ({ id: a.id, lon: a.lon, lat: a.lat, tone: 'good', size: 0.8 })),
  };
}

const STEP_TEXT: Record<(typeof STAGES)[number]['id'], string> = {
  discover: '告警推送运管服平台',
  register: '城运中心立案',
  dispatch: '派至责任单位',
  handle: '责任单位现场处置',
  verify: '处置结果核查',
  close: '办结归档',
};

/**
 * The newest alarm that became a work order, as a timeline: the alarm, then each stage of the loop
 * with its time (done: green, current: amber, still to come: plain). Before any, one line saying so.
 */
export function workOrderTimeline(p: LifelineStatus): DocListData {
  const ticketed = p.alarms.filter((a) => a.caseId !== null).sort((x, y) => y.at - x.at)[0];
  if (!ticketed) return { items: [{ id: 'none', title: '今日暂无告警转工单', meta: '', state: 'normal' }] };
  const reached = new Map(ticketed.caseStages.map((s) => [s.stage, s.at]));
  const closed = reached.has('close');
  const last = ticketed.caseStages[ticketed.caseStages.length - 1]?.stage;
  const items: DocListData['items'] = [
    { id: 'alarm', title: `${alarmTitle(ticketed)} ${ticketed.place}`, meta: cstClock(ticketed.at), state: closed ? 'good' : 'alert' },
  ];
  for (const s of STAGES) {
    const at = reached.get(s.id);
    const state: Tone = at === undefined ? 'normal' : s.id === last && !closed ? 'warn' : 'good';
    items.push({ id: s.id, title: `${s.name} · ${STEP_TEXT[s.id]}`, meta: at === undefined ? '待办' : cstClock(at), state });
  }
  return { items };
}

export const LIFELINE_BINDINGS = {
  'lifeline.kpis': { ...fromTopic('kpis', 'lifeline.status', STALE_MINUTES, (p) => lifelineKpis(p)), source: SOURCE },
  'lifeline.sectors': { ...fromTopic('table', 'lifeline.status', STALE_MINUTES, (p) => sectorTable(p)), source: SOURCE },
  'lifeline.alarmsBySector': { ...fromTopic('namedCounts', 'lifeline.status', STALE_MINUTES, (p) => alarmsBySector(p)), source: SOURCE },
  'lifeline.alarms': { ...fromTopic('alarms', 'lifeline.status', STALE_MINUTES, (p) => alarmList(p)), source: SOURCE },
  'lifeline.activePoints': { ...fromTopic('mapPoints', 'lifeline.status', STALE_MINUTES, (p) => activeAlarmPoints(p)), source: SOURCE },
  'lifeline.resolvedPoints': { ...fromTopic('mapPoints', 'lifeline.status', STALE_MINUTES, (p) => resolvedAlarmPoints(p)), source: SOURCE },
  'lifeline.workOrder': { ...fromTopic('docList', 'lifeline.status', STALE_MINUTES, (p) => workOrderTimeline(p)), source: `${SOURCE} · 运管服` },
} as const;
