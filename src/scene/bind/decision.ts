/**
 * 决策建议 bindings: the rules engine's suggestions (split into real-time early warnings and the
 * analysis of months and weeks), the intake trend with its least-squares forecast, the units ranked by
 * month-on-month change of completion, and key figures. Facts come from `cases.history`,
 * `lifeline.status` and the case store; the figures shown are the ones the rules reason about.
 */
import { CATEGORIES, CATEGORY_IDS, UNITS } from '../../../data-adapters/domain';
import type { CasesHistory } from '../../../data-adapters/topics/history';
import { nextMonthLabel } from '../../../data-adapters/topics/history';
import { evaluateRules, WALL_RULES } from '../../decision/engine';
import { forecastNextMonth } from '../../decision/evaluators';
import type { Facts } from '../../decision/facts';
import { overduePoints } from '../../decision/overdue';
import type { RuleDefinition, RuleKind } from '../../decision/rules';
import { leastSquares, predict } from '../../decision/stats';
import type { KpiItem, SeriesData, SuggestionsData, TableData, Tone } from '../../panels/types';
import type { WallStores } from '../../stores';
import { binding, fromTopic } from '../binding-kit';

const SOURCE = '决策建议系统（规则引擎）';
const HISTORY_SOURCE = '运管服数据汇聚';

/** Kinds that watch the city now (minutes); the others read months and weeks. */
const REALTIME_KINDS: ReadonlySet<RuleKind> = new Set(['overdueCluster', 'lifelineRepeatedAlarms', 'sensorsOffline']);
const REALTIME_RULES = WALL_RULES.filter((r) => REALTIME_KINDS.has(r.kind));
const ANALYSIS_RULES = WALL_RULES.filter((r) => !REALTIME_KINDS.has(r.kind));

/** The facts of the rules, read off the stores. Pure given the stores' values. */
export function factsFromStores(s: WallStores): Facts {
  const history = s.topics.latest('cases.history');
  const lifeline = s.topics.latest('lifeline.status');
  const state = s.cases.state;
  const overdueOpen = s.cases.hasData ? overduePoints(state.alerts, state.pings) : null;
  const times = [history?.asOf, lifeline?.asOf, s.cases.lastDataTime].filter((t): t is number => typeof t === 'number');
  return { asOf: times.length > 0 ? Math.max(...times) : null, history, lifeline, overdueOpen };
}

export function realtimeSuggestions(facts: Facts, rules: readonly RuleDefinition[] = REALTIME_RULES): SuggestionsData {
  return evaluateRules(rules, facts);
}

export function analysisSuggestions(facts: Facts, rules: readonly RuleDefinition[] = ANALYSIS_RULES): SuggestionsData {
  return evaluateRules(rules, facts);
}

/** '2026-10' → '10月'; January carries its year ('26年1月') so two years of months read unambiguously. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  const mm = Number(m);
  return mm === 1 ? `${(y ?? '').slice(2)}年1月` : `${mm}月`;
}

const FORECAST_MONTHS = (WALL_RULES.find((r) => r.kind === 'loadForecast')?.params as { months?: number } | undefined)?.months ?? 24;

/**
 * City intake by month (bars), its least-squares line, and the forecast for the current and the next
 * month (the line the load-forecast rule quotes), joined to the last actual month.
 */
export function loadTrendSeries(h: CasesHistory, months: number = FORECAST_MONTHS): SeriesData {
  const shown = h.cityMonthly.slice(-months);
  const fit = leastSquares(shown.map((m) => m.received));
  const n = shown.length;
  const last = shown[n - 1];
  const current = nextMonthLabel(last?.month ?? '2000-01');
  const next = nextMonthLabel(current);
  const round = (x: number): number => Math.round(x);
  return {
    x: [...shown.map((m) => monthLabel(m.month)), `${monthLabel(current)}(预)`, `${monthLabel(next)}(预)`],
    unit: '件',
    series: [
      { id: 'received', name: '月受理量', kind: 'bar', values: [...shown.map((m) => m.received), null, null] },
      { id: 'trend', name: '线性趋势', kind: 'line', values: Array.from({ length: n + 2 }, (_, x) => round(predict(fit, x))) },
      {
        id: 'forecast', name: '预测', kind: 'line', tone: 'warn',
        values: [...Array.from({ length: n - 1 }, () => null), last?.received ?? null, round(predict(fit, n)), round(predict(fit, n + 1))],
      },
    ],
  };
}

const COMPLETION_RULE = WALL_RULES.find((r) => r.kind === 'unitCompletionDrop');
const DROP_LINE = (COMPLETION_RULE?.params as { minDropPoints?: number } | undefined)?.minDropPoints ?? 3;

