/**
 * How every source calls its listener. A throwing store must not leave a source half-updated (clock
 * advanced, batch not recorded as delivered), so the error is re-raised on a later microtask — it still
 * reaches the console and error handlers, as a DOM event listener's would — and the source carries on.
 */
import type { Message } from './schemas';
import type { MessageBatchInfo, SourceListener, SourceState } from './source';

export interface ListenerCaller {
  setListener(listener: SourceListener | null): void;
  call(fn: (l: SourceListener) => void): void;
  emitState(state: SourceState): void;
  /** Empty batches are not delivered. */
  emitMessages(batch: readonly Message[], info: MessageBatchInfo): void;
}

export function createListenerCaller(): ListenerCaller {
  let listener: SourceListener | null = null;
  const call = (fn: (l: SourceListener) => void): void => {
    if (!listener) return;
    try {
      fn(listener);
    } catch (err) {
      queueMicrotask(() => {
        throw err;
      });
    }
  };
  return {
    setListener: (l) => {
      listener = l;
    },
    call,
    emitState: (state) => call((l) => l.state(state)),
    emitMessages: (batch, info) => {
      if (batch.length > 0) call((l) => l.messages(batch, info));
    },
  };
}
