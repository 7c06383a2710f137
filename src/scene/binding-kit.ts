/**
 * The kit every binding file uses (core bindings in ./bindings.ts, one file per domain in ./bind/):
 * kept apart from the aggregate so domain files never import it back (no import cycle).
 */
import type { PayloadOf, Topic } from '../../data-adapters/schemas';
import type { WallStores } from '../stores';
import type { SnapshotTopicName } from '../stores/topics';
import type { DataShape, DataShapes } from '../panels/types';

export interface Binding<T> {
  /** The data shape select() returns; panel kinds declare which shapes they draw (panels/registry.ts). */
  shape: DataShape;
  topics: readonly Topic[];
  /** The source system the data comes from (shown on demand on the panel), e.g. '数字城管' or '12345热线'. */
  source?: string;
  /** Default stale threshold, minutes of data time; a scene panel may override it. */
  staleMinutes: number;
  select(stores: WallStores): T | null;
  lastDataTime(stores: WallStores): number | null;
}

/** Define a binding that produces `shape`; the selector's type follows from the shape. */
export function binding<S extends DataShape>(shape: S, b: Omit<Binding<DataShapes[S]>, 'shape'>): Binding<DataShapes[S]> & { shape: S } {
  return { ...b, shape };
}

/**
 * A binding over the newest payload of one snapshot topic (stores.topics): stale by that payload's asOf.
 * Domain binding files (src/scene/bind/*.ts) are mostly made of these.
 */
export function fromTopic<S extends DataShape, T extends SnapshotTopicName>(
  shape: S,
  topic: T,
  staleMinutes: number,
  select: (payload: PayloadOf<T>, stores: WallStores) => DataShapes[S] | null,
): Binding<DataShapes[S]> & { shape: S } {
  return binding(shape, {
    topics: [topic],
    staleMinutes,
    lastDataTime: (s) => s.topics.asOf(topic),
    select: (s) => {
      const p = s.topics.latest(topic);
      return p === null ? null : select(p, s);
    },
  });
}
