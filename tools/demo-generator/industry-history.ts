/**
 * The industry systems' key figures before the recording starts, for the hourly `trend` of each snapshot.
 * Three models, by what the figure is:
 *  - level (free berths, trucks on the road, the congestion index): a daily profile, scaled so it meets
 *    the recording's first value exactly, times a slow noise that changes hour by hour;
 *  - today counter (AI detections today, enforcement cases today): the day's total spread over the day by
 *    an hourly activity profile, back to 0 at midnight; yesterday's total is today's pace ± 10 %;
 *  - counted (cases of the case model): counted from the simulated case steps, passed in by the caller.
 * Deterministic: noise is drawn per (system, absolute hour), so a point depends only on its time.
 */
import type { IndustrySystemId } from '../../data-adapters/domain';
import type { DayLedger, LedgerEntry } from './ledger';
import { keyedRng } from './keyed-rng';
import { DAY, HOUR, localDayStart, MINUTE } from './time';

/** Hourly values in each snapshot's trend: 11 hours back plus the current value. */
export const TREND_HOURS = 12;

export type HistorySpec =
  /** Relative level at 00:00, 01:00, … 24:00 (25 knots, linear between), and the hourly noise (± share). */
  | { kind: 'level'; knots: readonly number[]; noise: number; decimals?: number }
  /** Relative activity per hour of day (24 weights): how a counter that restarts at midnight grows. */
  | { kind: 'today'; weights: readonly number[] }
  /** A month-to-date counter that grows `perDay` over the day by `weights` (no reset inside the window). */
  | { kind: 'month'; weights: readonly number[] }
  | { kind: 'counted'; at: (t: number) => number };

const FLAT = Array.from({ length: 25 }, () => 1);
const DAYTIME = [0, 0, 0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 0, 0, 0, 0, 0, 0];

const SPECS: Readonly<Record<IndustrySystemId, HistorySpec>> = {
  // Counted from the case model by the caller; these defaults only apply without one.
  szcg: { kind: 'today', weights: DAYTIME },
  shengmingxian: { kind: 'today', weights: Array.from({ length: 24 }, () => 1) },
  yingji: { kind: 'today', weights: Array.from({ length: 24 }, () => 1) },
  yijie: { kind: 'today', weights: DAYTIME },
  // Registries and sensor networks: flat, small jitter (devices dropping in and out).
  shizheng: { kind: 'level', knots: FLAT, noise: 0.002 },
  zaihai: { kind: 'level', knots: FLAT, noise: 0.003 },
  dianti: { kind: 'level', knots: FLAT, noise: 0.001 },
  gongdi: { kind: 'level', knots: FLAT, noise: 0 },
  fangwu: { kind: 'level', knots: FLAT, noise: 0 },
  xiaoqu: { kind: 'level', knots: FLAT, noise: 0 },
  // Sanitation trucks: the pre-dawn sweeping shift, a lunch dip, few at night.
  huanwei: {
    kind: 'level',
    knots: [0.45, 0.4, 0.4, 0.5, 0.9, 1.15, 1.2, 1.1, 1, 1, 0.95, 0.9, 0.7, 0.75, 0.9, 0.95, 0.95, 0.9, 0.75, 0.6, 0.55, 0.5, 0.5, 0.45, 0.45],
    noise: 0.03,
  },
  // Muck trucks are only allowed on the road at night in the city (渣土夜间运输).
  zhatu: {
    kind: 'level',
    knots: [1.8, 1.9, 1.9, 1.8, 1.6, 1.2, 0.7, 0.5, 0.55, 0.6, 0.65, 0.65, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7, 0.9, 1.2, 1.5, 1.7, 1.8, 1.8],
    noise: 0.05,
  },
  // Kitchen cameras go dark after closing time.
  mingchu: {
    kind: 'level',
    knots: [0.86, 0.85, 0.85, 0.85, 0.85, 0.86, 0.88, 0.92, 0.95, 0.97, 1, 1, 1, 1, 0.98, 0.98, 0.99, 1, 1, 0.99, 0.97, 0.96, 0.92, 0.88, 0.86],
    noise: 0.004,
  },
  // Free berths: full at night, filling from 07:00, emptiest late morning and afternoon.
  tingche: {
    kind: 'level',
    knots: [1.5, 1.54, 1.56, 1.57, 1.57, 1.56, 1.5, 1.32, 1.12, 1.02, 0.93, 0.9, 0.95, 0.95, 0.9, 0.88, 0.9, 1, 1.12, 1.15, 1.2, 1.3, 1.4, 1.46, 1.5],
    noise: 0.015,
  },
  // Congestion index: two peaks, free-flowing at night.
  jiaotong: {
    kind: 'level',
    knots: [1.05, 1.04, 1.03, 1.03, 1.03, 1.05, 1.15, 1.6, 1.95, 1.85, 1.6, 1.5, 1.45, 1.4, 1.4, 1.45, 1.55, 1.9, 2, 1.7, 1.45, 1.3, 1.2, 1.1, 1.05],
    noise: 0.02,
    decimals: 2,
  },
  zhifa: { kind: 'today', weights: [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3, 3.5, 3.5, 3, 1.5, 2, 3, 3.5, 3.5, 3, 2, 1.5, 1, 0.8, 0.5, 0.3] },
  tianyan: { kind: 'today', weights: [1, 0.8, 0.6, 0.5, 0.5, 0.7, 1.2, 2.2, 2.8, 3, 3, 2.8, 2.5, 2.5, 2.8, 3, 3, 3, 2.8, 2.5, 2.2, 1.8, 1.5, 1.2] },
  yuanlin: { kind: 'today', weights: [0, 0, 0, 0, 0, 0, 0.5, 2, 3, 3, 3, 2, 0.5, 1, 3, 3, 2.5, 1, 0, 0, 0, 0, 0, 0] },
  kaohe: { kind: 'month', weights: DAYTIME },
};

