/**
 * 防洪排涝 bindings over `flood.status`: rain, the Yangtze at 宜昌水文站, waterlogging points and pumping
 * stations. Pure selectors; place names are untrusted text and stay text.
 */
import { UNITS } from '../../../data-adapters/domain';
import { PUMP_STATE_NAMES, WATERLOGGING_TREND_NAMES, type FloodStatus, type PumpState } from '../../../data-adapters/topics/flood';
import type { AlarmLevel, AlarmListData, GaugeData, KpiItem, MapPointsData, SeriesData, TableData, Tone } from '../../panels/types';
import { formatWallClock } from '../../stores/reducers/time';
import { fromTopic } from '../binding-kit';

const SOURCE = '防汛排涝系统';
const HOUR = 3_600_000;
/** 短时强降水: 20 mm in an hour. */
export const HEAVY_HOURLY_MM = 20;
/** Hours of rain shown in the hourly chart (the wall cannot label 24 bars legibly). */
export const RAIN_HOURS_SHOWN = 12;

const hm = (t: number): string => formatWallClock(t).time.slice(0, 5);
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
const unitShort = (id: string): string => UNITS.find((u) => u.id === id)?.short ?? id;

/** The current river level (the last reading). */
export function currentLevel(p: FloodStatus): number {
  return p.river.readings[p.river.readings.length - 1]?.levelM ?? 0;
}

/** Mean of the gauges' 24-hour totals (面雨量, unweighted: the gauges stand for similar areas). */
export function areaRain24h(p: FloodStatus): number {
  const g = p.rain.gauges;
  return g.length === 0 ? 0 : round(g.reduce((a, x) => a + x.last24hMm, 0) / g.length, 1);
}

/** The wettest hour at any gauge in the last 24 hours. */
export function maxHourlyMm(p: FloodStatus): number {
  return p.rain.gauges.reduce((m, g) => Math.max(m, ...g.hourlyMm), 0);
}

export const activeWaterlogging = (p: FloodStatus) => p.waterlogging.filter((w) => w.trend !== 'cleared');

/** Four figures: a KPI strip stays legible with four. */
export function floodKpis(p: FloodStatus): KpiItem[] {
  const running = p.pumps.filter((x) => x.state === 'running').length;
  const maxHour = maxHourlyMm(p);
  const points = activeWaterlogging(p).length;
  return [
    { id: 'rain24h', label: '24h面雨量', unit: 'mm', value: areaRain24h(p), decimals: 1, tone: 'normal' },
    { id: 'maxHour', label: '最大雨强', unit: 'mm/h', value: maxHour, decimals: 1, tone: maxHour >= HEAVY_HOURLY_MM ? 'alert' : 'normal' },
    { id: 'waterlogging', label: '积水点', unit: '处', value: points, decimals: 0, tone: points > 0 ? 'alert' : 'normal' },
    { id: 'pumps', label: '运行泵站', unit: '座', value: running, decimals: 0, tone: 'normal' },
  ];
}

/** The last RAIN_HOURS_SHOWN hours: the gauges' mean as bars, the wettest gauge (24 h) as a line. */
export function rainHourlySeries(p: FloodStatus): SeriesData {
  const gauges = p.rain.gauges;
  const n = gauges[0]?.hourlyMm.length ?? 0;
  const from = Math.max(0, n - RAIN_HOURS_SHOWN);
  const hours = Array.from({ length: n - from }, (_, i) => from + i);
  const wettest = [...gauges].sort((a, b) => b.last24hMm - a.last24hMm)[0];
  const mean = hours.map((h) => round(gauges.reduce((a, g) => a + (g.hourlyMm[h] ?? 0), 0) / Math.max(1, gauges.length), 1));
  return {
    x: hours.map((h) => hm(p.rain.hourStart + h * HOUR)),
    series: [
      { id: 'mean', name: '全市平均', values: mean, kind: 'bar' },
      ...(wettest ? [{ id: wettest.id, name: wettest.name, values: hours.map((h) => wettest.hourlyMm[h] ?? null), kind: 'line' as const, tone: 'warn' as Tone }] : []),
    ],
    unit: 'mm',
  };
}

/** Gauges by 24-hour rainfall, wettest first, with the current hour (a table: mm do not add up like counts). */
export function rain24hTable(p: FloodStatus): TableData {
  return {
    columns: [
      { id: 'name', label: '雨量站', align: 'left' },
      { id: 'unit', label: '区域', align: 'center', width: 90 },
      { id: 'day', label: '24h mm', align: 'right', width: 110 },
      { id: 'hour', label: '本时 mm', align: 'right', width: 110 },
    ],
    rows: [...p.rain.gauges]
      .sort((a, b) => b.last24hMm - a.last24hMm || a.id.localeCompare(b.id))
      .map((g) => {
        const hour = g.hourlyMm[g.hourlyMm.length - 1] ?? 0;
        return {
          id: g.id,
          cells: { name: g.name, unit: unitShort(g.unitId), day: g.last24hMm.toFixed(1), hour: hour.toFixed(1) },
          tone: g.last24hMm >= 100 ? 'alert' : g.last24hMm >= 50 ? 'warn' : 'normal',
        };
      }),
  };
}

export function riverLevelSeries(p: FloodStatus): SeriesData {
  return {
    x: p.river.readings.map((r) => hm(r.at)),
    series: [{ id: 'level', name: p.river.station, values: p.river.readings.map((r) => r.levelM), kind: 'line' }],
    unit: 'm',
    // The chart prints the value after the label.
    reference: { label: '警戒水位', value: p.river.warningLevelM, tone: 'alert' },
  };
}

