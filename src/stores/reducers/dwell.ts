/**
 * Dwell time of one stage of the closed loop: how long cases stayed in it before moving on. The mean is
 * exact (integer millisecond sums); the median is exact on whole minutes (a count per minute value), so
 * memory is bounded by the number of distinct minute values, never by the number of cases.
 */
const MINUTE = 60_000;

/** Dwells longer than this count as this long: one absurd timestamp must not swamp a day's mean. */
export const DWELL_MAX_MINUTES = 14 * 24 * 60;

export interface DwellTally {
  count: number;
  sumMs: number;
  /** Whole minutes (floored) → how many dwells. */
  byMinute: Map<number, number>;
}

export interface DwellSummary {
  samples: number;
  meanMinutes: number | null;
  medianMinutes: number | null;
}

export const EMPTY_DWELL_SUMMARY: DwellSummary = Object.freeze({ samples: 0, meanMinutes: null, medianMinutes: null });

export function emptyTally(): DwellTally {
  return { count: 0, sumMs: 0, byMinute: new Map() };
}

/** Add one dwell (ms). Negative or non-finite dwells are refused (returns false). Mutates the tally. */
export function addDwell(t: DwellTally, ms: number): boolean {
  if (!Number.isFinite(ms) || ms < 0) return false;
  const clamped = Math.min(Math.round(ms), DWELL_MAX_MINUTES * MINUTE);
  const minute = Math.floor(clamped / MINUTE);
  t.count += 1;
  t.sumMs += clamped;
  t.byMinute.set(minute, (t.byMinute.get(minute) ?? 0) + 1);
  return true;
}

/** Median of the tally's whole-minute values: the middle one, or the mean of the two middle ones. */
function medianMinutes(t: DwellTally): number | null {
  if (t.count === 0) return null;
  const lowRank = Math.floor((t.count - 1) / 2);
  const highRank = Math.floor(t.count / 2);
  let low: number | null = null;
  let seen = 0;
  for (const minute of [...t.byMinute.keys()].sort((a, b) => a - b)) {
    seen += t.byMinute.get(minute) ?? 0;
    if (low === null && seen > lowRank) low = minute;
    if (seen > highRank) return ((low ?? minute) + minute) / 2;
  }
  return low;
}

export function summarize(t: DwellTally): DwellSummary {
  if (t.count === 0) return EMPTY_DWELL_SUMMARY;
  return { samples: t.count, meanMinutes: t.sumMs / t.count / MINUTE, medianMinutes: medianMinutes(t) };
}
