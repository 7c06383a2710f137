/**
 * 公众服务 bindings over `hotline.summary` (the 12345 hotline and the 15 lines merged into it): today's
 * calls and rates, calls per hour, the merged lines, what callers wanted, where work orders went, the
 * satisfaction call-backs and the week's hot topics. Rates are derived here from the counts. Pure
 * selectors; hot-topic keywords come from text analysis of citizens' calls and stay text.
 */
import { UNITS } from '../../../data-adapters/domain';
import { HOTLINE_CATEGORIES, HOTLINE_DEPARTMENTS, HOTLINE_LINES, type HotlineSummary } from '../../../data-adapters/topics/hotline';
import type { GaugeData, KpiItem, MapPointsData, NamedCount, SeriesData, TableData } from '../../panels/types';
import { formatWallClock } from '../../stores/reducers/time';
import { binding, fromTopic } from '../binding-kit';

const SOURCE = '12345热线';
const TOPIC = 'hotline.summary';
/** Snapshots come every minute; a quarter of an hour without one is worth saying on the panel. */
const STALE_MINUTES = 15;
const HOUR = 3_600_000;
/** Departments and units in the work-order ranking. */
export const TOP_TARGETS = 8;
/** Rows of the hot-topics table. */
export const HOT_TOPIC_ROWS = 10;
/** A topic this much (or more) above last week is marked: the command centre may want to look at it. */
const RISING_PCT = 20;

/** Percentage with one decimal; 0 when there is nothing to divide by. */
export const pct1 = (num: number, den: number): number => (den <= 0 ? 0 : Math.round((num / den) * 1000) / 10);

const LINE_SHORT = new Map<string, string>(HOTLINE_LINES.map((l) => [l.id, l.short]));
const CATEGORY_NAME = new Map<string, string>(HOTLINE_CATEGORIES.map((c) => [c.id, c.name]));
/** Units under their usual names; the two autonomous counties by their short form (长阳县, 五峰县). */
const TARGET_NAME = new Map<string, string>([
  ...HOTLINE_DEPARTMENTS.map((d) => [d.id, d.name] as const),
  ...UNITS.map((u) => [u.id, u.name.length > 4 ? `${u.short}县` : u.name] as const),
]);

export function hotlineKpis(p: HotlineSummary): KpiItem[] {
  const t = p.today;
  const answerRate = pct1(t.answered, t.received);
  return [
    { id: 'received', label: '今日来电', unit: '通', value: t.received, decimals: 0, tone: 'normal' },
    { id: 'answered', label: '接通', unit: '通', value: t.answered, decimals: 0, tone: 'normal' },
    { id: 'answerRate', label: '接通率', unit: '%', value: answerRate, decimals: 1, tone: t.received > 0 && answerRate < 90 ? 'alert' : 'normal' },
    { id: 'dispatched', label: '派发工单', unit: '件', value: t.dispatched, decimals: 0, tone: 'normal' },
    { id: 'dispatchRate', label: '派单率', unit: '%', value: pct1(t.dispatched, t.answered), decimals: 1, tone: 'normal' },
    { id: 'calledBack', label: '回访', unit: '次', value: t.calledBack, decimals: 0, tone: 'normal' },
  ];
}

/**
 * Calls and answered calls per hour of today, the last hour so far. Labelled back from asOf (the last
 * entry is asOf's hour), so a feed that shifts time by a fraction of an hour still reads on the clock.
 */
export function hourlySeries(p: HotlineSummary): SeriesData {
  const n = p.hourly.received.length;
  const x = p.hourly.received.map((_, i) => `${formatWallClock(p.asOf - (n - 1 - i) * HOUR).time.slice(0, 2)}时`);
  return {
    x,
    unit: '通',
    series: [
      { id: 'received', name: '来电', values: [...p.hourly.received], kind: 'bar' },
      { id: 'answered', name: '接通', values: [...p.hourly.answered], kind: 'line', tone: 'good' },
    ],
  };
}

