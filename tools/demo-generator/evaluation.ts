/**
 * `evaluation.summary` and `evaluation.departments`: the month's comprehensive evaluation, every 5 minutes.
 *
 * The month's scores move slowly, as a month of inspections behind them should: 干净/整洁/有序 drift by
 * hundredths, 群众满意 is the city's call-back satisfaction from `rates.units` at the same instant, and the
 * safety scores lose a little for every open hazard (隐患), so a rectification nudges them up. Past days
 * and months are seeded by their date, so a day's score never depends on when the recording starts;
 * each past month's score is the mean of its days. The departments' three rates are tallies (as in
 * ./rates.ts): a month of counts at each department's own level, plus the cases the window adds.
 */
import { UNIT_IDS } from '../../data-adapters/domain';
import type { UnitRates } from '../../data-adapters/schemas';
import {
  DEPARTMENTS,
  EVAL_DIMENSION_IDS,
  SAFETY_INDICATOR_IDS,
  type DepartmentKind,
  type DepartmentRates,
  type EvalDimensionId,
  type EvaluationSummary,
  type SafetyIndicatorId,
} from '../../data-adapters/topics/evaluation';
import { keyedRng } from './keyed-rng';
import type { Rng } from './random';
import { DAY, localDayStart, localIsoDate, localWeekday } from './time';

/** Days in the calendar heat map (about a quarter). */
export const CALENDAR_DAYS = 91;
export const MONTHS_SHOWN = 12;
/** Composite = 60 % the four dimensions, 40 % the four safety indicators. */
const DIMENSION_WEIGHT = 0.6;

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

// ---- calendar labels (Asia/Shanghai, shared with the feed server's re-dating) ----

/** "2026-11" for the local month containing `t`. */
export function isoMonthOf(t: number): string {
  return localIsoDate(t).slice(0, 7);
}

