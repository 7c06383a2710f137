/**
 * Per-topic freshness of a live feed (SourceState.freshness), judged on the machine's monotonic clock:
 * - 'live'  while the topic keeps being confirmed within its threshold: a good message, or a REST 304
 *           (the server says the copy we hold is still its newest);
 * - 'stale' when nothing confirmed it for longer than the threshold (a dead socket, a silent server);
 *           the wall keeps the last good values and shows their as-of time;
 * - 'error' when the topic's own requests fail or its payloads are refused, until the next confirmation.
 * Recovery needs no action: the next confirmation makes the topic 'live' again.
 * The clock is injected, so tests move it by hand.
 */
import type { Now } from '../replay-clock';
import type { Topic } from '../schemas';
import type { Freshness, TopicFreshness } from '../source';

interface Entry {
  /** Monotonic time of the last confirmation (or of tracking start, so a new topic is not stale at once). */
  confirmedAt: number;
  /** Data time of the newest good message, epoch ms. */
  asOf: number | null;
  error: string | null;
}

export class FreshnessTracker {
  private readonly entries = new Map<Topic, Entry>();
  private last: Partial<Record<Topic, TopicFreshness>> = {};

  constructor(
    topics: readonly Topic[],
    private readonly thresholdMs: (topic: Topic) => number,
    private readonly now: Now,
  ) {
    const t = now();
    for (const topic of topics) this.entries.set(topic, { confirmedAt: t, asOf: null, error: null });
  }

  /** A good message of `topic` with data time `time`. */
  good(topic: Topic, time: number): void {
    const e = this.entries.get(topic);
    if (!e) return;
    e.confirmedAt = this.now();
    e.asOf = e.asOf === null ? time : Math.max(e.asOf, time);
    e.error = null;
  }

  /** The server confirmed the data held is current (HTTP 304, an empty range while polling). */
  confirm(topic: Topic): void {
    const e = this.entries.get(topic);
    if (!e) return;
    e.confirmedAt = this.now();
    e.error = null;
  }

  fail(topic: Topic, reason: string): void {
    const e = this.entries.get(topic);
    if (e) e.error = reason;
  }

  /** Forget the as-of times (after an epoch change the held data is gone). Confirmation times stay. */
  clearAsOf(): void {
    for (const e of this.entries.values()) e.asOf = null;
  }

  /** Judge every topic now. `changed` says whether anything differs from the previous judgement. */
  judge(): { freshness: Partial<Record<Topic, TopicFreshness>>; changed: boolean } {
    const t = this.now();
    const next: Partial<Record<Topic, TopicFreshness>> = {};
    let changed = false;
    for (const [topic, e] of this.entries) {
      const freshness: Freshness = e.error !== null ? 'error' : t - e.confirmedAt > this.thresholdMs(topic) ? 'stale' : 'live';
      const value: TopicFreshness = { freshness, asOf: e.asOf, reason: e.error };
      const prev = this.last[topic];
      if (!prev || prev.freshness !== value.freshness || prev.asOf !== value.asOf || prev.reason !== value.reason) changed = true;
      next[topic] = value;
    }
    this.last = next;
    return { freshness: next, changed };
  }

  current(): Partial<Record<Topic, TopicFreshness>> {
    return this.last;
  }
}