/** Calls by the merged number dialled (12345 itself left out: it would dwarf the others), most first. */
export function mergedLines(p: HotlineSummary): NamedCount[] {
  return p.lines
    .filter((l) => l.id !== '12345')
    .map((l, order) => ({ id: l.id, name: `${l.id} ${LINE_SHORT.get(l.id) ?? ''}`.trim(), value: l.received, order }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .map(({ id, name, value }) => ({ id, name, value }));
}

export function callCategories(p: HotlineSummary): NamedCount[] {
  return p.categories.map((c) => ({ id: c.id, name: CATEGORY_NAME.get(c.id) ?? c.id, value: c.received }));
}

/** The departments and units that received most work orders today. */
export function topTargets(p: HotlineSummary, n = TOP_TARGETS): NamedCount[] {
  return p.targets
    .map((t, order) => ({ id: t.id, name: TARGET_NAME.get(t.id) ?? t.id, value: t.dispatched, order }))
    .sort((a, b) => b.value - a.value || a.order - b.order)
    .slice(0, n)
    .map(({ id, name, value }) => ({ id, name, value }));
}

/** Satisfaction of today's call-backs; null before the first call-back (0 % would be a false alarm). */
export function satisfactionGauge(p: HotlineSummary): GaugeData | null {
  const { calledBack, satisfied } = p.today;
  if (calledBack === 0) return null;
  return {
    label: '回访满意率',
    value: pct1(satisfied, calledBack),
    min: 80,
    max: 100,
    unit: '%',
    decimals: 1,
    warn: 90,
    alarm: 85,
    higherIsWorse: false,
    note: `回访 ${calledBack} 次 · 满意 ${satisfied} 次`,
  };
}

/** "+12.5%", "−3.0%", "新增" when there was nothing last week. */
export function changeText(count: number, previous: number): string {
  if (previous <= 0) return count > 0 ? '新增' : '—';
  const change = Math.round(((count - previous) / previous) * 1000) / 10;
  return `${change > 0 ? '+' : change < 0 ? '−' : ''}${Math.abs(change).toFixed(1)}%`;
}

/** The week's hot topics, most calls first, with the change against the same span a week earlier. */
export function hotTopicsTable(p: HotlineSummary, rows = HOT_TOPIC_ROWS): TableData {
  const top = [...p.hotTopics].sort((a, b) => b.count - a.count).slice(0, rows);
  return {
    columns: [
      { id: 'rank', label: '排名', align: 'center' },
      { id: 'keyword', label: '热点诉求', align: 'left' },
      { id: 'count', label: '近7日', align: 'right' },
      { id: 'change', label: '较上周', align: 'right' },
    ],
    rows: top.map((t, i) => ({
      id: `${i}:${t.keyword}`,
      cells: { rank: i + 1, keyword: t.keyword, count: t.count, change: changeText(t.count, t.previous) },
      tone: t.previous > 0 && ((t.count - t.previous) / t.previous) * 100 >= RISING_PCT ? 'warn' : 'normal',
    })),
  };
}

type Ping = { id: string; lon: number; lat: number; channel: string };

/** The 12345 cases among the pings; `prev` comes back unchanged when they are the same (no map redraw). */
export function hotlineCasePoints(pings: readonly Ping[], prev: MapPointsData | null): MapPointsData {
  const mine = pings.filter((p) => p.channel === 'hotline12345');
  if (prev && prev.points.length === mine.length && prev.points.every((q, i) => q.id === mine[i]?.id)) return prev;
  return { points: mine.map((p) => ({ id: p.id, lon: p.lon, lat: p.lat, tone: 'normal' })) };
}

let lastCasePoints: MapPointsData | null = null;

export const HOTLINE_BINDINGS = {
  'hotline.kpis': { ...fromTopic('kpis', TOPIC, STALE_MINUTES, hotlineKpis), source: SOURCE },
  'hotline.hourly': { ...fromTopic('series', TOPIC, STALE_MINUTES, hourlySeries), source: SOURCE },
  'hotline.lines': { ...fromTopic('namedCounts', TOPIC, STALE_MINUTES, mergedLines), source: SOURCE },
  'hotline.categories': { ...fromTopic('namedCounts', TOPIC, STALE_MINUTES, callCategories), source: SOURCE },
  'hotline.targets': { ...fromTopic('namedCounts', TOPIC, STALE_MINUTES, (p) => topTargets(p)), source: SOURCE },
  'hotline.satisfaction': { ...fromTopic('gauge', TOPIC, STALE_MINUTES, satisfactionGauge), source: SOURCE },
  'hotline.hotTopics': { ...fromTopic('table', TOPIC, STALE_MINUTES, (p) => hotTopicsTable(p)), source: SOURCE },
  /** Where today's 12345 cases are (the newest of the cases store's pings): the hotline on the map. */
  'hotline.casePoints': binding('mapPoints', {
    topics: ['case.event'],
    source: SOURCE,
    staleMinutes: STALE_MINUTES,
    lastDataTime: (s) => s.cases.lastDataTime,
    select: (s) => {
      if (!s.cases.hasData) return null;
      lastCasePoints = hotlineCasePoints(s.cases.pings, lastCasePoints);
      return lastCasePoints;
    },
  }),
} as const;
