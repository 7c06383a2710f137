/**
 * Wires a Source's listener to the stores. The stores cannot tell which kind of source feeds them.
 * Each message batch reaches each store once (one reactive update per store per batch).
 */
import type { Source } from '../../data-adapters/source';
import type { WallStores } from '../stores';

export interface Connection {
  /** Batches and messages delivered so far (plain counters for the hooks/bench). */
  readonly batches: number;
  readonly messages: number;
  disconnect(): void;
}

export function connectSource(source: Source, stores: WallStores): Connection {
  let batches = 0;
  let messages = 0;
  let connected = true;
  source.setListener({
    reset() {
      if (!connected) return;
      stores.cases.reset();
      stores.rates.reset();
      stores.systems.reset();
      stores.volumes.reset();
      stores.topics.reset();
      stores.facilities.reset();
    },
    messages(batch, info) {
      if (!connected || batch.length === 0) return;
      batches += 1;
      messages += batch.length;
      stores.cases.apply(batch, info.backfill);
      stores.rates.apply(batch);
      stores.systems.apply(batch);
      stores.volumes.apply(batch);
      stores.topics.apply(batch);
      stores.facilities.apply(batch);
    },
    state(state) {
      if (!connected) return;
      stores.source.set(state);
    },
  });
  stores.source.set(source.getState());
  return {
    get batches() {
      return batches;
    },
    get messages() {
      return messages;
    },
    disconnect() {
      connected = false;
    },
  };
}
