/**
 * The newest payload of every snapshot topic, kept generically: a domain whose panels only read "the
 * latest snapshot" (hotline, evaluation, flood, parking, …) needs no store of its own. Selectors over the
 * payloads live with the domain's bindings. Newest by `asOf` wins; an older redelivery is counted and
 * dropped, as in reducers/snapshots.ts.
 */
import { defineStore } from 'pinia';
import { shallowRef, type ShallowRef } from 'vue';
import { TOPICS, type Message, type PayloadOf, type Topic } from '../../data-adapters/schemas';
import { emptySnapshot, type Snapshot } from './reducers/snapshots';

export type SnapshotTopicName = { [T in Topic]: (typeof TOPICS)[T]['kind'] extends 'snapshot' ? T : never }[Topic];

const SNAPSHOT_TOPIC_NAMES = (Object.keys(TOPICS) as Topic[]).filter((t) => TOPICS[t].kind === 'snapshot') as SnapshotTopicName[];

/** Fold a batch into one topic's snapshot: newest asOf wins, ties go to the later message. Pure. */
export function foldSnapshot<P>(prev: Snapshot<P>, batch: readonly Message[], topic: Topic): Snapshot<P> {
  let next = prev;
  for (const m of batch) {
    if (m.topic !== topic) continue;
    const payload = m.payload as unknown as P & { asOf?: unknown };
    const asOf = typeof payload.asOf === 'number' ? payload.asOf : m.receiveTime;
    if (next.lastDataTime !== null && asOf < next.lastDataTime) {
      next = { ...next, outOfOrder: next.outOfOrder + 1 };
      continue;
    }
    next = { value: payload, lastDataTime: asOf, outOfOrder: next.outOfOrder };
  }
  return next;
}

export const useTopicsStore = defineStore('topics', () => {
  const snaps = new Map<Topic, ShallowRef<Snapshot<unknown>>>();
  for (const t of SNAPSHOT_TOPIC_NAMES) snaps.set(t, shallowRef(emptySnapshot()));

  function apply(batch: readonly Message[]): void {
    if (batch.length === 0) return;
    const touched = new Set<Topic>();
    for (const m of batch) if (snaps.has(m.topic)) touched.add(m.topic);
    for (const t of touched) {
      const ref = snaps.get(t)!;
      const next = foldSnapshot(ref.value, batch, t);
      if (next !== ref.value) ref.value = next;
    }
  }
  function reset(): void {
    for (const ref of snaps.values()) ref.value = emptySnapshot();
  }
  /** The newest payload of a snapshot topic, or null before its first message. Reactive. */
  function latest<T extends SnapshotTopicName>(topic: T): PayloadOf<T> | null {
    return (snaps.get(topic)?.value.value ?? null) as PayloadOf<T> | null;
  }
  /** asOf of the payload held (data-clock ms), or null. Reactive. */
  function asOf(topic: SnapshotTopicName): number | null {
    return snaps.get(topic)?.value.lastDataTime ?? null;
  }
  return { apply, reset, latest, asOf };
});
