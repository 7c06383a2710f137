/**
 * Per-topic sequence positions of a live feed (feed-contract.ts): dedupe, ordering and gap detection
 * by (epoch, topic, seq). Pure, no I/O: the live source asks it what to do with each envelope and
 * performs the fetches it asks for.
 *
 * Rules:
 * - A different epoch than the one held means the server's numbering restarted: the caller drops
 *   everything and resynchronises from snapshots (`offer` answers 'epoch' and changes nothing).
 * - seq ≤ the position held (or already held back) is a duplicate: dropped. This is what makes a
 *   backfill that overlaps the live stream (connectionStateRecovery replaying, a REST range, and the
 *   socket all delivering the same message) deliver each message exactly once.
 * - Snapshot topics: the newest message is the whole truth, so a jump in seq is not a loss; it is
 *   accepted at once and the position moves to it.
 * - Event topics: a jump from n to n+k+1 holds the new message back and asks for the range (n, n+k]
 *   ('gap'); messages keep being held until the hole is filled (`fill`) or abandoned (`giveUp`), and
 *   are then released in seq order. The held buffer is bounded by the caller (`heldCount`).
 */
import type { FeedEnvelope } from '../feed-contract';
import type { TopicKind } from '../schemas';

/** A range the caller should fetch: messages with seq in (after, upTo]. */
export interface GapRequest {
  topic: string;
  after: number;
  upTo: number;
}

export type OfferResult =
  | { kind: 'deliver'; envelopes: FeedEnvelope[] }
  | { kind: 'duplicate' }
  | { kind: 'held'; gap: GapRequest | null }
  | { kind: 'epoch'; epoch: string };

interface TopicPosition {
  last: number;
  /** Event topics only: messages beyond a hole, by seq. */
  held: Map<number, FeedEnvelope>;
  /** The hole currently being fetched; null when none. */
  gap: GapRequest | null;
}

export class SeqTracker {
  private epochValue: string | null = null;
  private readonly topics = new Map<string, TopicPosition>();

  constructor(private readonly kindOf: (topic: string) => TopicKind | null) {}

  get epoch(): string | null {
    return this.epochValue;
  }

  /** Start over on `epoch` with the given positions (after a resync from snapshots and ranges). */
  resync(epoch: string, positions: Record<string, number>): void {
    this.epochValue = epoch;
    this.topics.clear();
    for (const [topic, last] of Object.entries(positions)) this.setPosition(topic, last);
  }

  /** Move a topic's position forward (never back), e.g. to a subscribe ack's lastSeq for a snapshot topic. */
  setPosition(topic: string, last: number): void {
    const p = this.pos(topic);
    if (last > p.last) p.last = last;
  }

  position(topic: string): number | null {
    return this.topics.get(topic)?.last ?? null;
  }

  /** Positions of every topic, for `subscribe {after}` and for REST polling. */
  positions(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [topic, p] of this.topics) out[topic] = p.last;
    return out;
  }

  heldCount(topic: string): number {
    return this.topics.get(topic)?.held.size ?? 0;
  }

  openGap(topic: string): GapRequest | null {
    return this.topics.get(topic)?.gap ?? null;
  }

  /** Decide what to do with one envelope (already size-checked; its payload is validated later). */
  offer(env: FeedEnvelope): OfferResult {
    if (this.epochValue === null) this.epochValue = env.epoch;
    else if (env.epoch !== this.epochValue) return { kind: 'epoch', epoch: env.epoch };
    const p = this.pos(env.topic);
    if (env.seq <= p.last || p.held.has(env.seq)) return { kind: 'duplicate' };
    if (this.kindOf(env.topic) !== 'event') {
      p.last = env.seq;
      return { kind: 'deliver', envelopes: [env] };
    }
    if (env.seq === p.last + 1 && p.gap === null) {
      p.last = env.seq;
      return { kind: 'deliver', envelopes: [env, ...this.release(p)] };
    }
    p.held.set(env.seq, env);
    if (p.gap !== null) return { kind: 'held', gap: null };
    p.gap = { topic: env.topic, after: p.last, upTo: this.lowestHeld(p) - 1 };
    return { kind: 'held', gap: p.gap };
  }

  /**
   * The result of a range fetch for `topic` (any order, may overlap what is held or delivered). Returns
   * what can now be delivered in order, and the next range to fetch if a hole remains (paging).
   */
  fill(topic: string, envelopes: readonly FeedEnvelope[]): { envelopes: FeedEnvelope[]; gap: GapRequest | null } {
    const p = this.pos(topic);
    const out: FeedEnvelope[] = [];
    const sorted = [...envelopes].filter((e) => e.topic === topic && e.epoch === this.epochValue).sort((a, b) => a.seq - b.seq);
    for (const env of sorted) {
      if (env.seq <= p.last) continue;
      if (env.seq === p.last + 1) {
        p.last = env.seq;
        out.push(env);
        out.push(...this.release(p));
      } else if (!p.held.has(env.seq)) {
        p.held.set(env.seq, env);
      }
    }
    p.gap = null;
    if (p.held.size > 0) p.gap = { topic, after: p.last, upTo: this.lowestHeld(p) - 1 };
    return { envelopes: out, gap: p.gap };
  }

  /**
   * Abandon the hole of `topic` (history gone, or the held buffer is full): skip to the lowest held
   * message and release. Returns the delivered envelopes and how many seqs were lost.
   */
  giveUp(topic: string): { envelopes: FeedEnvelope[]; lost: number } {
    const p = this.pos(topic);
    p.gap = null;
    if (p.held.size === 0) return { envelopes: [], lost: 0 };
    const low = this.lowestHeld(p);
    const lost = low - p.last - 1;
    p.last = low - 1;
    return { envelopes: this.release(p), lost };
  }

  private release(p: TopicPosition): FeedEnvelope[] {
    const out: FeedEnvelope[] = [];
    for (;;) {
      const next = p.held.get(p.last + 1);
      if (!next) break;
      p.held.delete(p.last + 1);
      p.last += 1;
      out.push(next);
    }
    // Held messages at or below the position (delivered meanwhile by a fill) are duplicates now.
    for (const seq of p.held.keys()) if (seq <= p.last) p.held.delete(seq);
    return out;
  }

  private lowestHeld(p: TopicPosition): number {
    let low = Infinity;
    for (const seq of p.held.keys()) if (seq < low) low = seq;
    return low;
  }

  private pos(topic: string): TopicPosition {
    let p = this.topics.get(topic);
    if (!p) {
      p = { last: 0, held: new Map(), gap: null };
      this.topics.set(topic, p);
    }
    return p;
  }
}