/** Inspected points a day for 第三方考核 (the live counter adds about 0.25 a minute in working hours). */
const KAOHE_PER_WORKING_MINUTE = 0.25;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const roundTo = (x: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/** Profile value at `t` (linear between hourly knots of the local day). */
function levelAt(knots: readonly number[], t: number): number {
  const hours = (t - localDayStart(t)) / HOUR;
  const h = Math.floor(hours);
  const a = knots[h] ?? 1;
  const b = knots[h + 1] ?? a;
  return a + (b - a) * (hours - h);
}

/** Share of a day's activity done by `t` since local midnight (weights per hour, uniform inside an hour). */
function dayShareAt(weights: readonly number[], t: number): number {
  const hours = (t - localDayStart(t)) / HOUR;
  let total = 0;
  let done = 0;
  weights.forEach((w, h) => {
    total += w;
    done += w * clamp(hours - h, 0, 1);
  });
  return total === 0 ? 0 : done / total;
}

/** Activity weight-hours between two instants (for month counters). */
function weightHoursBetween(weights: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let t = from; t < to; t += MINUTE) {
    const h = Math.floor((t - localDayStart(t)) / HOUR);
    sum += (weights[h] ?? 0) / 60;
  }
  return sum;
}

/** Noise that moves smoothly: a seeded knot per absolute hour, linear between knots. */
function hourlyNoise(seed: number, id: string, amplitude: number): (t: number) => number {
  if (amplitude === 0) return () => 0;
  const knot = (h: number): number => keyedRng(seed, 'industry', 'history', id, h).range(-amplitude, amplitude);
  return (t) => {
    const h = Math.floor(t / HOUR);
    const f = t / HOUR - h;
    return knot(h) * (1 - f) + knot(h + 1) * f;
  };
}

/**
 * The figure of system `id` at any instant before `start`, where its value is `startValue`. `override`
 * replaces the built-in model (the caller's case counts).
 */
export function historyOf(seed: number, id: IndustrySystemId, start: number, startValue: number, override?: HistorySpec): (t: number) => number {
  const spec = override ?? SPECS[id];
  switch (spec.kind) {
    case 'counted':
      return spec.at;
    case 'level': {
      const noise = hourlyNoise(seed, id, spec.noise);
      const anchor = levelAt(spec.knots, start) * (1 + noise(start));
      const decimals = spec.decimals ?? 0;
      return (t) => Math.max(0, roundTo((startValue * levelAt(spec.knots, t) * (1 + noise(t))) / anchor, decimals));
    }
    case 'today': {
      const shareAtStart = dayShareAt(spec.weights, start);
      const todayTotal = shareAtStart > 0 ? startValue / shareAtStart : startValue;
      const yesterdayTotal = todayTotal * keyedRng(seed, 'industry', 'history', id, 'yesterday').range(0.9, 1.1);
      const today = localDayStart(start);
      return (t) => {
        if (t >= start) return startValue;
        const total = t >= today ? todayTotal : yesterdayTotal;
        return Math.max(0, Math.round(total * dayShareAt(spec.weights, t)));
      };
    }
    case 'month': {
      const perWeightHour = (KAOHE_PER_WORKING_MINUTE * 60) / 3;
      return (t) => (t >= start ? startValue : Math.max(0, Math.round(startValue - perWeightHour * weightHoursBetween(spec.weights, t, start))));
    }
    default: {
      const never: never = spec;
      throw new Error(`unknown history ${String(never)}`);
    }
  }
}

/** Steps matching `match` from local midnight of `t` up to (not including) `t`. Entries are sorted by time. */
export function countToday(ledger: DayLedger, t: number, match: (e: LedgerEntry) => boolean): number {
  const from = localDayStart(t);
  const { entries } = ledger;
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as LedgerEntry).at < from) lo = mid + 1;
    else hi = mid;
  }
  let n = 0;
  for (let i = lo; i < entries.length; i += 1) {
    const e = entries[i] as LedgerEntry;
    if (e.at >= t) break;
    if (match(e)) n += 1;
  }
  return n;
}

/** How far back the trend reaches: the caller's case history must cover it. */
export const TREND_SPAN_MS = (TREND_HOURS - 1) * HOUR;
/** Start of the case history the trend needs for a recording starting at `start`. */
export function trendHistoryFrom(start: number): number {
  return Math.min(localDayStart(start - TREND_SPAN_MS), localDayStart(start) - DAY);
}
