/**
 * Per-topic timing of a live feed: how often REST polls a topic, and after how long without
 * confirmation the topic counts as stale. Defaults follow how often each topic changes upstream; the
 * wall's config file (src/config) overrides them per topic.
 */
import { TOPICS, type Topic } from '../schemas';

export interface TopicTiming {
  /** REST polling interval, ms (used with transport 'rest', and as fallback while the socket is down). */
  pollMs: number;
  /** Without a good message or a 304 for this long, the topic is 'stale', ms. */
  staleAfterMs: number;
}

export const DEFAULT_TOPIC_TIMING: Record<Topic, TopicTiming> = {
  'cases.baseline': { pollMs: 30_000, staleAfterMs: 15 * 60_000 },
  'case.event': { pollMs: 2_000, staleAfterMs: 5 * 60_000 },
  'rates.units': { pollMs: 60_000, staleAfterMs: 30 * 60_000 },
  'industry.systems': { pollMs: 10_000, staleAfterMs: 5 * 60_000 },
  'data.volumes': { pollMs: 60_000, staleAfterMs: 30 * 60_000 },
  'flood.status': { pollMs: 30_000, staleAfterMs: 5 * 60_000 },
  'parking.status': { pollMs: 30_000, staleAfterMs: 5 * 60_000 },
  'skyeye.status': { pollMs: 30_000, staleAfterMs: 5 * 60_000 },
  'emergency.status': { pollMs: 15_000, staleAfterMs: 5 * 60_000 },
  'hotline.summary': { pollMs: 30_000, staleAfterMs: 5 * 60_000 },
  'lifeline.status': { pollMs: 15_000, staleAfterMs: 5 * 60_000 },
  // Refreshed every 10 minutes upstream.
  'cases.history': { pollMs: 120_000, staleAfterMs: 30 * 60_000 },
  // Month-to-date evaluation, every 5 minutes upstream; the guidance catalogue every 10.
  'evaluation.summary': { pollMs: 60_000, staleAfterMs: 20 * 60_000 },
  'evaluation.departments': { pollMs: 60_000, staleAfterMs: 20 * 60_000 },
  'guidance.catalog': { pollMs: 120_000, staleAfterMs: 30 * 60_000 },
  // Facility totals once a minute; status changes as they happen (bursts when a district's power dips).
  'facilities.status': { pollMs: 15_000, staleAfterMs: 5 * 60_000 },
  'facility.change': { pollMs: 2_000, staleAfterMs: 5 * 60_000 },
};

export const LIVE_TOPICS = Object.keys(TOPICS) as Topic[];

export function topicTiming(overrides: Partial<Record<Topic, Partial<TopicTiming>>> | undefined, topic: Topic): TopicTiming {
  return { ...DEFAULT_TOPIC_TIMING[topic], ...(overrides?.[topic] ?? {}) };
}
