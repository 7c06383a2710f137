/**
 * `cases.history`: the months and weeks behind today, for 决策建议.
 *
 * - City totals for 24 complete months: a slow upward trend (more channels merged into 12345) with the
 *   seasons — Spring Festival lull in February, a summer peak (noise, construction, rain) — and noise.
 * - Per unit, 13 complete months: received (the city total split by unit weight; the units add up to
 *   the city), completion and satisfaction rates around each unit's own level. Scripted for the wall:
 *   点军区's completion falls clearly last month, 夷陵区's a little (below the usual warning line), and
 *   五峰县's satisfaction slips three months in a row.
 * - New cases per category for the 28 complete days before today. Days the case simulation covers are
 *   counted from it (so they agree with the 7-day trend); earlier days follow the same volume model,
 *   with 施工管理 lower in the week before last (the year-end construction push shows as a weekly rise).
 * - The current month so far (complete days + today's cases before asOf).
 */
import { CATEGORY_IDS, CHANNEL_IDS, UNIT_IDS, type CategoryId, type UnitId } from '../../data-adapters/domain';
import {
  HISTORY_CITY_MONTHS,
  HISTORY_DAYS,
  HISTORY_UNIT_MONTHS,
  type CasesHistory,
} from '../../data-adapters/topics/history';
import { UNIT_WEIGHTS } from './config';
import type { DayLedger } from './ledger';
import { CATEGORY_MIX } from './lifecycle';
import { Rng } from './random';
import { dayVolume, type SimCase } from './simulation';
import { DAY, localDayStart, localIsoDate, shanghaiTime } from './time';

/** Seasonal factor by calendar month (1–12) of the city's monthly intake. */
const SEASON = [0, 0.94, 0.8, 0.97, 1, 1.03, 1.07, 1.12, 1.1, 1.02, 0.97, 1, 0.98] as const;
/** Month-on-month growth of the trend. */
const MONTHLY_GROWTH = 0.007;
/** A weekday-weighted average day of the last complete month (≈2,600 weekdays, ≈1,900 weekends). */
const AVERAGE_DAY_NOW = 2_420;

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clampPct = (x: number): number => Math.min(99.9, Math.max(60, x));

interface Month {
  year: number;
  month: number;
}
const label = (m: Month): string => `${m.year}-${String(m.month).padStart(2, '0')}`;
const addMonths = (m: Month, k: number): Month => {
  const i = m.year * 12 + (m.month - 1) + k;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
};
const daysIn = (m: Month): number => {
  const next = addMonths(m, 1);
  return (shanghaiTime(next.year, next.month, 1) - shanghaiTime(m.year, m.month, 1)) / DAY;
};

/** Scripted month-on-month changes in the last complete month (points), per unit. */
const LAST_MONTH_COMPLETION_CHANGE: Partial<Record<UnitId, number>> = { dianjun: -5.2, yiling: -2.2 };
/** Scripted satisfaction changes over the last three complete months (points, oldest first). */
const SATISFACTION_SLIDE: Partial<Record<UnitId, readonly [number, number, number]>> = { wufeng: [-0.9, -1.1, -1.3] };

function monthOf(t: number): Month {
  const [y, m] = localIsoDate(t).split('-').map(Number) as [number, number];
  return { year: y, month: m };
}

function cityMonthly(seed: number, lastComplete: Month): { month: Month; received: number }[] {
  const rng = Rng.derive(seed, 'history', 'city');
  const out: { month: Month; received: number }[] = [];
  for (let k = HISTORY_CITY_MONTHS - 1; k >= 0; k -= 1) {
    const m = addMonths(lastComplete, -k);
    let trend = 1;
    for (let i = 0; i < k; i += 1) trend /= 1 + MONTHLY_GROWTH;
    const level = AVERAGE_DAY_NOW * daysIn(m) * trend * ((SEASON[m.month] ?? 1) / (SEASON[lastComplete.month] ?? 1));
    out.push({ month: m, received: Math.round(level * (1 + rng.range(-0.025, 0.025))) });
  }
  return out;
}

