import { describe, expect, it } from 'vitest';
import { clearFrameAlignedTimer, setFrameAlignedTimer, type FrameTimerEnv } from './frame-timer';

/** Hand-driven time, timeouts and animation frames. */
function fakeEnv() {
  let now = 1000;
  let timeouts: { at: number; fn: () => void; id: number }[] = [];
  let frames: { cb: (ts: number) => void; id: number }[] = [];
  let nextId = 1;
  const env: FrameTimerEnv = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timeouts.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (h) => {
      timeouts = timeouts.filter((t) => t.id !== h);
    },
    requestAnimationFrame: (cb) => {
      const id = nextId++;
      frames.push({ cb, id });
      return id;
    },
    cancelAnimationFrame: (h) => {
      frames = frames.filter((f) => f.id !== h);
    },
  };
  return {
    env,
    /** Advance to `t`, running due timeouts (a starved page: pass runTimers false). */
    advance(t: number, runTimers = true) {
      now = t;
      if (!runTimers) return;
      const due = timeouts.filter((x) => x.at <= t);
      timeouts = timeouts.filter((x) => x.at > t);
      due.forEach((x) => x.fn());
    },
    frame() {
      const run = frames;
      frames = [];
      run.forEach((f) => f.cb(now - performance.timeOrigin));
    },
    pending: () => ({ timeouts: timeouts.length, frames: frames.length }),
  };
}

describe('setFrameAlignedTimer', () => {
  it('fires from the timeout on an idle page, once, and stops asking for frames', () => {
    const f = fakeEnv();
    let fired = 0;
    setFrameAlignedTimer(() => fired++, 100, f.env);
    f.frame(); // a frame before the time: keeps waiting
    expect(fired).toBe(0);
    f.advance(1100);
    expect(fired).toBe(1);
    f.frame();
    expect(fired).toBe(1);
    expect(f.pending()).toEqual({ timeouts: 0, frames: 0 });
  });

  it('fires from the first frame after the time when the timeout is held back (a page behind on frames)', () => {
    const f = fakeEnv();
    let fired = 0;
    setFrameAlignedTimer(() => fired++, 100, f.env);
    f.advance(1150, false);
    f.frame();
    expect(fired).toBe(1);
    f.advance(1200);
    expect(fired).toBe(1);
    expect(f.pending()).toEqual({ timeouts: 0, frames: 0 });
  });

  it('cancels both ways', () => {
    const f = fakeEnv();
    let fired = 0;
    const h = setFrameAlignedTimer(() => fired++, 100, f.env);
    clearFrameAlignedTimer(h);
    f.advance(2000);
    f.frame();
    expect(fired).toBe(0);
  });
});
