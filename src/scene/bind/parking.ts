/**
 * 停车 bindings over `parking.status` ("the whole city as one car park"): berths and free berths, the
 * occupancy of each unit and car park, turnover, the day's occupancy by hour. Pure selectors; car-park
 * names are untrusted text and stay text.
 */
import { UNITS } from '../../../data-adapters/domain';
import { CAR_PARK_KINDS, type ParkingStatus } from '../../../data-adapters/topics/parking';
import type { GaugeData, KpiItem, MapPointsData, NamedCount, SeriesData, TableData, Tone } from '../../panels/types';
import { formatWallClock } from '../../stores/reducers/time';
import { fromTopic } from '../binding-kit';

const SOURCE = '智慧停车系统';
const HOUR = 3_600_000;
/** Rows in the busiest-car-parks table. */
export const BUSIEST_ROWS = 10;

const hm = (t: number): string => formatWallClock(t).time.slice(0, 5);
const pct1 = (num: number, den: number): number => (den <= 0 ? 0 : Math.round((num / den) * 1000) / 10);
const unitShort = (id: string): string => UNITS.find((u) => u.id === id)?.short ?? id;

export function parkingTotals(p: ParkingStatus): { berths: number; occupied: number; free: number; entries: number } {
  let berths = 0;
  let occupied = 0;
  let entries = 0;
  for (const c of p.carParks) {
    berths += c.berths;
    occupied += Math.min(c.occupied, c.berths);
    entries += c.entriesToday;
  }
  return { berths, occupied, free: berths - occupied, entries };
}

/** Tone of a car park by occupancy (0–1): nearly full is what drivers and the wall care about. */
export function occupancyTone(rate: number): Tone {
  if (rate >= 0.95) return 'alert';
  if (rate >= 0.85) return 'warn';
  if (rate < 0.5) return 'good';
  return 'normal';
}

export function parkingFigures(p: ParkingStatus): KpiItem[] {
  const t = parkingTotals(p);
  return [
    { id: 'berths', label: '接入泊位', unit: '个', value: t.berths, decimals: 0, tone: 'normal' },
    { id: 'free', label: '空余泊位', unit: '个', value: t.free, decimals: 0, tone: 'normal' },
    { id: 'occupancy', label: '泊位占用率', unit: '%', value: pct1(t.occupied, t.berths), decimals: 1, tone: t.occupied >= 0.9 * t.berths ? 'alert' : 'normal' },
    { id: 'parks', label: '接入停车场', unit: '个', value: p.carParks.length, decimals: 0, tone: 'normal' },
  ];
}

/** Occupancy of each unit that has car parks, fullest first (a table: percentages do not add up like counts). */
export function occupancyByUnit(p: ParkingStatus): TableData {
  const acc = new Map<string, { berths: number; occupied: number }>();
  for (const c of p.carParks) {
    const a = acc.get(c.unitId) ?? { berths: 0, occupied: 0 };
    a.berths += c.berths;
    a.occupied += Math.min(c.occupied, c.berths);
    acc.set(c.unitId, a);
  }
  const rows = [...acc.entries()]
    .map(([id, a]) => ({ id, a, pct: pct1(a.occupied, a.berths) }))
    .sort((x, y) => y.pct - x.pct || x.id.localeCompare(y.id));
  return {
    columns: [
      { id: 'unit', label: '区域', align: 'left' },
      { id: 'berths', label: '泊位', align: 'right', width: 110 },
      { id: 'free', label: '空位', align: 'right', width: 100 },
      { id: 'rate', label: '占用率', align: 'right', width: 110 },
    ],
    rows: rows.map(({ id, a, pct }) => ({
      id,
      cells: { unit: unitShort(id), berths: a.berths, free: a.berths - a.occupied, rate: `${pct.toFixed(1)}%` },
      tone: occupancyTone(pct / 100),
    })),
  };
}

