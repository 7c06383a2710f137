/**
 * Per-topic polling loops: each topic runs `poll(topic)` every `intervalMs(topic)`; a failed poll is
 * retried after an exponential backoff with jitter (backoff.ts) instead, and a success resets it.
 * One request per topic is in flight at most: the next one is scheduled only when the last one settled,
 * so a slow server is never piled on, and stopping waits for nothing (a late answer is simply applied:
 * the sequencer drops what it already has).
 */
import type { Cancel, Schedule } from '../replay-clock';
import { Backoff, type BackoffPolicy } from './backoff';
import { scheduleOnce } from './timers';

export interface PollerOptions<T extends string> {
  topics: readonly T[];
  intervalMs: (topic: T) => number;
  /** One request for `topic`; reject on failure (the error is passed to onError). */
  poll: (topic: T) => Promise<void>;
  onError: (topic: T, err: unknown) => void;
  backoff: BackoffPolicy;
  schedule: Schedule;
  random?: () => number;
}

export interface Poller {
  start(): void;
  stop(): void;
  readonly running: boolean;
  /** Consecutive failures of a topic (0 after a success). */
  failures(topic: string): number;
}

export function createPoller<T extends string>(options: PollerOptions<T>): Poller {
  let running = false;
  /** Bumped on every start/stop, so a loop from a previous run never reschedules itself. */
  let generation = 0;
  const timers = new Map<T, Cancel>();
  const backoffs = new Map<T, Backoff>(options.topics.map((t) => [t, new Backoff(options.backoff, options.random)]));

  function loop(topic: T, gen: number): void {
    if (!running || gen !== generation) return;
    const b = backoffs.get(topic) as Backoff;
    options.poll(topic).then(
      () => {
        b.reset();
        next(topic, gen, options.intervalMs(topic));
      },
      (err: unknown) => {
        options.onError(topic, err);
        next(topic, gen, b.next());
      },
    );
  }

  function next(topic: T, gen: number, delay: number): void {
    if (!running || gen !== generation) return;
    timers.set(topic, scheduleOnce(options.schedule, () => loop(topic, gen), delay));
  }

  return {
    start() {
      if (running) return;
      running = true;
      generation += 1;
      for (const topic of options.topics) loop(topic, generation);
    },
    stop() {
      running = false;
      generation += 1;
      for (const cancel of timers.values()) cancel();
      timers.clear();
    },
    get running() {
      return running;
    },
    failures(topic) {
      return backoffs.get(topic as T)?.failures ?? 0;
    },
  };
}
