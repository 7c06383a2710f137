import type { StaleInfo } from '../panels/types';

/**
 * A panel is stale when its topic's newest data is older than `thresholdMinutes` on the data clock, or
 * when the clock runs and no data has come at all. Before the clock is known nothing is judged.
 */
export function staleness(lastDataTime: number | null, clock: number | null, thresholdMinutes: number): StaleInfo | null {
  if (clock === null) return null;
  if (lastDataTime === null) return { minutes: null };
  const ageMin = (clock - lastDataTime) / 60_000;
  return ageMin > thresholdMinutes ? { minutes: Math.floor(ageMin) } : null;
}
