/**
 * One evaluator per rule kind: reads the facts, decides whether the rule fires, and returns the figures
 * that triggered it — as template variables (strings, already formatted) and as labelled figures for
 * the panel. `magnitude` is the size of the finding in the rule's own measure (points, %, cases…),
 * `ratio` how far past its threshold it is (1 = just fired). Pure functions of (params, facts).
 */
import { CATEGORIES, CATEGORY_IDS, UNITS, type CategoryId, type UnitId } from '../../data-adapters/domain';
import { nextMonthLabel } from '../../data-adapters/topics/history';
import { sectorName } from '../../data-adapters/topics/lifeline';
import type { Facts } from './facts';
import type { RuleDefinition, RuleKind } from './rules';
import { clusterByRadius, leastSquares, predict } from './stats';
import { fmtCount, fmtDay, fmtFixed, fmtMonth, fmtSignedPercent } from './template';

export interface Hit {
  /** What the finding is about (unit, category, sector, cluster centre): unique within its rule. */
  key: string;
  magnitude: number;
  ratio: number;
  vars: Record<string, string>;
  figures: { label: string; value: string }[];
}

type Params<K extends RuleKind> = Extract<RuleDefinition, { kind: K }>['params'];
type Evaluator<K extends RuleKind> = (params: Params<K>, facts: Facts) => Hit[];

/** Tenths, so that a figure shown as 3.0 compares as 3.0 (no 2.9999999 at a threshold). */
const tenths = (x: number): number => Math.round(x * 10) / 10;
/** Full names, but '五峰县' for '五峰土家族自治县': a title must fit a wall line. */
export function unitName(id: UnitId): string {
  const u = UNITS.find((x) => x.id === id);
  if (!u) return id;
  return u.name.length > 4 ? `${u.short}${u.kind === 'county' ? '县' : ''}` : u.name;
}
const categoryName = (id: CategoryId): string => CATEGORIES.find((c) => c.id === id)?.name ?? id;

const unitCompletionDrop: Evaluator<'unitCompletionDrop'> = ({ minDropPoints }, facts) => {
  const hits: Hit[] = [];
  for (const u of facts.history?.units ?? []) {
    const last = u.monthly[u.monthly.length - 1];
    const prev = u.monthly[u.monthly.length - 2];
    if (!last || !prev) continue;
    const drop = tenths(prev.completion - last.completion);
    if (!(drop > minDropPoints)) continue;
    hits.push({
      key: u.unitId,
      magnitude: drop,
      ratio: drop / minDropPoints,
      vars: {
        unit: unitName(u.unitId), month: fmtMonth(last.month), prevMonth: fmtMonth(prev.month),
        now: fmtFixed(last.completion, 1), prev: fmtFixed(prev.completion, 1), drop: fmtFixed(drop, 1), threshold: fmtFixed(minDropPoints, 1),
      },
      figures: [
        { label: `${fmtMonth(last.month)}办结率`, value: `${fmtFixed(last.completion, 1)}%` },
        { label: `${fmtMonth(prev.month)}办结率`, value: `${fmtFixed(prev.completion, 1)}%` },
        { label: '环比', value: `-${fmtFixed(drop, 1)}个百分点` },
      ],
    });
  }
  return hits;
};

const categoryWeeklyRise: Evaluator<'categoryWeeklyRise'> = ({ minRisePercent, minWeeklyCount }, facts) => {
  const days = facts.history?.daily ?? [];
  if (days.length < 14) return [];
  const thisWeek = days.slice(-7);
  const lastWeek = days.slice(-14, -7);
  const total = (ds: typeof days, c: CategoryId): number => ds.reduce((s, d) => s + d.byCategory[c], 0);
  let best: { c: CategoryId; now: number; before: number; rise: number } | null = null;
  for (const c of CATEGORY_IDS) {
    const now = total(thisWeek, c);
    const before = total(lastWeek, c);
    if (before === 0 || now < minWeeklyCount) continue;
    const rise = tenths(((now - before) / before) * 100);
    if (!best || rise > best.rise) best = { c, now, before, rise };
  }
  if (!best || !(best.rise > minRisePercent)) return [];
  return [{
    key: best.c,
    magnitude: best.rise,
    ratio: best.rise / minRisePercent,
    vars: {
      category: categoryName(best.c), thisWeek: fmtCount(best.now), lastWeek: fmtCount(best.before), rise: `${fmtFixed(best.rise, 1)}%`,
      threshold: `${fmtFixed(minRisePercent, 0)}%`, from: fmtDay(thisWeek[0]?.date ?? ''), to: fmtDay(thisWeek[thisWeek.length - 1]?.date ?? ''),
    },
    figures: [
      { label: '本周', value: `${fmtCount(best.now)}件` },
      { label: '上周', value: `${fmtCount(best.before)}件` },
      { label: '周环比', value: fmtSignedPercent(best.rise) },
    ],
  }];
};

