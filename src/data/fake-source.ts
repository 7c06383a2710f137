/**
 * An in-memory Source for tests: it delivers exactly what the test pushes, through the real contract.
 * An ordinary module (lesson 12: fakes as ordinary files).
 */
import type { Message } from '../../data-adapters/schemas';
import type { Capability, Source, SourceListener, SourceState } from '../../data-adapters/source';

export interface FakeSource extends Source {
  push(batch: Message[], backfill?: boolean): void;
  rebuild(batch: Message[]): void;
  setState(patch: Partial<SourceState>): void;
}

export function createFakeSource(start = 0): FakeSource {
  let listener: SourceListener | null = null;
  let state: SourceState = {
    kind: 'recorded',
    status: 'idle',
    clock: { startTime: start, endTime: null, currentTime: start, speed: 1, loop: false },
    health: { accepted: 0, rejected: 0, rejectedByTopic: {}, lastError: null },
    error: null,
  };
  return {
    kind: 'recorded',
    topics: [],
    capabilities: new Set<Capability>(),
    setListener(l) {
      listener = l;
    },
    async start() {
      state = { ...state, status: 'playing' };
      listener?.state(state);
    },
    close() {
      listener = null;
    },
    getState: () => state,
    push(batch, backfill = false) {
      listener?.messages(batch, { backfill });
    },
    rebuild(batch) {
      listener?.reset();
      listener?.messages(batch, { backfill: true });
    },
    setState(patch) {
      state = { ...state, ...patch };
      listener?.state(state);
    },
  };
}
