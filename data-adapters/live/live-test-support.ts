/** Helpers for the live source's tests: a recording listener and condition waits (no fixed sleeps). */
import type { Message } from '../schemas';
import type { SourceListener, SourceState } from '../source';

export interface Collected extends SourceListener {
  resets: number;
  batches: { messages: readonly Message[]; backfill: boolean }[];
  last: SourceState | null;
  /** Every delivered message of a topic, in delivery order. */
  of(topic: string): Message[];
  all(): Message[];
}

export function collect(): Collected {
  const c: Collected = {
    resets: 0,
    batches: [],
    last: null,
    reset() {
      c.resets += 1;
    },
    messages(batch, info) {
      c.batches.push({ messages: [...batch], backfill: info.backfill });
    },
    state(s) {
      c.last = s;
    },
    of(topic) {
      return c.all().filter((m) => m.topic === topic);
    },
    all() {
      return c.batches.flatMap((b) => b.messages);
    },
  };
  return c;
}

/** Poll `condition` until it holds; fail after a generous timeout (this is not a timing assertion). */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** seqs of messages, for compact assertions. */
export const seqs = (ms: readonly Message[]): (number | undefined)[] => ms.map((m) => m.seq);
export const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