const overdueCluster: Evaluator<'overdueCluster'> = ({ radiusKm, minCases }, facts) => {
  const points = facts.overdueOpen;
  if (!points || points.length < minCases) return [];
  return clusterByRadius(points, radiusKm, minCases).map((cl) => ({
    key: cl.center.id,
    magnitude: cl.members.length,
    ratio: cl.members.length / minCases,
    vars: { place: cl.center.address, unit: unitName(cl.center.unitId), count: String(cl.members.length), radius: fmtFixed(radiusKm, 1) },
    figures: [
      { label: '超期案件', value: `${cl.members.length}件` },
      { label: '范围', value: `${fmtFixed(radiusKm, 1)}公里` },
      { label: '所在', value: unitName(cl.center.unitId) },
    ],
  }));
};

const lifelineRepeatedAlarms: Evaluator<'lifelineRepeatedAlarms'> = ({ windowMinutes, minAlarms }, facts) => {
  const status = facts.lifeline;
  if (!status) return [];
  const since = status.asOf - windowMinutes * 60_000;
  const recent = status.alarms.filter((a) => a.at > since && a.at <= status.asOf);
  const hits: Hit[] = [];
  for (const sector of new Set(recent.map((a) => a.sector))) {
    const mine = recent.filter((a) => a.sector === sector);
    if (mine.length < minAlarms) continue;
    // The place that repeats most (first seen wins a tie: the list is newest first).
    const byPlace = new Map<string, number>();
    for (const a of mine) byPlace.set(a.place, (byPlace.get(a.place) ?? 0) + 1);
    let place = mine[0]?.place ?? '';
    let placeCount = 0;
    for (const [p, n] of byPlace) if (n > placeCount) [place, placeCount] = [p, n];
    const hotspot = placeCount >= 2 ? `其中${place}重复告警${placeCount}次` : `分布于${byPlace.size}处点位`;
    hits.push({
      key: sector,
      magnitude: mine.length,
      ratio: mine.length / minAlarms,
      vars: { sector: sectorName(sector), count: String(mine.length), window: String(windowMinutes), threshold: String(minAlarms), hotspot, places: String(byPlace.size) },
      figures: [
        { label: `近${windowMinutes}分钟告警`, value: `${mine.length}次` },
        { label: '涉及点位', value: `${byPlace.size}处` },
        { label: '同点最多', value: `${placeCount}次` },
      ],
    });
  }
  return hits;
};

/** The least-squares forecast of the month after asOf's month (the last history month is the one before). */
export function forecastNextMonth(history: NonNullable<Facts['history']>, months: number): { month: string; value: number; slope: number } {
  const series = history.cityMonthly.slice(-months);
  const fit = leastSquares(series.map((m) => m.received));
  const lastLabel = series[series.length - 1]?.month ?? '';
  // x = n − 1 is the last complete month, n the current one, n + 1 the next.
  return { month: nextMonthLabel(nextMonthLabel(lastLabel)), value: predict(fit, series.length + 1), slope: fit.slope };
}

