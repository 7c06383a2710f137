/**
 * 综合评价 bindings over `evaluation.summary` and `evaluation.departments` (the 14 units' three rates use
 * the core `rates.units` binding). Pure selectors, tested on fixed inputs.
 */
import { UNITS } from '../../../data-adapters/domain';
import {
  DEPARTMENTS,
  EVAL_DIMENSIONS,
  SAFETY_INDICATORS,
  type DepartmentRates,
  type EvaluationSummary,
} from '../../../data-adapters/topics/evaluation';
import type { CalendarData, GaugeData, GaugeSetData, NamedCount, SeriesData, TableData, Tone } from '../../panels/types';
import { fromTopic } from '../binding-kit';

const SOURCE = '综合评价系统';
/** Scores are read on an 80–100 scale: below 90 needs attention, below 85 is poor. */
const SCORE_SCALE = { min: 80, max: 100, warn: 90, alarm: 85 } as const;

const nameOf = <T extends { id: string; name: string }>(list: readonly T[]): Map<string, string> => new Map(list.map((x) => [x.id, x.name]));
const SAFETY_NAMES = nameOf(SAFETY_INDICATORS);
const DEPARTMENT_NAMES = nameOf(DEPARTMENTS);
const UNIT_SHORT = new Map<string, string>(UNITS.map((u) => [u.id, u.short]));

function scoreGauge(label: string, value: number): GaugeData {
  return { label, value, min: SCORE_SCALE.min, max: SCORE_SCALE.max, unit: '分', decimals: 1, warn: SCORE_SCALE.warn, alarm: SCORE_SCALE.alarm, higherIsWorse: false };
}

/** 综合 first, then 干净/整洁/有序/群众满意 in the evaluation's own order. */
export function dimensionGauges(p: EvaluationSummary): GaugeSetData {
  const byId = new Map(p.dimensions.map((d) => [d.id, d.score]));
  const items = [scoreGauge('综合得分', p.composite)];
  for (const d of EVAL_DIMENSIONS) {
    const v = byId.get(d.id);
    if (v !== undefined) items.push(scoreGauge(d.name, v));
  }
  return { items };
}

export function safetyTable(p: EvaluationSummary): TableData {
  const order = new Map(SAFETY_INDICATORS.map((s, i) => [s.id as string, i]));
  return {
    columns: [
      { id: 'name', label: '指标', align: 'left' },
      { id: 'score', label: '得分', align: 'right', width: 84 },
      { id: 'open', label: '未改隐患', align: 'right', width: 110 },
      { id: 'rate', label: '整改率', align: 'right', width: 96 },
    ],
    rows: [...p.safety]
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((s) => {
        const open = Math.max(0, s.issues - s.rectified);
        const tone: Tone = s.score < SCORE_SCALE.alarm ? 'alert' : s.score < SCORE_SCALE.warn ? 'warn' : 'normal';
        return {
          id: s.id,
          cells: {
            name: SAFETY_NAMES.get(s.id) ?? s.id,
            score: s.score,
            open,
            rate: s.issues === 0 ? '—' : `${((100 * Math.min(s.rectified, s.issues)) / s.issues).toFixed(1)}%`,
          },
          tone,
        };
      }),
  };
}

/** '2026-11' → '11月'; the year is added where it changes ('2026-01' → '26年1月') so 12 months read unambiguously. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-');
  const mm = Number(m);
  return mm === 1 ? `${(y ?? '').slice(2)}年1月` : `${mm}月`;
}

export function monthlySeries(p: EvaluationSummary): SeriesData {
  return {
    x: p.monthly.map((m) => monthLabel(m.month)),
    unit: '分',
    series: [{ id: 'composite', name: '综合得分', values: p.monthly.map((m) => m.score), kind: 'line' }],
    reference: { label: '达标线 90', value: 90, tone: 'warn' },
  };
}

export function dailyCalendar(p: EvaluationSummary): CalendarData {
  return { days: p.daily.map((d) => ({ date: d.date, value: d.score })), unit: '分', label: '每日综合得分' };
}

/** The last quarter's ranking, best first (ties by unit order, so the list never flickers). */
export function quarterRanking(p: EvaluationSummary): NamedCount[] {
  const unitOrder = new Map(UNITS.map((u, i) => [u.id as string, i]));
  return [...p.quarterRanking.units]
    .sort((a, b) => b.score - a.score || (unitOrder.get(a.unitId) ?? 0) - (unitOrder.get(b.unitId) ?? 0))
    .map((u) => ({ id: u.unitId, name: UNIT_SHORT.get(u.unitId) ?? u.unitId, value: u.score }));
}

/** The 89 departments ranked by the mean of their three rates; ties by roster order. */
export function departmentTable(p: DepartmentRates): TableData {
  const roster = new Map(DEPARTMENTS.map((d, i) => [d.id, i]));
  const ranked = p.departments
    .map((d) => ({ ...d, composite: (d.response + d.completion + d.satisfaction) / 3 }))
    .sort((a, b) => b.composite - a.composite || (roster.get(a.id) ?? 0) - (roster.get(b.id) ?? 0));
  return {
    columns: [
      { id: 'rank', label: '名次', align: 'center', width: 60 },
      { id: 'name', label: '单位', align: 'left' },
      { id: 'response', label: '响应率', align: 'right', width: 84 },
      { id: 'completion', label: '办结率', align: 'right', width: 84 },
      { id: 'satisfaction', label: '满意率', align: 'right', width: 84 },
    ],
    rows: ranked.map((d, i) => ({
      id: d.id,
      cells: {
        rank: i + 1,
        name: DEPARTMENT_NAMES.get(d.id) ?? d.id,
        response: d.response.toFixed(1),
        completion: d.completion.toFixed(1),
        satisfaction: d.satisfaction.toFixed(1),
      },
      // The month's laggards stand out: any rate under 90 % is flagged.
      tone: Math.min(d.response, d.completion, d.satisfaction) < 90 ? 'warn' : 'normal',
    })),
  };
}

export const EVALUATION_BINDINGS = {
  'evaluation.dimensions': { ...fromTopic('gaugeSet', 'evaluation.summary', 20, (p) => dimensionGauges(p)), source: SOURCE },
  'evaluation.safety': { ...fromTopic('table', 'evaluation.summary', 20, (p) => safetyTable(p)), source: SOURCE },
  'evaluation.monthly': { ...fromTopic('series', 'evaluation.summary', 20, (p) => monthlySeries(p)), source: SOURCE },
  'evaluation.daily': { ...fromTopic('calendar', 'evaluation.summary', 20, (p) => dailyCalendar(p)), source: SOURCE },
  'evaluation.quarterRanking': { ...fromTopic('namedCounts', 'evaluation.summary', 20, (p) => quarterRanking(p)), source: SOURCE },
  'evaluation.departments': { ...fromTopic('table', 'evaluation.departments', 20, (p) => departmentTable(p)), source: '宜接就办' },
} as const;
