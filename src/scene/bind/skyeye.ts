/**
 * 城管天眼查 bindings over `skyeye.status`: what the camera AI found today and by type, how much of it
 * became cases, the cameras online, the newest detections on the map and as a list. Pure selectors;
 * places are untrusted text and stay text.
 */
import { UNITS } from '../../../data-adapters/domain';
import { DETECTION_STATE_NAMES, DETECTION_TYPES, type DetectionState, type SkyeyeStatus } from '../../../data-adapters/topics/skyeye';
import type { AlarmLevel, AlarmListData, GaugeData, GaugeSetData, KpiItem, MapPointsData, NamedCount, Tone } from '../../panels/types';
import { fromTopic } from '../binding-kit';

const SOURCE = '城管天眼查';
/** Rows of the newest-detections list. */
export const RECENT_ROWS = 20;

const typeName = (id: string): string => DETECTION_TYPES.find((t) => t.id === id)?.name ?? id;
const unitShort = (id: string): string => UNITS.find((u) => u.id === id)?.short ?? id;

/** 识别 → 确认 → 派单 as figures, with what still waits for an operator. */
export function skyeyeFigures(p: SkyeyeStatus): KpiItem[] {
  const pending = p.recent.filter((d) => d.state === 'pending').length;
  return [
    { id: 'detected', label: 'AI识别', unit: '起', value: p.today.detected, decimals: 0, tone: 'normal' },
    { id: 'confirmed', label: '人工确认', unit: '起', value: p.today.confirmed, decimals: 0, tone: 'normal' },
    { id: 'dispatched', label: '派单立案', unit: '件', value: p.today.dispatched, decimals: 0, tone: 'normal' },
    { id: 'pending', label: '待审核', unit: '起', value: pending, decimals: 0, tone: pending > 0 ? 'alert' : 'normal' },
  ];
}

const rate = (num: number, den: number): number => (den === 0 ? 0 : Math.round((num / den) * 1000) / 10);

/** Today's detections by type, most first. */
export function detectionsByType(p: SkyeyeStatus): NamedCount[] {
  return p.byType.map((t) => ({ id: t.type, name: typeName(t.type), value: t.count })).sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
}

export function camerasOnline(p: SkyeyeStatus): GaugeData {
  const { total, online } = p.cameras;
  return {
    label: '摄像头在线率',
    value: rate(online, total),
    min: 80,
    max: 100,
    unit: '%',
    decimals: 1,
    warn: 95,
    alarm: 90,
    higherIsWorse: false,
    note: `在线 ${online} / ${total} 路`,
  };
}

/** How well the patrol works: the AI's accuracy (confirmed / detected), cases made of it, cameras online. */
export function skyeyeRates(p: SkyeyeStatus): GaugeSetData {
  return {
    items: [
      { label: '识别准确率', value: rate(p.today.confirmed, p.today.detected), min: 0, max: 100, unit: '%', decimals: 1, higherIsWorse: false, note: `确认 ${p.today.confirmed} 起` },
      { label: '确认转案率', value: rate(p.today.dispatched, p.today.confirmed), min: 0, max: 100, unit: '%', decimals: 1, higherIsWorse: false, note: `派单 ${p.today.dispatched} 件` },
      camerasOnline(p),
    ],
  };
}

/** Detections of the last two hours by unit (the map's window), most first. */
export function recentByUnit(p: SkyeyeStatus): NamedCount[] {
  const counts = new Map<string, number>();
  for (const d of p.recent) counts.set(d.unitId, (counts.get(d.unitId) ?? 0) + 1);
  return [...counts.entries()].map(([id, value]) => ({ id, name: unitShort(id), value })).sort((a, b) => b.value - a.value || a.id.localeCompare(b.id));
}

const STATE_LEVEL: Readonly<Record<DetectionState, AlarmLevel>> = { confirmed: 'major', pending: 'minor', dispatched: 'info', dismissed: 'info' };
const STATE_TONE: Readonly<Record<Exclude<DetectionState, 'dismissed'>, Tone>> = { pending: 'warn', confirmed: 'alert', dispatched: 'normal' };

export function recentDetections(p: SkyeyeStatus): AlarmListData {
  return {
    items: [...p.recent]
      .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id))
      .slice(0, RECENT_ROWS)
      .map((d) => ({
        id: d.id,
        level: STATE_LEVEL[d.state],
        title: `${typeName(d.type)} · 置信度${Math.round(d.confidence * 100)}%`,
        place: `${d.cameraId} ${d.place}`,
        at: d.at,
        state: DETECTION_STATE_NAMES[d.state],
      })),
  };
}

/** The newest detections on the map; false alarms are left off. */
export function detectionPoints(p: SkyeyeStatus): MapPointsData {
  return {
    points: p.recent.flatMap((d) =>
      d.state === 'dismissed' ? [] : [{ id: d.id, lon: d.lon, lat: d.lat, tone: STATE_TONE[d.state], size: 1, label: `${typeName(d.type)} ${d.place}` }],
    ),
  };
}

export const SKYEYE_BINDINGS = {
  'skyeye.figures': { ...fromTopic('kpis', 'skyeye.status', 5, (p) => skyeyeFigures(p)), source: SOURCE },
  'skyeye.byType': { ...fromTopic('namedCounts', 'skyeye.status', 5, (p) => detectionsByType(p)), source: SOURCE },
  'skyeye.rates': { ...fromTopic('gaugeSet', 'skyeye.status', 5, (p) => skyeyeRates(p)), source: SOURCE },
  'skyeye.byUnit': { ...fromTopic('namedCounts', 'skyeye.status', 5, (p) => recentByUnit(p)), source: SOURCE },
  'skyeye.recent': { ...fromTopic('alarms', 'skyeye.status', 5, (p) => recentDetections(p)), source: SOURCE },
  'skyeye.points': { ...fromTopic('mapPoints', 'skyeye.status', 5, (p) => detectionPoints(p)), source: SOURCE },
} as const;