/** Split a total by weights into integers that add up to it (largest remainders). */
function split(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest -= 1;
  }
  return out;
}

function unitSeries(seed: number, months: readonly { month: Month; received: number }[]): CasesHistory['units'] {
  const perUnit = new Map<UnitId, CasesHistory['units'][number]['monthly']>(UNIT_IDS.map((id) => [id, []]));
  const levels = new Map(UNIT_IDS.map((id) => {
    const rng = Rng.derive(seed, 'history', 'unit-level', id);
    return [id, { completion: rng.range(90, 96.5), satisfaction: rng.range(92.5, 97.5) }] as const;
  }));
  const n = months.length;
  months.forEach(({ month, received }, i) => {
    const rng = Rng.derive(seed, 'history', 'unit-month', label(month));
    const weights = UNIT_IDS.map((id) => UNIT_WEIGHTS[id] * (1 + rng.range(-0.04, 0.04)));
    const counts = split(received, weights);
    UNIT_IDS.forEach((id, u) => {
      const lv = levels.get(id) as { completion: number; satisfaction: number };
      let completion = lv.completion + rng.range(-0.6, 0.6);
      let satisfaction = lv.satisfaction + rng.range(-0.5, 0.5);
      const prev = perUnit.get(id)?.[i - 1];
      const scripted = LAST_MONTH_COMPLETION_CHANGE[id];
      if (i === n - 1 && scripted !== undefined && prev) completion = prev.completion + scripted;
      const slide = SATISFACTION_SLIDE[id];
      const slideIndex = i - (n - 3);
      if (slide && slideIndex >= 0 && prev) satisfaction = prev.satisfaction + (slide[slideIndex] ?? 0);
      perUnit.get(id)?.push({ month: label(month), received: counts[u] ?? 0, completion: round1(clampPct(completion)), satisfaction: round1(clampPct(satisfaction)) });
    });
  });
  return UNIT_IDS.map((unitId) => ({ unitId, monthly: perUnit.get(unitId) ?? [] }));
}

/** Category shares of one day's expected intake, from the channel volumes and mixes. */
function expectedByCategory(seed: number, dayStart: number): Record<CategoryId, number> {
  const out = Object.fromEntries(CATEGORY_IDS.map((c) => [c, 0])) as Record<CategoryId, number>;
  for (const channel of CHANNEL_IDS) {
    const volume = dayVolume(seed, dayStart, channel);
    const mix = CATEGORY_MIX[channel];
    const total = mix.reduce((a, [, w]) => a + w, 0);
    for (const [c, w] of mix) out[c] += (volume * w) / total;
  }
  return out;
}

function dailyByCategory(seed: number, cases: readonly SimCase[], today: number): CasesHistory['daily'] {
  const firstDay = today - HISTORY_DAYS * DAY;
  const simulatedFrom = cases.length > 0 ? localDayStart(cases[0]?.steps[0]?.at ?? today) : today;
  const counted = new Map<number, Record<CategoryId, number>>();
  for (const c of cases) {
    const at = c.steps[0]?.at;
    if (at === undefined || at < simulatedFrom || at >= today) continue;
    const day = localDayStart(at);
    let rec = counted.get(day);
    if (!rec) {
      rec = Object.fromEntries(CATEGORY_IDS.map((k) => [k, 0])) as Record<CategoryId, number>;
      counted.set(day, rec);
    }
    rec[c.category] += 1;
  }
  const out: CasesHistory['daily'] = [];
  for (let day = firstDay; day < today; day += DAY) {
    const date = localIsoDate(day);
    const fromSim = day >= simulatedFrom ? counted.get(day) : undefined;
    if (fromSim) {
      out.push({ date, byCategory: { ...fromSim } });
      continue;
    }
    const rng = Rng.derive(seed, 'history', 'day', date);
    const expected = expectedByCategory(seed, day);
    const daysAgo = Math.round((today - day) / DAY);
    const byCategory = Object.fromEntries(
      CATEGORY_IDS.map((c) => {
        const lull = c === 'construction' && daysAgo >= 8 && daysAgo <= 14 ? 0.74 : 1;
        return [c, Math.max(0, Math.round(expected[c] * lull * (1 + rng.range(-0.05, 0.05))))];
      }),
    ) as Record<CategoryId, number>;
    out.push({ date, byCategory });
  }
  return out;
}

