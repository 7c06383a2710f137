/**
 * 行业应用 bindings: the 19 connected industry systems as counts, a table and a few hourly trends, all
 * from the `industry.systems` snapshot (the systems grid and data volumes use the core bindings).
 * Selectors are pure functions of the payload so they are tested on fixed inputs.
 */
import { INDUSTRY_SYSTEMS, type IndustrySystemId } from '../../../data-adapters/domain';
import type { IndustrySystems, SystemState } from '../../../data-adapters/schemas';
import type { KpiItem, SeriesData, TableData, Tone } from '../../panels/types';
import { formatWallClock } from '../../stores/reducers/time';
import { fromTopic } from '../binding-kit';

const SOURCE = '行业应用系统';
const HOUR = 3_600_000;

export const SYSTEM_STATE_NAMES: Readonly<Record<SystemState, string>> = { online: '在线', degraded: '降级', offline: '离线' };
const STATE_TONE: Readonly<Record<SystemState, Tone>> = { online: 'normal', degraded: 'warn', offline: 'alert' };

type SystemRow = IndustrySystems['systems'][number];

/** The systems in domain order (a row never jumps between snapshots), with their names. */
function inDomainOrder(p: IndustrySystems): { name: string; s: SystemRow }[] {
  const byId = new Map(p.systems.map((s) => [s.id, s]));
  const out: { name: string; s: SystemRow }[] = [];
  for (const def of INDUSTRY_SYSTEMS) {
    const s = byId.get(def.id);
    if (s) out.push({ name: def.name, s });
  }
  return out;
}

/** 'HH:MM' of each trend point: entry i is at asOf − (n − 1 − i) h. */
export function trendLabels(asOf: number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => formatWallClock(asOf - (n - 1 - i) * HOUR).time.slice(0, 5));
}

/** Change of the key figure over the last hour, or null without a trend. */
export function hourChange(s: SystemRow): number | null {
  const t = s.trend;
  if (!t || t.length < 2) return null;
  const now = t[t.length - 1] as number;
  const before = t[t.length - 2] as number;
  // Keep the figure's own precision (the congestion index has two decimals).
  return Math.round((now - before) * 100) / 100;
}

function signed(x: number | null): string {
  if (x === null) return '—';
  if (x === 0) return '0';
  const text = Number.isInteger(x) ? Math.abs(x).toLocaleString('en-US') : Math.abs(x).toFixed(2);
  return x > 0 ? `+${text}` : `−${text}`;
}

export function industryKpis(p: IndustrySystems): KpiItem[] {
  const counts = { online: 0, degraded: 0, offline: 0 };
  for (const s of p.systems) counts[s.state] += 1;
  return [
    { id: 'total', label: '接入系统', unit: '个', value: p.systems.length, decimals: 0, tone: 'normal' },
    { id: 'online', label: '在线', unit: '个', value: counts.online, decimals: 0, tone: 'normal' },
    { id: 'degraded', label: '降级', unit: '个', value: counts.degraded, decimals: 0, tone: counts.degraded > 0 ? 'alert' : 'normal' },
    { id: 'offline', label: '离线', unit: '个', value: counts.offline, decimals: 0, tone: counts.offline > 0 ? 'alert' : 'normal' },
  ];
}

export function industryTable(p: IndustrySystems): TableData {
  return {
    columns: [
      { id: 'name', label: '系统', align: 'left' },
      { id: 'state', label: '状态', align: 'center' },
      { id: 'figure', label: '关键指标', align: 'left' },
      { id: 'value', label: '数值', align: 'right' },
      { id: 'change', label: '较1小时前', align: 'right' },
    ],
    rows: inDomainOrder(p).map(({ name, s }) => ({
      id: s.id,
      cells: {
        name,
        state: SYSTEM_STATE_NAMES[s.state],
        figure: s.keyFigure.unit ? `${s.keyFigure.label}（${s.keyFigure.unit}）` : s.keyFigure.label,
        value: s.keyFigure.value,
        change: signed(hourChange(s)),
      },
      tone: STATE_TONE[s.state],
    })),
  };
}

/**
 * Hourly trends of some systems on one axis (they must share a unit). Null when none of them carries a
 * trend (a feed without the optional field): the panel then says "no data" instead of drawing nothing.
 */
export function industryTrend(p: IndustrySystems, ids: readonly IndustrySystemId[]): SeriesData | null {
  const rows = inDomainOrder(p).filter(({ s }) => ids.includes(s.id) && s.trend && s.trend.length > 0);
  if (rows.length === 0) return null;
  const n = Math.max(...rows.map(({ s }) => s.trend?.length ?? 0));
  return {
    x: trendLabels(p.asOf, n),
    unit: rows[0]?.s.keyFigure.unit ?? '',
    series: rows.map(({ name, s }) => {
      const t = s.trend ?? [];
      // Align shorter trends to the right: their last value is at asOf like everyone's.
      const values: (number | null)[] = [...Array.from({ length: n - t.length }, () => null), ...t];
      return { id: s.id, name: `${name}·${s.keyFigure.label}`, values, kind: 'line' as const };
    }),
  };
}

export const INDUSTRY_BINDINGS = {
  'industry.kpis': { ...fromTopic('kpis', 'industry.systems', 20, (p) => industryKpis(p)), source: SOURCE },
  'industry.table': { ...fromTopic('table', 'industry.systems', 20, (p) => industryTable(p)), source: SOURCE },
  'industry.trend.parking': { ...fromTopic('series', 'industry.systems', 20, (p) => industryTrend(p, ['tingche'])), source: '停车管理系统' },
  'industry.trend.traffic': { ...fromTopic('series', 'industry.systems', 20, (p) => industryTrend(p, ['jiaotong'])), source: '交通态势系统' },
  'industry.trend.intake': { ...fromTopic('series', 'industry.systems', 20, (p) => industryTrend(p, ['szcg', 'yijie'])), source: '数字城管、宜接就办' },
} as const;
