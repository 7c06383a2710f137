/**
 * One-shot timers on top of the injectable interval `Schedule` (replay-clock.ts), so the live source's
 * retries and polls run on the fake ticker in tests just like the replay clock does.
 */
import type { Cancel, Schedule } from '../replay-clock';

export function scheduleOnce(schedule: Schedule, cb: () => void, delayMs: number): Cancel {
  let done = false;
  // The interval fires once; cancelling it inside its own callback is safe for setInterval and the fake ticker.
  const cancel = schedule(() => {
    if (done) return;
    done = true;
    cancel();
    cb();
  }, Math.max(1, delayMs));
  return () => {
    done = true;
    cancel();
  };
}