/** Entries per berth since midnight (泊位周转率 so far today). */
export function turnoverGauge(p: ParkingStatus): GaugeData {
  const t = parkingTotals(p);
  const value = t.berths === 0 ? 0 : Math.round((t.entries / t.berths) * 100) / 100;
  return {
    label: '今日泊位周转率',
    value,
    min: 0,
    max: 4,
    unit: '次/泊位',
    decimals: 2,
    higherIsWorse: false,
    note: `今日入场 ${t.entries.toLocaleString('en-US')} 辆次`,
  };
}

export function occupancyByHour(p: ParkingStatus): SeriesData {
  return {
    x: p.hourly.pct.map((_, i) => hm(p.hourly.hourStart + i * HOUR)),
    series: [
      { id: 'today', name: '今日', values: [...p.hourly.pct], kind: 'line' },
      { id: 'dayBefore', name: '昨日同期', values: p.hourly.pct.map((_, i) => p.hourly.dayBeforePct[i] ?? null), kind: 'line', tone: 'normal' },
    ],
    unit: '%',
  };
}

/** The fullest car parks (by occupancy, then size), BUSIEST_ROWS of them. */
export function busiestTable(p: ParkingStatus): TableData {
  const rows = p.carParks
    .map((c) => ({ c, rate: c.berths === 0 ? 0 : Math.min(c.occupied, c.berths) / c.berths }))
    .sort((a, b) => b.rate - a.rate || b.c.berths - a.c.berths || a.c.id.localeCompare(b.c.id))
    .slice(0, BUSIEST_ROWS);
  return {
    columns: [
      { id: 'name', label: '停车场', align: 'left' },
      { id: 'unit', label: '区域', align: 'center', width: 80 },
      { id: 'free', label: '空位', align: 'right', width: 70 },
      { id: 'rate', label: '占用率', align: 'right', width: 110 },
    ],
    rows: rows.map(({ c, rate }) => ({
      id: c.id,
      cells: { name: c.name, unit: unitShort(c.unitId), free: Math.max(0, c.berths - c.occupied), rate: `${(rate * 100).toFixed(1)}%` },
      tone: occupancyTone(rate),
    })),
  };
}

/** Free berths by kind of car park (where a driver can still find room). */
export function freeByKind(p: ParkingStatus): NamedCount[] {
  return CAR_PARK_KINDS.map((k) => ({
    id: k.id,
    name: k.name,
    value: p.carParks.filter((c) => c.kind === k.id).reduce((a, c) => a + Math.max(0, c.berths - c.occupied), 0),
  })).filter((k) => k.value > 0);
}

export function carParkPoints(p: ParkingStatus): MapPointsData {
  return {
    points: p.carParks.map((c) => {
      const rate = c.berths === 0 ? 0 : Math.min(c.occupied, c.berths) / c.berths;
      return {
        id: c.id,
        lon: c.lon,
        lat: c.lat,
        tone: occupancyTone(rate),
        size: Math.min(3, 0.6 + c.berths / 400),
        label: `${c.name} 空位${Math.max(0, c.berths - c.occupied)}`,
      };
    }),
  };
}

export const PARKING_BINDINGS = {
  'parking.figures': { ...fromTopic('kpis', 'parking.status', 5, (p) => parkingFigures(p)), source: SOURCE },
  'parking.byUnit': { ...fromTopic('table', 'parking.status', 5, (p) => occupancyByUnit(p)), source: SOURCE },
  'parking.turnover': { ...fromTopic('gauge', 'parking.status', 5, (p) => turnoverGauge(p)), source: SOURCE },
  'parking.byHour': { ...fromTopic('series', 'parking.status', 5, (p) => occupancyByHour(p)), source: SOURCE },
  'parking.busiest': { ...fromTopic('table', 'parking.status', 5, (p) => busiestTable(p)), source: SOURCE },
  'parking.freeByKind': { ...fromTopic('namedCounts', 'parking.status', 5, (p) => freeByKind(p)), source: SOURCE },
  'parking.points': { ...fromTopic('mapPoints', 'parking.status', 5, (p) => carParkPoints(p)), source: SOURCE },
} as const;
