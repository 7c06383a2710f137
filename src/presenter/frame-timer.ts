/**
 * Timers for the shared clock on a busy wall page. A page that is behind on frames (a software-rendered
 * map, a scene being built) makes Chromium run the overdue frame before a due setTimeout: measured on a
 * loaded wall, a command's timer ran 650 ms after the task before it had ended, behind a whole frame.
 * So the follower's wake-up also checks at the start of every animation frame and fires from whichever
 * comes first. Fired from a frame, the change is rendered in that very frame (Vue's update runs in the
 * microtask right after the callback), and `firstFrame` reports that frame rather than the next one.
 */

let frameOnNow: number | null = null;

export interface FrameTimerEnv {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(h: unknown): void;
  requestAnimationFrame(cb: (ts: number) => void): number;
  cancelAnimationFrame(h: number): void;
}

const pageEnv = (): FrameTimerEnv => ({
  now: () => performance.timeOrigin + performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as number),
  requestAnimationFrame: (cb) => requestAnimationFrame(cb),
  cancelAnimationFrame: (h) => cancelAnimationFrame(h),
});

interface Handle {
  cancel(): void;
}

/** Calls fn once, `ms` from now: at the timeout or at the first animation frame starting after it. */
export function setFrameAlignedTimer(fn: () => void, ms: number, env: FrameTimerEnv = pageEnv()): Handle {
  const target = env.now() + ms;
  let done = false;
  let raf = 0;
  const finish = () => {
    done = true;
    env.clearTimeout(timer);
    env.cancelAnimationFrame(raf);
  };
  const timer = env.setTimeout(() => {
    if (done) return;
    finish();
    fn();
  }, ms);
  const onFrame = (ts: number) => {
    if (done) return;
    if (env.now() < target) {
      raf = env.requestAnimationFrame(onFrame);
      return;
    }
    finish();
    frameOnNow = performance.timeOrigin + ts;
    try {
      fn();
    } finally {
      frameOnNow = null;
    }
  };
  raf = env.requestAnimationFrame(onFrame);
  return { cancel: finish };
}

export function clearFrameAlignedTimer(h: unknown): void {
  (h as Handle | null)?.cancel();
}

/**
 * Calls back with the epoch time of the first frame that shows a change made now, and the time its
 * rendering work was done: the current frame when called from a frame-aligned timer firing in one,
 * else the next animation frame.
 */
export function firstFrame(cb: (frameTime: number, doneTime: number) => void, now: () => number = () => performance.timeOrigin + performance.now()): void {
  if (frameOnNow !== null) {
    const frame = frameOnNow;
    // After the microtask in which Vue renders the change (queued when the change was made, so first).
    queueMicrotask(() => cb(frame, now()));
    return;
  }
  requestAnimationFrame((ts) => cb(performance.timeOrigin + ts, now()));
}
