import type { Topic } from '../../data-adapters/schemas';
import type { TopicFreshness } from '../../data-adapters/source';
import type { StaleInfo } from '../panels/types';

/**
 * The stale mark of a panel. `minutes` alone is the recorded source's mark (judged on the data clock);
 * a live source's per-topic freshness adds the as-of time of the data shown and whether the feed is in
 * error. PanelFrame renders all of them; every other panel just passes it through.
 */
export interface StaleMark extends StaleInfo {
  /** 'error': the topic's feed fails; 'stale': nothing new within its threshold. Absent for recordings. */
  state?: 'stale' | 'error';
  /** Data time of the newest value shown, epoch ms; null when nothing has arrived. */
  asOf?: number | null;
  reason?: string | null;
}

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

/**
 * The mark from a live source's per-topic freshness: the worst of the binding's topics ('error' over
 * 'stale'), with the oldest as-of among the marked ones. null while every topic is live, so a recovered
 * feed clears the mark by itself on the next state.
 */
export function liveStaleness(
  topics: readonly Topic[],
  freshness: Partial<Record<Topic, TopicFreshness>>,
  clock: number | null,
): StaleMark | null {
  let state: 'stale' | 'error' | null = null;
  let asOf: number | null | undefined;
  let reason: string | null = null;
  for (const topic of topics) {
    const f = freshness[topic];
    if (!f || f.freshness === 'live') continue;
    if (f.freshness === 'error') {
      state = 'error';
      reason ??= f.reason;
    } else state ??= 'stale';
    // The panel's values are as old as its oldest marked topic; a topic without any data wins (null).
    asOf = asOf === undefined ? f.asOf : asOf === null || f.asOf === null ? null : Math.min(asOf, f.asOf);
  }
  if (state === null) return null;
  const at = asOf ?? null;
  return { state, asOf: at, reason, minutes: at === null || clock === null ? null : Math.max(0, Math.floor((clock - at) / 60_000)) };
}

/** The mark of one panel: live freshness when the source judges it, else the data-clock rule. */
export function panelStaleness(
  topics: readonly Topic[],
  freshness: Partial<Record<Topic, TopicFreshness>> | undefined,
  lastDataTime: number | null,
  clock: number | null,
  thresholdMinutes: number,
): StaleMark | null {
  return freshness ? liveStaleness(topics, freshness, clock) : staleness(lastDataTime, clock, thresholdMinutes);
}
