/**
 * A recording as the replay player sees it (after Foxglove's IIterableSource): messages in time order,
 * ranges by binary search on receiveTime, and the backfill that rebuilds state at an instant. It knows
 * nothing about clocks, speed or loop; the player owns those.
 */
import { TOPICS, type Message, type Topic } from './schemas';

export class MessageIndex {
  readonly messages: readonly Message[];
  private readonly times: Float64Array;
  /** Indices (into messages) of every 'event'-topic message, ascending. */
  private readonly eventIdx: Int32Array;
  /** Per 'snapshot' topic, indices of its messages, ascending. */
  private readonly snapshotIdx: Int32Array[];

  /** `messages` must be in non-decreasing receiveTime (parseRecording guarantees it). */
  constructor(messages: readonly Message[]) {
    this.messages = messages;
    this.times = new Float64Array(messages.length);
    const events: number[] = [];
    const snapshots = new Map<Topic, number[]>();
    for (let i = 0; i < messages.length; i += 1) {
      const m = messages[i] as Message;
      if (i > 0 && m.receiveTime < (this.times[i - 1] as number)) {
        throw new RangeError(`MessageIndex: message ${i} is earlier than message ${i - 1}`);
      }
      this.times[i] = m.receiveTime;
      if (TOPICS[m.topic].kind === 'event') events.push(i);
      else {
        let list = snapshots.get(m.topic);
        if (!list) snapshots.set(m.topic, (list = []));
        list.push(i);
      }
    }
    this.eventIdx = Int32Array.from(events);
    this.snapshotIdx = [...snapshots.values()].map((l) => Int32Array.from(l));
  }

  get length(): number {
    return this.messages.length;
  }

  /** Index of the first message with receiveTime > time (messages.length if none). */
  upperBound(time: number): number {
    let lo = 0;
    let hi = this.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.times[mid] as number) <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Messages [from, to) by index, as a fresh array the caller may keep. */
  slice(from: number, to: number): Message[] {
    return this.messages.slice(from, to);
  }

  /**
   * The messages that rebuild state as of `time`, in time (file) order: every event-topic message with
   * receiveTime ≤ time, plus the latest message ≤ time of each snapshot topic (earlier snapshots are
   * superseded and left out).
   */
  backfill(time: number): Message[] {
    const limit = this.upperBound(time); // messages [0, limit) have receiveTime ≤ time
    const end = upperBound(this.eventIdx, limit - 1); // eventIdx [0, end) are among them
    const picks: number[] = [];
    for (const list of this.snapshotIdx) {
      const pos = upperBound(list, limit - 1) - 1;
      if (pos >= 0) picks.push(list[pos] as number);
    }
    picks.sort((a, b) => a - b);
    // Merge the few snapshot picks into the (already sorted) event indices.
    const out: Message[] = [];
    let p = 0;
    for (let e = 0; e < end; e += 1) {
      const idx = this.eventIdx[e] as number;
      while (p < picks.length && (picks[p] as number) < idx) out.push(this.messages[picks[p++] as number] as Message);
      out.push(this.messages[idx] as Message);
    }
    while (p < picks.length) out.push(this.messages[picks[p++] as number] as Message);
    return out;
  }
}

/** Position of the first element > value in an ascending integer array. */
function upperBound(arr: Int32Array, value: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