export function riverGauge(p: FloodStatus): GaugeData {
  const level = currentLevel(p);
  const margin = p.river.warningLevelM - level;
  return {
    label: '宜昌站水位（吴淞）',
    value: level,
    min: 40,
    max: Math.ceil(p.river.guaranteeLevelM),
    unit: 'm',
    decimals: 2,
    warn: p.river.warningLevelM - 1,
    alarm: p.river.warningLevelM,
    higherIsWorse: true,
    note: margin > 0 ? `距警戒 ${margin.toFixed(2)} m` : `超警戒 ${(-margin).toFixed(2)} m`,
  };
}

/** 40 cm stops cars; 25 cm is over the kerb. */
export function depthLevel(depthCm: number): AlarmLevel {
  if (depthCm >= 40) return 'critical';
  if (depthCm >= 25) return 'major';
  return depthCm > 0 ? 'minor' : 'info';
}

export function depthTone(depthCm: number): Tone {
  if (depthCm >= 40) return 'alert';
  if (depthCm >= 15) return 'warn';
  return depthCm > 0 ? 'normal' : 'good';
}

export function waterloggingAlarms(p: FloodStatus): AlarmListData {
  return {
    items: [...p.waterlogging]
      .sort((a, b) => b.since - a.since)
      .map((w) => ({
        id: w.id,
        level: depthLevel(w.depthCm),
        title: w.trend === 'cleared' ? '积水已消除' : `积水 ${w.depthCm} cm`,
        place: w.place,
        at: w.since,
        state: WATERLOGGING_TREND_NAMES[w.trend],
      })),
  };
}

export function waterloggingPoints(p: FloodStatus): MapPointsData {
  return {
    points: p.waterlogging.map((w) => ({
      id: w.id,
      lon: w.lon,
      lat: w.lat,
      tone: depthTone(w.depthCm),
      size: Math.min(3, 1 + w.depthCm / 25),
      label: w.trend === 'cleared' ? w.place : `${w.place} ${w.depthCm}cm`,
    })),
  };
}

const PUMP_TONE: Readonly<Record<PumpState, Tone>> = { running: 'good', standby: 'normal', fault: 'alert' };
const PUMP_ORDER: Readonly<Record<PumpState, number>> = { fault: 0, running: 1, standby: 2 };

/** Pumping stations, faults first, then by flow. */
export function pumpTable(p: FloodStatus): TableData {
  return {
    columns: [
      { id: 'name', label: '泵站', align: 'left' },
      { id: 'unit', label: '区域', align: 'center', width: 90 },
      { id: 'state', label: '状态', align: 'center', width: 80 },
      { id: 'flow', label: '流量 m³/h', align: 'right', width: 140 },
    ],
    rows: [...p.pumps]
      .sort((a, b) => PUMP_ORDER[a.state] - PUMP_ORDER[b.state] || b.flowM3h - a.flowM3h)
      .map((x) => ({
        id: x.id,
        cells: { name: x.name, unit: unitShort(x.unitId), state: PUMP_STATE_NAMES[x.state], flow: x.flowM3h },
        tone: PUMP_TONE[x.state],
      })),
  };
}

export function pumpPoints(p: FloodStatus): MapPointsData {
  return {
    points: p.pumps.map((x) => ({ id: x.id, lon: x.lon, lat: x.lat, tone: PUMP_TONE[x.state], size: 1.2, label: `${x.name} ${PUMP_STATE_NAMES[x.state]}` })),
  };
}

/** Rain gauges, toned by the current hour's rain. */
export function rainGaugePoints(p: FloodStatus): MapPointsData {
  return {
    points: p.rain.gauges.map((g) => {
      const lastHour = g.hourlyMm[g.hourlyMm.length - 1] ?? 0;
      return {
        id: g.id,
        lon: g.lon,
        lat: g.lat,
        tone: lastHour >= HEAVY_HOURLY_MM ? 'alert' : lastHour >= 10 ? 'warn' : 'normal',
        size: 0.8,
        label: `${g.name} ${g.last24hMm.toFixed(1)}mm`,
      };
    }),
  };
}

export const FLOOD_BINDINGS = {
  'flood.kpis': { ...fromTopic('kpis', 'flood.status', 5, (p) => floodKpis(p)), source: SOURCE },
  'flood.rainHourly': { ...fromTopic('series', 'flood.status', 5, (p) => rainHourlySeries(p)), source: '雨量监测站网' },
  'flood.rain24h': { ...fromTopic('table', 'flood.status', 5, (p) => rain24hTable(p)), source: '雨量监测站网' },
  'flood.riverLevel': { ...fromTopic('series', 'flood.status', 5, (p) => riverLevelSeries(p)), source: '长江宜昌水文站' },
  'flood.riverGauge': { ...fromTopic('gauge', 'flood.status', 5, (p) => riverGauge(p)), source: '长江宜昌水文站' },
  'flood.waterloggingAlarms': { ...fromTopic('alarms', 'flood.status', 5, (p) => waterloggingAlarms(p)), source: SOURCE },
  'flood.waterloggingPoints': { ...fromTopic('mapPoints', 'flood.status', 5, (p) => waterloggingPoints(p)), source: SOURCE },
  'flood.pumps': { ...fromTopic('table', 'flood.status', 5, (p) => pumpTable(p)), source: '泵站监控系统' },
  'flood.pumpPoints': { ...fromTopic('mapPoints', 'flood.status', 5, (p) => pumpPoints(p)), source: '泵站监控系统' },
  'flood.rainGaugePoints': { ...fromTopic('mapPoints', 'flood.status', 5, (p) => rainGaugePoints(p)), source: '雨量监测站网' },
} as const;