/** The 14 units by month-on-month change of completion, biggest fall first. */
export function unitChangeTable(h: CasesHistory, dropLine: number = DROP_LINE): TableData {
  const rows = h.units
    .map((u) => {
      const last = u.monthly[u.monthly.length - 1];
      const prev = u.monthly[u.monthly.length - 2];
      const change = last && prev ? Math.round((last.completion - prev.completion) * 10) / 10 : 0;
      return { u, last, change };
    })
    .sort((a, b) => a.change - b.change || a.u.unitId.localeCompare(b.u.unitId));
  const lastMonth = h.cityMonthly[h.cityMonthly.length - 1]?.month ?? '';
  return {
    columns: [
      { id: 'unit', label: '县市区', align: 'left' },
      { id: 'completion', label: `${monthLabel(lastMonth)}办结率`, align: 'right' },
      { id: 'change', label: '环比', align: 'right' },
      { id: 'satisfaction', label: '满意率', align: 'right' },
    ],
    rows: rows.map(({ u, last, change }) => {
      const tone: Tone = -change > dropLine ? 'alert' : -change > dropLine / 2 ? 'warn' : change > 0 ? 'good' : 'normal';
      return {
        id: u.unitId,
        cells: {
          unit: UNITS.find((x) => x.id === u.unitId)?.short ?? u.unitId,
          completion: last ? `${last.completion.toFixed(1)}%` : '—',
          change: `${change > 0 ? '+' : ''}${change.toFixed(1)}`,
          satisfaction: last ? `${last.satisfaction.toFixed(1)}%` : '—',
        },
        tone,
      };
    }),
  };
}

/** New cases per category, this week (last 7 complete days) against the week before. */
export function categoryWeekSeries(h: CasesHistory): SeriesData {
  const sum = (days: CasesHistory['daily'], c: (typeof CATEGORY_IDS)[number]): number => days.reduce((s, d) => s + d.byCategory[c], 0);
  const thisWeek = h.daily.slice(-7);
  const lastWeek = h.daily.slice(-14, -7);
  const rows = CATEGORY_IDS.map((c) => ({ c, now: sum(thisWeek, c), before: sum(lastWeek, c) })).sort((a, b) => b.now - a.now);
  const name = (c: string): string => CATEGORIES.find((x) => x.id === c)?.name ?? c;
  return {
    x: rows.map((r) => name(r.c)),
    unit: '件',
    series: [
      { id: 'lastWeek', name: '上周', kind: 'bar', values: rows.map((r) => r.before) },
      { id: 'thisWeek', name: '本周', kind: 'bar', tone: 'warn', values: rows.map((r) => r.now) },
    ],
  };
}

export function decisionKpis(h: CasesHistory, warnings: SuggestionsData): KpiItem[] {
  const last = h.cityMonthly[h.cityMonthly.length - 1];
  const forecast = forecastNextMonth(h, FORECAST_MONTHS);
  const urgent = warnings.items.filter((i) => i.severity === 'warning').length;
  return [
    { id: 'warnings', label: '当前预警', unit: '条', value: warnings.items.length, decimals: 0, tone: urgent > 0 ? 'alert' : 'normal' },
    { id: 'lastMonth', label: `${monthLabel(last?.month ?? '')}受理`, unit: '万件', value: (last?.received ?? 0) / 10_000, decimals: 2, tone: 'normal' },
    { id: 'completion', label: `${monthLabel(last?.month ?? '')}办结率`, unit: '%', value: last?.completion ?? 0, decimals: 1, tone: 'normal' },
    { id: 'forecast', label: `${monthLabel(forecast.month)}预测`, unit: '万件', value: Math.round(forecast.value) / 10_000, decimals: 2, tone: 'normal' },
  ];
}

const historyTime = (s: WallStores): number | null => s.topics.asOf('cases.history');
const realtimeTime = (s: WallStores): number | null => {
  const times = [s.topics.asOf('lifeline.status'), s.cases.lastDataTime].filter((t): t is number => t !== null);
  return times.length > 0 ? Math.max(...times) : null;
};

export const DECISION_BINDINGS = {
  'decision.warnings': binding('suggestions', {
    topics: ['lifeline.status', 'case.event'],
    source: `${SOURCE}：城市生命线、指挥协调`,
    staleMinutes: 5,
    lastDataTime: realtimeTime,
    select: (s) => {
      const facts = factsFromStores(s);
      return facts.lifeline === null && facts.overdueOpen === null ? null : realtimeSuggestions(facts);
    },
  }),
  'decision.suggestions': binding('suggestions', {
    topics: ['cases.history'],
    source: `${SOURCE}：${HISTORY_SOURCE}`,
    staleMinutes: 30,
    lastDataTime: historyTime,
    select: (s) => {
      const facts = factsFromStores(s);
      return facts.history === null ? null : analysisSuggestions(facts);
    },
  }),
  'decision.kpis': binding('kpis', {
    topics: ['cases.history', 'lifeline.status', 'case.event'],
    source: SOURCE,
    staleMinutes: 30,
    lastDataTime: historyTime,
    select: (s) => {
      const facts = factsFromStores(s);
      return facts.history === null ? null : decisionKpis(facts.history, realtimeSuggestions(facts));
    },
  }),
  'decision.loadTrend': { ...fromTopic('series', 'cases.history', 30, (h) => loadTrendSeries(h)), source: HISTORY_SOURCE },
  'decision.unitChange': { ...fromTopic('table', 'cases.history', 30, (h) => unitChangeTable(h)), source: HISTORY_SOURCE },
  'decision.categoryWeek': { ...fromTopic('series', 'cases.history', 30, (h) => categoryWeekSeries(h)), source: HISTORY_SOURCE },
} as const;
