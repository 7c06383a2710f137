import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tourSchema, type Tour } from './schema';
import { startLocalTour, type LocalTourDeps } from './local-player';

function tour(loop: boolean, holds = [10, 20, 30]): Tour {
  return tourSchema.parse({
    id: 'local',
    title: 'L',
    loop,
    steps: holds.map((h, i) => ({ scene: `s${i}`, holdSeconds: h, highlight: { panelId: `p${i}` } })),
  });
}

const T0 = 1_700_000_000_000;

/** Deps on vitest's fake clock, recording every scene shown with the fake time it was shown at. */
function deps(extra: Partial<LocalTourDeps<ReturnType<typeof setTimeout>>> = {}) {
  const shown: { scene: string; at: number; panel?: string }[] = [];
  const d: LocalTourDeps<ReturnType<typeof setTimeout>> = {
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h),
    goTo: (scene, step) => shown.push({ scene, at: Date.now() - T0, panel: step.highlight?.panelId }),
    ...extra,
  };
  return { d, shown };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startLocalTour', () => {
  it('shows each step for its hold, in order, and loops', () => {
    const { d, shown } = deps();
    const player = startLocalTour(tour(true), d);
    vi.advanceTimersByTime(125_000);
    expect(shown).toEqual([
      { scene: 's0', at: 0, panel: 'p0' },
      { scene: 's1', at: 10_000, panel: 'p1' },
      { scene: 's2', at: 30_000, panel: 'p2' },
      { scene: 's0', at: 60_000, panel: 'p0' },
      { scene: 's1', at: 70_000, panel: 'p1' },
      { scene: 's2', at: 90_000, panel: 'p2' },
      { scene: 's0', at: 120_000, panel: 'p0' },
    ]);
    expect(player.playback()).toMatchObject({ index: 0, playing: true, stepStartedAt: T0 + 120_000 });
    player.stop();
  });

  it('stops on the last step of a tour that does not loop, with no timer left', () => {
    const { d, shown } = deps();
    const player = startLocalTour(tour(false), d);
    vi.advanceTimersByTime(60_000);
    expect(shown.map((s) => s.scene)).toEqual(['s0', 's1', 's2']);
    expect(player.playback()).toMatchObject({ index: 2, playing: false, remainingMs: null });
    expect(vi.getTimerCount()).toBe(0);
    player.pause(); // a finished briefing has nothing to come back to
    expect(vi.getTimerCount()).toBe(0);
  });

  it('honours the dwell scale and start index', () => {
    const { d, shown } = deps({ dwellScale: 0.1, startIndex: 1 });
    const player = startLocalTour(tour(true), d);
    vi.advanceTimersByTime(6_000);
    expect(shown.map((s) => [s.scene, s.at])).toEqual([
      ['s1', 0],
      ['s2', 2_000],
      ['s0', 5_000],
      ['s1', 6_000],
    ]);
    player.stop();
  });

  it('keeps exact step boundaries when a timer fires late', () => {
    // A timer that fires 4 s late (a busy main thread, a throttled tab).
    const { d, shown } = deps({ setTimer: (fn, ms) => setTimeout(fn, ms + 4_000) });
    const player = startLocalTour(tour(true), d);
    vi.advanceTimersByTime(14_000);
    expect(shown.map((s) => s.scene)).toEqual(['s0', 's1']);
    // Shown late, but the step started when the previous one ended: it ends 20 s after 10 s, not after 14 s.
    expect(player.playback().stepStartedAt).toBe(T0 + 10_000);
    vi.advanceTimersByTime(20_000); // 34 s: the s1 timer (due at 30 s, +4) fires now
    expect(shown.map((s) => [s.scene, s.at])).toEqual([
      ['s0', 0],
      ['s1', 14_000],
      ['s2', 34_000],
    ]);
    expect(player.playback().stepStartedAt).toBe(T0 + 30_000);
    player.stop();
  });

  it('a person’s key pauses the tour; it resumes after the idle time, showing the step again', () => {
    const { d, shown } = deps({ idleResumeMs: 120_000 });
    const player = startLocalTour(tour(true), d);
    vi.advanceTimersByTime(15_000); // on s1 since 10 s
    player.pause();
    expect(player.pausedBy).toBe('person');
    expect(player.playback()).toMatchObject({ index: 1, playing: false });
    vi.advanceTimersByTime(119_999);
    expect(shown.map((s) => s.scene)).toEqual(['s0', 's1']); // nothing moved while the person looked
    vi.advanceTimersByTime(1);
    expect(player.pausedBy).toBeNull();
    expect(shown.at(-1)).toEqual({ scene: 's1', at: 135_000, panel: 'p1' });
    // s1 is shown with a fresh 20 s hold, then the tour rotates on.
    vi.advanceTimersByTime(20_000);
    expect(shown.at(-1)).toEqual({ scene: 's2', at: 155_000, panel: 'p2' });
    player.stop();
  });

  it('every further key restarts the idle wait', () => {
    const { d, shown } = deps({ idleResumeMs: 60_000 });
    const player = startLocalTour(tour(true), d);
    player.pause();
    vi.advanceTimersByTime(50_000);
    player.pause();
    vi.advanceTimersByTime(50_000);
    player.pause();
    vi.advanceTimersByTime(59_000);
    expect(shown).toHaveLength(1);
    expect(player.pausedBy).toBe('person');
    vi.advanceTimersByTime(1_000);
    expect(shown.map((s) => [s.scene, s.at])).toEqual([
      ['s0', 0],
      ['s0', 160_000],
    ]);
    player.stop();
  });

  it('a hold waits for resume(), and a person’s key does not turn it into an idle resume', () => {
    const { d, shown } = deps({ idleResumeMs: 1_000 });
    const player = startLocalTour(tour(true), d);
    vi.advanceTimersByTime(5_000);
    player.pause({ untilResumed: true });
    player.pause();
    vi.advanceTimersByTime(600_000);
    expect(shown).toHaveLength(1);
    expect(player.pausedBy).toBe('hold');
    player.resume();
    expect(player.pausedBy).toBeNull();
    expect(shown.at(-1)).toEqual({ scene: 's0', at: 605_000, panel: 'p0' });
    vi.advanceTimersByTime(10_000);
    expect(shown.at(-1)?.scene).toBe('s1');
    player.stop();
  });

  it('resume() cuts the idle wait short; resume() when playing changes nothing', () => {
    const { d, shown } = deps();
    const player = startLocalTour(tour(true), d);
    player.resume();
    expect(shown).toHaveLength(1);
    player.pause();
    vi.advanceTimersByTime(3_000);
    player.resume();
    expect(shown.at(-1)).toEqual({ scene: 's0', at: 3_000, panel: 'p0' });
    expect(vi.getTimerCount()).toBe(1); // the step end only; the idle timer is gone
    vi.advanceTimersByTime(10_000);
    expect(shown.at(-1)?.scene).toBe('s1');
    player.stop();
  });

  it('stop() ends everything: no timers, no scene changes, later calls are ignored', () => {
    const { d, shown } = deps();
    const player = startLocalTour(tour(true), d);
    player.stop();
    expect(vi.getTimerCount()).toBe(0);
    player.pause();
    player.resume();
    vi.advanceTimersByTime(1_000_000);
    expect(shown).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('reports every change through onChange', () => {
    const changes: string[] = [];
    const { d } = deps({ onChange: (p) => changes.push(`${p.index}:${p.playing ? 'play' : 'pause'}`) });
    const player = startLocalTour(tour(true), d);
    vi.advanceTimersByTime(10_000);
    player.pause({ untilResumed: true });
    player.resume();
    expect(changes).toEqual(['0:play', '1:play', '1:pause', '1:play']);
    player.stop();
  });

  it('a one-step loop does not re-show its scene every round', () => {
    const { d, shown } = deps();
    const player = startLocalTour(tour(true, [5]), d);
    vi.advanceTimersByTime(60_000);
    expect(shown).toHaveLength(1);
    expect(player.playback().stepStartedAt).toBe(T0 + 60_000);
    player.stop();
  });
});