const loadForecast: Evaluator<'loadForecast'> = ({ months }, facts) => {
  const history = facts.history;
  if (!history || history.cityMonthly.length < Math.max(3, months)) return [];
  const { month, value, slope } = forecastNextMonth(history, months);
  const last = history.cityMonthly[history.cityMonthly.length - 1];
  if (!last || last.received === 0) return [];
  const change = tenths(((value - last.received) / last.received) * 100);
  const forecast = Math.round(value);
  return [{
    key: month,
    magnitude: Math.abs(change),
    ratio: 1,
    vars: {
      month: fmtMonth(month), forecast: fmtCount(forecast), slope: `${slope >= 0 ? '+' : ''}${fmtCount(Math.round(slope))}`,
      lastMonth: fmtMonth(last.month), last: fmtCount(last.received), change: `${change >= 0 ? '增加' : '减少'}${fmtFixed(Math.abs(change), 1)}%`, months: String(months),
    },
    figures: [
      { label: `${fmtMonth(month)}预计`, value: `${fmtCount(forecast)}件` },
      { label: `${fmtMonth(last.month)}实际`, value: `${fmtCount(last.received)}件` },
      { label: '趋势', value: `${slope >= 0 ? '+' : ''}${fmtCount(Math.round(slope))}件/月` },
    ],
  }];
};

const unitSatisfactionDecline: Evaluator<'unitSatisfactionDecline'> = ({ months, minTotalDropPoints }, facts) => {
  const hits: Hit[] = [];
  for (const u of facts.history?.units ?? []) {
    const tail = u.monthly.slice(-(months + 1));
    if (tail.length < months + 1) continue;
    let falling = true;
    for (let i = 1; i < tail.length; i += 1) if (!((tail[i]?.satisfaction ?? 0) < (tail[i - 1]?.satisfaction ?? 0))) falling = false;
    const first = tail[0];
    const last = tail[tail.length - 1];
    if (!falling || !first || !last) continue;
    const drop = tenths(first.satisfaction - last.satisfaction);
    if (drop < minTotalDropPoints) continue;
    hits.push({
      key: u.unitId,
      magnitude: drop,
      ratio: drop / minTotalDropPoints,
      vars: {
        unit: unitName(u.unitId), months: String(months), from: fmtFixed(first.satisfaction, 1), to: fmtFixed(last.satisfaction, 1),
        fromMonth: fmtMonth(first.month), toMonth: fmtMonth(last.month), drop: fmtFixed(drop, 1),
      },
      figures: [
        { label: `${fmtMonth(first.month)}满意率`, value: `${fmtFixed(first.satisfaction, 1)}%` },
        { label: `${fmtMonth(last.month)}满意率`, value: `${fmtFixed(last.satisfaction, 1)}%` },
        { label: '累计', value: `-${fmtFixed(drop, 1)}个百分点` },
      ],
    });
  }
  return hits;
};

const sensorsOffline: Evaluator<'sensorsOffline'> = ({ minOnlinePercent }, facts) => {
  const hits: Hit[] = [];
  for (const s of facts.lifeline?.sectors ?? []) {
    if (s.sensors === 0) continue;
    const rate = tenths((s.online / s.sensors) * 100);
    if (!(rate < minOnlinePercent)) continue;
    const offline = s.sensors - s.online;
    hits.push({
      key: s.id,
      magnitude: tenths(100 - rate),
      ratio: (100 - rate) / Math.max(0.1, 100 - minOnlinePercent),
      vars: { sector: sectorName(s.id), onlineRate: fmtFixed(rate, 1), offline: fmtCount(offline), threshold: fmtFixed(minOnlinePercent, 1) },
      figures: [
        { label: '在线率', value: `${fmtFixed(rate, 1)}%` },
        { label: '离线设备', value: `${fmtCount(offline)}台` },
        { label: '设备总数', value: `${fmtCount(s.sensors)}台` },
      ],
    });
  }
  return hits;
};

export const EVALUATORS: { [K in RuleKind]: Evaluator<K> } = {
  unitCompletionDrop,
  categoryWeeklyRise,
  overdueCluster,
  lifelineRepeatedAlarms,
  loadForecast,
  unitSatisfactionDecline,
  sensorsOffline,
};

export function evaluateRule(rule: RuleDefinition, facts: Facts): Hit[] {
  // The union is discriminated by kind: each evaluator only ever sees its own params.
  const evaluate = EVALUATORS[rule.kind] as Evaluator<RuleKind>;
  return evaluate(rule.params as never, facts);
}
