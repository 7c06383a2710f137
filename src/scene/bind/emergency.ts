/**
 * 应急联动 bindings over `emergency.status`: the incident, its timeline, the teams (state, people,
 * vehicles, where they are) and the measurement at the scene. Pure selectors; every text from the feed
 * is untrusted and stays text.
 */
import {
  INCIDENT_STATE_NAMES,
  RESPONDER_STATE_NAMES,
  type EmergencyStatus,
  type IncidentState,
  type ResponderState,
} from '../../../data-adapters/topics/emergency';
import type { AlarmLevel, AlarmListData, DocListData, GaugeSetData, KpiItem, MapPointsData, SeriesData, TableData, Tone } from '../../panels/types';
import { formatWallClock } from '../../stores/reducers/time';
import { fromTopic } from '../binding-kit';

const SOURCE = '应急联动处置系统';
const MINUTE = 60_000;

const hm = (t: number): string => formatWallClock(t).time.slice(0, 5);
const atScene = (s: ResponderState): boolean => s === 'onsite' || s === 'working';

/** Whole minutes since the report, at the payload's asOf (never negative). */
export function minutesSinceReport(p: EmergencyStatus): number {
  return Math.max(0, Math.floor((p.asOf - p.incident.reportedAt) / MINUTE));
}

/** The brief's four: time since report, departments, people and vehicles at the scene. */
export function emergencyKpis(p: EmergencyStatus): KpiItem[] {
  const onScene = p.responders.filter((r) => atScene(r.state));
  return [
    { id: 'elapsed', label: '已用时', unit: '分钟', value: minutesSinceReport(p), decimals: 0, tone: 'normal' },
    { id: 'departments', label: '联动部门', unit: '个', value: p.responders.length, decimals: 0, tone: 'normal' },
    { id: 'people', label: '到场人员', unit: '人', value: onScene.reduce((a, r) => a + r.people, 0), decimals: 0, tone: 'normal' },
    { id: 'vehicles', label: '到场车辆', unit: '辆', value: onScene.reduce((a, r) => a + r.vehicles, 0), decimals: 0, tone: 'normal' },
  ];
}

const INCIDENT_TONE: Readonly<Record<IncidentState, Tone>> = { responding: 'alert', controlled: 'warn', closed: 'good' };

export function incidentSummary(p: EmergencyStatus): DocListData {
  const i = p.incident;
  return {
    items: [
      { id: 'title', title: i.title, meta: `${i.level} · ${INCIDENT_STATE_NAMES[i.state]}`, state: INCIDENT_TONE[i.state] },
      { id: 'place', title: i.place, meta: '事发地点' },
      { id: 'reported', title: `${hm(i.reportedAt)} 接报`, meta: `事件编号 ${i.id}` },
      { id: 'evacuated', title: `转移群众 ${i.evacuated} 人`, meta: '坡脚居民楼、沿街商户' },
    ],
  };
}

const KIND_LEVEL: Readonly<Record<EmergencyStatus['timeline'][number]['kind'], AlarmLevel>> = {
  report: 'critical', update: 'major', action: 'minor', dispatch: 'info', arrive: 'info',
};
const KIND_NAME: Readonly<Record<EmergencyStatus['timeline'][number]['kind'], string>> = {
  report: '接报', update: '研判通报', action: '处置', dispatch: '派单', arrive: '到场',
};

/** The timeline, newest first. */
export function timelineList(p: EmergencyStatus): AlarmListData {
  return {
    items: p.timeline
      .map((e, i) => ({ id: `t${i}`, level: KIND_LEVEL[e.kind], title: e.text, place: KIND_NAME[e.kind], at: e.at }))
      .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id, 'en', { numeric: true })),
  };
}

const STATE_TONE: Readonly<Record<ResponderState, Tone>> = { acknowledged: 'normal', enroute: 'warn', onsite: 'good', working: 'good' };

export function responderTable(p: EmergencyStatus): TableData {
  return {
    columns: [
      { id: 'department', label: '部门', align: 'left' },
      { id: 'role', label: '职责', align: 'left', width: 110 },
      { id: 'state', label: '状态', align: 'center', width: 80 },
      { id: 'people', label: '人员', align: 'right', width: 64 },
      { id: 'vehicles', label: '车辆', align: 'right', width: 64 },
    ],
    rows: p.responders.map((r) => ({
      id: r.id,
      cells: { department: r.department, role: r.role, state: RESPONDER_STATE_NAMES[r.state], people: r.people, vehicles: r.vehicles },
      tone: STATE_TONE[r.state],
    })),
  };
}

/** How much of what was sent is at the scene: departments, people, vehicles. */
export function forceOnScene(p: EmergencyStatus): GaugeSetData {
  const all = p.responders;
  const here = all.filter((r) => atScene(r.state));
  const sum = (list: typeof all, k: 'people' | 'vehicles') => list.reduce((a, r) => a + r[k], 0);
  const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10);
  const gauge = (label: string, a: number, b: number, unit: string) => ({
    label, value: pct(a, b), min: 0, max: 100, unit: '%', decimals: 0, higherIsWorse: false, note: `${a} / ${b} ${unit}`,
  });
  return {
    items: [
      gauge('部门到场', here.length, all.length, '个'),
      gauge('人员到场', sum(here, 'people'), sum(all, 'people'), '人'),
      gauge('车辆到场', sum(here, 'vehicles'), sum(all, 'vehicles'), '辆'),
    ],
  };
}

export function readingSeries(p: EmergencyStatus): SeriesData {
  const r = p.readings;
  return {
    x: r.values.map((v) => hm(v.at)),
    series: [{ id: 'reading', name: r.label, values: r.values.map((v) => v.value), kind: 'line' }],
    unit: r.unit,
    // The chart prints the value after the label.
    reference: { label: '预警值', value: r.alarm, tone: 'alert' },
  };
}

export function incidentPoint(p: EmergencyStatus): MapPointsData {
  const i = p.incident;
  return { points: [{ id: i.id, lon: i.lon, lat: i.lat, tone: INCIDENT_TONE[i.state], size: 2.5, label: i.title }] };
}

export function responderPoints(p: EmergencyStatus): MapPointsData {
  return {
    points: p.responders.map((r) => ({
      id: r.id,
      lon: r.lon,
      lat: r.lat,
      tone: STATE_TONE[r.state],
      size: 1.2,
      label: `${r.department} ${RESPONDER_STATE_NAMES[r.state]}`,
    })),
  };
}

export const EMERGENCY_BINDINGS = {
  'emergency.kpis': { ...fromTopic('kpis', 'emergency.status', 5, (p) => emergencyKpis(p)), source: SOURCE },
  'emergency.incident': { ...fromTopic('docList', 'emergency.status', 5, (p) => incidentSummary(p)), source: SOURCE },
  'emergency.timeline': { ...fromTopic('alarms', 'emergency.status', 5, (p) => timelineList(p)), source: SOURCE },
  'emergency.responders': { ...fromTopic('table', 'emergency.status', 5, (p) => responderTable(p)), source: SOURCE },
  'emergency.force': { ...fromTopic('gaugeSet', 'emergency.status', 5, (p) => forceOnScene(p)), source: SOURCE },
  'emergency.reading': { ...fromTopic('series', 'emergency.status', 5, (p) => readingSeries(p)), source: '自然灾害监测系统' },
  'emergency.incidentPoint': { ...fromTopic('mapPoints', 'emergency.status', 5, (p) => incidentPoint(p)), source: SOURCE },
  'emergency.responderPoints': { ...fromTopic('mapPoints', 'emergency.status', 5, (p) => responderPoints(p)), source: SOURCE },
} as const;
