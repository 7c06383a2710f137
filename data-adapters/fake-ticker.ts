/**
 * A fake monotonic clock and ticker for tests: `now` and `schedule` to inject into ReplayClock or
 * createRecordedSource, and `advance(ms)` to move time and fire the scheduled callbacks. No real timers.
 */
import type { Now, Schedule } from './replay-clock';

export interface FakeTicker {
  now: Now;
  schedule: Schedule;
  /** Move real time forward by `ms`, firing each scheduled callback once per elapsed interval. */
  advance(ms: number): void;
  /** Callbacks currently scheduled. */
  readonly active: number;
}

export function createFakeTicker(start = 1_000): FakeTicker {
  let current = start;
  interface Task { cb: () => void; intervalMs: number; due: number }
  const tasks = new Set<Task>();
  return {
    now: () => current,
    schedule(cb, intervalMs) {
      const task: Task = { cb, intervalMs, due: current + intervalMs };
      tasks.add(task);
      return () => {
        tasks.delete(task);
      };
    },
    advance(ms) {
      const target = current + ms;
      for (;;) {
        let next: Task | null = null;
        for (const task of tasks) if (task.due <= target && (!next || task.due < next.due)) next = task;
        if (!next) break;
        current = next.due;
        next.due += next.intervalMs;
        next.cb();
      }
      current = target;
    },
    get active() {
      return tasks.size;
    },
  };
}