/** The month `k` months before `month` ("2026-11", 2 → "2026-09"). */
export function monthBefore(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - k;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last complete quarter before the one containing `t`: "2026-Q3" in November 2026. */
export function previousQuarterOf(t: number): string {
  const [y, m] = isoMonthOf(t).split('-').map(Number) as [number, number];
  const q = Math.floor((m - 1) / 3); // 0-based current quarter
  return q === 0 ? `${y - 1}-Q4` : `${y}-Q${q}`;
}

/**
 * A summary re-dated to a new `asOf` (the feed server loops the recording onto the real clock): the month,
 * the months and days of the series and the ranking's quarter follow asOf; the values stay.
 */
export function redateSummary(p: EvaluationSummary, asOf: number): EvaluationSummary {
  const month = isoMonthOf(asOf);
  const today = localDayStart(asOf);
  const lastMonth = p.monthly.length - 1;
  const lastDay = p.daily.length - 1;
  return {
    ...p,
    asOf,
    month,
    monthly: p.monthly.map((x, i) => ({ ...x, month: monthBefore(month, lastMonth - i) })),
    // Noon, so a day never slips across midnight on the way.
    daily: p.daily.map((x, i) => ({ ...x, date: localIsoDate(today - (lastDay - i) * DAY + DAY / 2) })),
    quarterRanking: { ...p.quarterRanking, quarter: previousQuarterOf(asOf) },
  };
}

// ---- the city's month ----

interface SafetyTally {
  base: number;
  issues: number;
  open: number;
}

/** Score lost per open hazard: a month with a dozen open hazards costs a couple of points. */
const SAFETY_COST_PER_OPEN = 0.18;

const SAFETY_LEVELS: Readonly<Record<SafetyIndicatorId, { base: [number, number]; issues: [number, number] }>> = {
  facility: { base: [97, 99], issues: [42, 78] },
  building: { base: [97.5, 99.5], issues: [14, 36] },
  traffic: { base: [96, 98.5], issues: [30, 58] },
  crowded: { base: [97.5, 99.5], issues: [8, 24] },
};

const DIMENSION_LEVELS: Readonly<Record<Exclude<EvalDimensionId, 'satisfied'>, [number, number]>> = {
  clean: [93, 95.5],
  tidy: [90.5, 93.5],
  orderly: [87.5, 91],
};

function composite(dimensions: readonly number[], safety: readonly number[]): number {
  return DIMENSION_WEIGHT * mean(dimensions) + (1 - DIMENSION_WEIGHT) * mean(safety);
}

/** Seeded level of a past month relative to this month's: the city improved over the year, with a wobble. */
function monthLevel(seed: number, month: string, monthsAgo: number, current: number): number {
  return current - 0.3 - 0.24 * monthsAgo + keyedRng(seed, 'evaluation', 'month', month).range(-0.8, 0.8);
}

/** A day's score around its month's level: weekends score a little lower (fewer crews out). */
function dayScore(seed: number, t: number, level: number): number {
  const weekend = localWeekday(t) === 0 || localWeekday(t) === 6 ? -0.6 : 0;
  const rng = keyedRng(seed, 'evaluation', 'day', localIsoDate(t));
  // A few bad days (heavy rain, a festival) stand out on the calendar.
  const dip = rng.chance(0.06) ? -rng.range(2.5, 5) : 0;
  return round2(clamp(level + weekend + dip + rng.normal() * 0.7, 0, 100));
}

export function buildEvaluationSummaries(seed: number, unitRates: readonly UnitRates[], times: readonly number[]): EvaluationSummary[] {
  const first = times[0] ?? 0;
  const month = isoMonthOf(first);
  const r = (...labels: (string | number)[]): Rng => keyedRng(seed, 'evaluation', ...labels);

  const dims = new Map<EvalDimensionId, number>();
  for (const id of EVAL_DIMENSION_IDS) if (id !== 'satisfied') dims.set(id, r('dimension', id).range(...DIMENSION_LEVELS[id]));
  const safety = new Map<SafetyIndicatorId, SafetyTally>();
  for (const id of SAFETY_INDICATOR_IDS) {
    const rng = r('safety', id);
    const issues = rng.int(...SAFETY_LEVELS[id].issues);
    safety.set(id, { base: rng.range(...SAFETY_LEVELS[id].base), issues, open: rng.int(2, Math.max(3, Math.round(issues / 5))) });
  }
  const drift = r('drift');
  const events = r('hazards');

  // Past days of the calendar and past months: fixed for the whole recording, set from the first snapshot.
  const today = localDayStart(first);
  const levels = new Map<string, number>();
  const pastMonthly: { month: string; score: number }[] = [];
  let currentLevel = 0;
  const settlePast = (current: number): void => {
    currentLevel = current;
    for (let k = 1; k < MONTHS_SHOWN; k += 1) levels.set(monthBefore(month, k), monthLevel(seed, monthBefore(month, k), k, current));
    const days = new Map<string, number[]>();
    for (let noon = today - 370 * DAY + DAY / 2; noon < today; noon += DAY) {
      const m = isoMonthOf(noon);
      const level = levels.get(m);
      if (level !== undefined) days.set(m, [...(days.get(m) ?? []), dayScore(seed, noon, level)]);
    }
    for (let k = MONTHS_SHOWN - 1; k >= 1; k -= 1) {
      const m = monthBefore(month, k);
      pastMonthly.push({ month: m, score: round2(mean(days.get(m) ?? [levels.get(m) as number])) });
    }
  };

  return times.map((asOf, i) => {
    if (i > 0) {
      for (const [id, v] of dims) dims.set(id, clamp(v + drift.range(-0.04, 0.04), 0, 100));
      for (const t of safety.values()) {
        if (events.chance(0.18)) {
          t.issues += 1;
          t.open += 1;
        }
        if (t.open > 0 && events.chance(0.3)) t.open -= 1;
      }
    }
    const units = unitRates.find((u) => u.asOf === asOf) ?? unitRates[unitRates.length - 1];
    const satisfied = units ? mean(units.units.map((u) => u.satisfaction)) : 94;
    const dimensionScores: Record<EvalDimensionId, number> = {
      clean: round2(dims.get('clean') as number),
      tidy: round2(dims.get('tidy') as number),
      orderly: round2(dims.get('orderly') as number),
      satisfied: round2(satisfied),
    };
    const safetyRows = SAFETY_INDICATOR_IDS.map((id) => {
      const t = safety.get(id) as SafetyTally;
      return { id, score: round2(clamp(t.base - SAFETY_COST_PER_OPEN * t.open, 0, 100)), issues: t.issues, rectified: t.issues - t.open };
    });
    const score = round2(composite(Object.values(dimensionScores), safetyRows.map((s) => s.score)));
    if (i === 0) settlePast(score);

    const daily: { date: string; score: number }[] = [];
    for (let k = CALENDAR_DAYS - 1; k >= 1; k -= 1) {
      const noon = today - k * DAY + DAY / 2;
      const m = isoMonthOf(noon);
      daily.push({ date: localIsoDate(noon), score: dayScore(seed, noon, m === month ? currentLevel : (levels.get(m) ?? currentLevel)) });
    }
    // Today so far: the month's standing, moved by how today's hazards stand.
    daily.push({ date: localIsoDate(asOf), score: round2(clamp(score + 0.4, 0, 100)) });

    const quarter = previousQuarterOf(asOf);
    const ranking = UNIT_IDS.map((unitId) => ({ unitId, score: round2(keyedRng(seed, 'evaluation', 'quarter', quarter, unitId).range(86, 96.5)) }))
      .sort((a, b) => b.score - a.score || a.unitId.localeCompare(b.unitId));

    return {
      asOf,
      month,
      composite: score,
      dimensions: EVAL_DIMENSION_IDS.map((id) => ({ id, score: dimensionScores[id] })),
      safety: safetyRows,
      monthly: [...pastMonthly, { month, score }],
      daily,
      quarterRanking: { quarter, units: ranking },
    };
  });
}

// ---- the 89 departments ----

interface Ratio {
  num: number;
  den: number;
}

const DEPT_LEVELS: Readonly<Record<DepartmentKind, { cases: [number, number]; response: [number, number]; completion: [number, number]; satisfaction: [number, number] }>> = {
  utility: { cases: [90, 620], response: [96, 99.6], completion: [87, 96], satisfaction: [85, 95] },
  bureau: { cases: [25, 380], response: [96.5, 100], completion: [89, 98.5], satisfaction: [88, 97.5] },
  agency: { cases: [2, 90], response: [97, 100], completion: [90, 100], satisfaction: [90, 100] },
};
/**
 * The head of the roster (city management, housing, transport, water, environment, planning, traffic
 * police, water, power and gas) carries most of the city's cases.
 */
const HEAVY_DEPARTMENTS = 10;
const HEAVY_CASES: [number, number] = [700, 2600];
/** Working days of the month so far, and 5-minute ticks in a working day (for the window's new cases). */
const TICKS_PER_MONTH = 19 * 12 * 10;

export function buildDepartmentRates(seed: number, times: readonly number[]): DepartmentRates[] {
  const tallies = DEPARTMENTS.map((d, index) => {
    const rng = keyedRng(seed, 'departments', d.id);
    const lv = DEPT_LEVELS[d.kind];
    const cases = Math.round(rng.range(...(index < HEAVY_DEPARTMENTS ? HEAVY_CASES : lv.cases)));
    const ratio = (den: number, pct: number): Ratio => ({ den: Math.max(1, Math.round(den)), num: Math.round((Math.max(1, Math.round(den)) * pct) / 100) });
    const p = { response: rng.range(...lv.response), completion: rng.range(...lv.completion), satisfaction: rng.range(...lv.satisfaction) };
    return {
      id: d.id,
      cases,
      level: p,
      response: ratio(cases * 0.98, p.response),
      completion: ratio(cases * 0.86, p.completion),
      satisfaction: ratio(cases * 0.35, p.satisfaction),
      rng: keyedRng(seed, 'departments', d.id, 'window'),
    };
  });

  const pct = (r: Ratio): number => round1(clamp((100 * r.num) / r.den, 0, 100));
  return times.map((asOf, i) => {
    if (i > 0) {
      for (const t of tallies) {
        // New cases this tick, at the department's monthly pace (a fraction becomes a chance).
        const expected = t.cases / TICKS_PER_MONTH;
        const added = Math.floor(expected) + (t.rng.chance(expected - Math.floor(expected)) ? 1 : 0);
        for (let k = 0; k < added; k += 1) {
          t.cases += 1;
          t.response.den += 1;
          if (t.rng.chance(t.level.response / 100)) t.response.num += 1;
          if (t.rng.chance(0.6)) {
            t.completion.den += 1;
            if (t.rng.chance(t.level.completion / 100)) t.completion.num += 1;
          }
          if (t.rng.chance(0.3)) {
            t.satisfaction.den += 1;
            if (t.rng.chance(t.level.satisfaction / 100)) t.satisfaction.num += 1;
          }
        }
      }
    }
    return {
      asOf,
      departments: tallies.map((t) => ({
        id: t.id,
        cases: t.cases,
        response: pct(t.response),
        completion: pct(t.completion),
        satisfaction: pct(t.satisfaction),
      })),
    };
  });
}