export function buildHistory(seed: number, cases: readonly SimCase[], ledger: DayLedger, times: readonly number[]): CasesHistory[] {
  const first = times[0] ?? 0;
  const today = localDayStart(first);
  const current = monthOf(first);
  const lastComplete = addMonths(current, -1);
  const city = cityMonthly(seed, lastComplete);
  const units = unitSeries(seed, city.slice(-HISTORY_UNIT_MONTHS));
  const satisfactionOf = (i: number): number => {
    // City satisfaction: the unit figures weighted by intake where known, else a steady level.
    const offset = i - (city.length - HISTORY_UNIT_MONTHS);
    if (offset < 0) return round1(95 + Rng.derive(seed, 'history', 'city-sat', i).range(-0.6, 0.6));
    let w = 0;
    let s = 0;
    for (const u of units) {
      const m = u.monthly[offset];
      if (!m) continue;
      w += m.received;
      s += m.received * m.satisfaction;
    }
    return round1(w > 0 ? s / w : 95);
  };
  const completionOf = (i: number): number => {
    const offset = i - (city.length - HISTORY_UNIT_MONTHS);
    if (offset < 0) return round1(92 + Rng.derive(seed, 'history', 'city-done', i).range(-1, 1));
    let w = 0;
    let s = 0;
    for (const u of units) {
      const m = u.monthly[offset];
      if (!m) continue;
      w += m.received;
      s += m.received * m.completion;
    }
    return round1(w > 0 ? s / w : 92);
  };
  const cityMonthlyOut = city.map((c, i) => ({ month: label(c.month), received: c.received, completion: completionOf(i), satisfaction: satisfactionOf(i) }));
  const daily = dailyByCategory(seed, cases, today);
  const monthStart = shanghaiTime(current.year, current.month, 1);
  const completeDaysThisMonth = daily
    .filter((d) => d.date >= localIsoDate(monthStart))
    .reduce((sum, d) => sum + Object.values(d.byCategory).reduce((a, b) => a + b, 0), 0);

  return times.map((t) => ({
    asOf: t,
    cityMonthly: cityMonthlyOut,
    units,
    daily,
    monthToDate: {
      month: label(current),
      received: completeDaysThisMonth + ledger.count(t, (e) => e.stage === 'discover' && e.at >= today),
      elapsedDays: Math.round(((t - monthStart) / DAY) * 100) / 100,
    },
  }));
}

/**
 * The `cases.history` payload moved by `shift` ms: asOf moves, and the day and month labels are re-dated
 * so they still end the day / month before asOf's (as the baseline's trend is re-dated).
 */
export function shiftCasesHistory(p: CasesHistory, shift: number): CasesHistory {
  const asOf = p.asOf + shift;
  const today = localDayStart(asOf);
  const lastDay = p.daily.length;
  const current = monthOf(asOf);
  const nCity = p.cityMonthly.length;
  const relabel = <T extends { month: string }>(ms: readonly T[]): T[] =>
    ms.map((m, i) => ({ ...m, month: label(addMonths(current, -(ms.length - i))) }));
  const monthStart = shanghaiTime(current.year, current.month, 1);
  return {
    ...p,
    asOf,
    cityMonthly: relabel(p.cityMonthly).slice(0, nCity),
    units: p.units.map((u) => ({ ...u, monthly: relabel(u.monthly) })),
    daily: p.daily.map((d, i) => ({ ...d, date: localIsoDate(today - (lastDay - i) * DAY) })),
    monthToDate: { ...p.monthToDate, month: label(current), elapsedDays: Math.min(31, Math.round(((asOf - monthStart) / DAY) * 100) / 100) },
  };
}
