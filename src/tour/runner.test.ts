import { describe, expect, it } from 'vitest';
import { tourSchema, type Tour } from './schema';
import {
  advance,
  currentStep,
  isTourEnded,
  nextIndex,
  nextStep,
  pauseTour,
  resumeTour,
  startTour,
  stepBy,
  stepEndsAt,
  stepTo,
  type TourPlayback,
} from './runner';

/** Steps named s0, s1… holding 10 s, 20 s, 30 s (a tour of 60 s) unless told otherwise. */
function tour(loop: boolean, holds: number[] = [10, 20, 30], id = 't'): Tour {
  return tourSchema.parse({ id, title: 'T', loop, steps: holds.map((h, i) => ({ scene: `s${i}`, holdSeconds: h })) });
}

const T0 = 1_000_000;

describe('startTour / stepEndsAt', () => {
  it('starts playing on the first step, which ends one hold later', () => {
    const t = tour(true);
    const p = startTour(t, T0);
    expect(p).toEqual({ tourId: 't', index: 0, playing: true, stepStartedAt: T0, remainingMs: null });
    expect(stepEndsAt(p, t)).toBe(T0 + 10_000);
    expect(currentStep(p, t).scene).toBe('s0');
  });

  it('starts at a given index, clamped to the steps', () => {
    const t = tour(false);
    expect(startTour(t, T0, 2).index).toBe(2);
    expect(startTour(t, T0, 7).index).toBe(2);
    expect(startTour(t, T0, -3).index).toBe(0);
  });

  it('scales the hold', () => {
    const t = tour(true);
    const p = startTour(t, T0);
    expect(stepEndsAt(p, t, 0.01)).toBe(T0 + 100);
    expect(stepEndsAt(p, t, 2)).toBe(T0 + 20_000);
  });

  it('is null when paused and when a briefing has ended', () => {
    const t = tour(false);
    const paused = pauseTour(startTour(t, T0), t, T0 + 1000);
    expect(stepEndsAt(paused, t)).toBeNull();
    const ended = advance(startTour(t, T0), t, T0 + 60_000).playback;
    expect(isTourEnded(ended)).toBe(true);
    expect(stepEndsAt(ended, t)).toBeNull();
  });

  it('refuses a playback of another tour and a non-positive scale', () => {
    const a = tour(true, [10], 'a');
    const b = tour(true, [10], 'b');
    expect(() => stepEndsAt(startTour(a, T0), b)).toThrow(/"a", not "b"/);
    expect(() => advance(startTour(a, T0), a, T0, 0)).toThrow(/dwellScale/);
    expect(() => advance(startTour(a, T0), a, T0, Number.NaN)).toThrow(/dwellScale/);
  });
});

describe('advance: exact boundaries', () => {
  const t = tour(true);

  it('stays on the step until its end, and moves at exactly the end', () => {
    const p = startTour(t, T0);
    const before = advance(p, t, T0 + 9_999);
    expect(before.changed).toBe(false);
    expect(before.playback).toBe(p);
    const at = advance(p, t, T0 + 10_000);
    expect(at.changed).toBe(true);
    expect(at.playback.index).toBe(1);
    expect(at.playback.stepStartedAt).toBe(T0 + 10_000);
  });

  it('starts the next step when the last one ended, not when the tick came', () => {
    const late = advance(startTour(t, T0), t, T0 + 13_500).playback;
    expect(late.index).toBe(1);
    expect(late.stepStartedAt).toBe(T0 + 10_000); // not T0 + 13_500
    expect(stepEndsAt(late, t)).toBe(T0 + 30_000);
  });

  it('gives the same result in one call as in many small ticks', () => {
    let p: TourPlayback = startTour(t, T0);
    const seen: [number, number][] = [];
    for (let at = T0; at <= T0 + 200_000; at += 777) {
      const r = advance(p, t, at);
      if (r.changed) seen.push([r.playback.index, r.playback.stepStartedAt]);
      p = r.playback;
    }
    expect(advance(startTour(t, T0), t, T0 + 200_000).playback).toEqual(advance(p, t, T0 + 200_000).playback);
    // Every start is the previous start plus the previous step's hold: no drift from the 777 ms ticks.
    const holds = [10_000, 20_000, 30_000];
    let expected = T0;
    let index = 0;
    for (const [i, start] of seen) {
      expected += holds[index]!;
      index = (index + 1) % 3;
      expect([i, start]).toEqual([index, expected]);
    }
    expect(seen.length).toBeGreaterThan(5);
  });

  it('skips many steps at once after a long stall, landing on the right step and start', () => {
    const p = startTour(t, T0);
    // 1000 cycles of 60 s, then 10 + 20 + 5 s into the next: step 2, started 30 s into that cycle.
    const at = T0 + 1000 * 60_000 + 35_000;
    const r = advance(p, t, at);
    expect(r.playback.index).toBe(2);
    expect(r.playback.stepStartedAt).toBe(T0 + 1000 * 60_000 + 30_000);
    expect(r.playback.playing).toBe(true);
  });

  it('lands exactly on a cycle boundary after a stall', () => {
    const r = advance(startTour(t, T0), t, T0 + 5 * 60_000);
    expect(r.playback.index).toBe(0);
    expect(r.playback.stepStartedAt).toBe(T0 + 5 * 60_000);
  });

  it('skips steps from the middle of the tour too', () => {
    const mid = stepTo(startTour(t, T0), t, 1, T0); // step 1 (20 s) from T0
    const r = advance(mid, t, T0 + 20_000 + 30_000 + 10_000 + 60_000 * 3 + 1);
    // 1 ends at +20, 2 at +50, 0 at +60, then three cycles: step 1 started at +240 s.
    expect(r.playback.index).toBe(1);
    expect(r.playback.stepStartedAt).toBe(T0 + 60_000 + 180_000);
  });

  it('applies the scale to every step', () => {
    const r = advance(startTour(t, T0), t, T0 + 350, 0.01); // 100 + 200 ms passed; 50 ms into step 2
    expect(r.playback.index).toBe(2);
    expect(r.playback.stepStartedAt).toBe(T0 + 300);
    expect(stepEndsAt(r.playback, t, 0.01)).toBe(T0 + 600);
  });

  it('does nothing while paused', () => {
    const paused = pauseTour(startTour(t, T0), t, T0 + 1000);
    const r = advance(paused, t, T0 + 10_000_000);
    expect(r.changed).toBe(false);
    expect(r.playback).toBe(paused);
  });
});

describe('loop vs stop at the end', () => {
  it('a looping tour starts over at the step after the last', () => {
    const t = tour(true);
    const r = advance(startTour(t, T0, 2), t, T0 + 30_000);
    expect(r.playback).toMatchObject({ index: 0, playing: true, stepStartedAt: T0 + 30_000 });
  });

  it('a briefing stays on its last step, ended, and remembers when that step began', () => {
    const t = tour(false);
    const r = advance(startTour(t, T0), t, T0 + 60_000);
    expect(r.changed).toBe(true);
    expect(r.playback).toEqual({ tourId: 't', index: 2, playing: false, stepStartedAt: T0 + 30_000, remainingMs: null });
    expect(isTourEnded(r.playback)).toBe(true);
    // Long after: still there.
    expect(advance(r.playback, t, T0 + 10_000_000).playback).toBe(r.playback);
    // One ms before the end it was still playing.
    expect(advance(startTour(t, T0), t, T0 + 59_999).playback).toMatchObject({ index: 2, playing: true });
  });

  it('a briefing stalled past its end ends on the last step', () => {
    const t = tour(false);
    const r = advance(startTour(t, T0), t, T0 + 1e9);
    expect(r.playback).toMatchObject({ index: 2, playing: false, remainingMs: null, stepStartedAt: T0 + 30_000 });
  });

  it('a one-step looping tour keeps restarting that step on its boundaries', () => {
    const t = tour(true, [5]);
    const r = advance(startTour(t, T0), t, T0 + 12_000);
    expect(r.playback).toMatchObject({ index: 0, playing: true, stepStartedAt: T0 + 10_000 });
    expect(r.changed).toBe(true);
  });
});

describe('pause and resume', () => {
  const t = tour(true);

  it('pause keeps what is left of the step; resume ends the step that much later', () => {
    const paused = pauseTour(startTour(t, T0), t, T0 + 4_000);
    expect(paused).toMatchObject({ index: 0, playing: false, remainingMs: 6_000 });
    const resumed = resumeTour(paused, t, T0 + 100_000);
    expect(resumed.playing).toBe(true);
    expect(resumed.remainingMs).toBeNull();
    expect(stepEndsAt(resumed, t)).toBe(T0 + 106_000);
    // stepStartedAt is the virtual start: progress of the step is still 40 % right after the resume.
    expect((T0 + 100_000 - resumed.stepStartedAt) / 10_000).toBeCloseTo(0.4, 10);
    expect(advance(resumed, t, T0 + 105_999).playback.index).toBe(0);
    expect(advance(resumed, t, T0 + 106_000).playback).toMatchObject({ index: 1, stepStartedAt: T0 + 106_000 });
  });

  it('pause passes the steps that ended before it (the caller had not advanced)', () => {
    const paused = pauseTour(startTour(t, T0), t, T0 + 15_000);
    expect(paused).toMatchObject({ index: 1, playing: false, remainingMs: 15_000 });
  });

  it('pause and resume honour the scale', () => {
    const paused = pauseTour(startTour(t, T0), t, T0 + 40, 0.01);
    expect(paused.remainingMs).toBe(60);
    const resumed = resumeTour(paused, t, T0 + 1_000, 0.01);
    expect(stepEndsAt(resumed, t, 0.01)).toBe(T0 + 1_060);
  });

  it('pausing twice or resuming a playing tour changes nothing', () => {
    const p = startTour(t, T0);
    expect(resumeTour(p, t, T0 + 5)).toBe(p);
    const paused = pauseTour(p, t, T0 + 1_000);
    expect(pauseTour(paused, t, T0 + 9_000)).toBe(paused);
  });

  it('a briefing that ended is not resumed (it is replayed with startTour or moved with stepTo)', () => {
    const b = tour(false);
    const ended = advance(startTour(b, T0), b, T0 + 60_000).playback;
    expect(resumeTour(ended, b, T0 + 70_000)).toBe(ended);
    expect(pauseTour(ended, b, T0 + 70_000)).toBe(ended);
  });

  it('pausing a briefing after its end leaves it ended', () => {
    const b = tour(false);
    const r = pauseTour(startTour(b, T0), b, T0 + 61_000);
    expect(isTourEnded(r)).toBe(true);
  });

  it('a pause at exactly the end of a step lands on the next step with its full hold', () => {
    const paused = pauseTour(startTour(t, T0), t, T0 + 10_000);
    expect(paused).toMatchObject({ index: 1, remainingMs: 20_000 });
  });
});

describe('stepTo / stepBy: next, previous, go-to', () => {
  it('wraps both ways when the tour loops', () => {
    const t = tour(true);
    const p = startTour(t, T0, 2);
    expect(stepBy(p, t, 1, T0 + 1).index).toBe(0);
    expect(stepBy(startTour(t, T0), t, -1, T0 + 1).index).toBe(2);
    expect(stepTo(p, t, 7, T0).index).toBe(1);
    expect(stepTo(p, t, -4, T0).index).toBe(2);
  });

  it('clamps both ways when it does not', () => {
    const t = tour(false);
    expect(stepBy(startTour(t, T0, 2), t, 1, T0).index).toBe(2);
    expect(stepBy(startTour(t, T0), t, -1, T0).index).toBe(0);
    expect(stepTo(startTour(t, T0), t, 99, T0).index).toBe(2);
  });

  it('restarts the dwell of the step it goes to', () => {
    const t = tour(true);
    const p = advance(startTour(t, T0), t, T0 + 12_000).playback; // step 1, 2 s in
    const q = stepTo(p, t, 2, T0 + 12_000);
    expect(q).toMatchObject({ index: 2, playing: true, stepStartedAt: T0 + 12_000 });
    expect(stepEndsAt(q, t)).toBe(T0 + 42_000);
    // Going to the step already shown restarts it too.
    expect(stepTo(q, t, 2, T0 + 20_000).stepStartedAt).toBe(T0 + 20_000);
  });

  it('a paused tour stays paused on the new step, with its full hold left', () => {
    const t = tour(true);
    const paused = pauseTour(startTour(t, T0), t, T0 + 3_000);
    const q = stepTo(paused, t, 2, T0 + 5_000, 0.5);
    expect(q).toMatchObject({ index: 2, playing: false, remainingMs: 15_000 });
    expect(stepEndsAt(resumeTour(q, t, T0 + 9_000, 0.5), t, 0.5)).toBe(T0 + 24_000);
  });

  it('stepping back from the end of a briefing pauses there, ready to resume', () => {
    const t = tour(false);
    const ended = advance(startTour(t, T0), t, T0 + 60_000).playback;
    const back = stepBy(ended, t, -1, T0 + 70_000);
    expect(back).toMatchObject({ index: 1, playing: false, remainingMs: 20_000 });
    const playing = resumeTour(back, t, T0 + 71_000);
    expect(advance(playing, t, T0 + 91_000).playback).toMatchObject({ index: 2, playing: true, stepStartedAt: T0 + 91_000 });
  });
});

describe('nextStep / nextIndex', () => {
  it('is the following step, wrapping on a loop', () => {
    const t = tour(true);
    expect(nextStep(startTour(t, T0), t)?.scene).toBe('s1');
    expect(nextStep(startTour(t, T0, 2), t)?.scene).toBe('s0');
    expect(nextIndex(startTour(t, T0, 2), t)).toBe(0);
  });

  it('is null on the last step of a briefing', () => {
    const t = tour(false);
    expect(nextStep(startTour(t, T0, 2), t)).toBeNull();
    expect(nextIndex(startTour(t, T0, 1), t)).toBe(2);
  });

  it('clamps an index that no longer fits the tour (a tour file edited under a running playback)', () => {
    const t = tour(true);
    const stale: TourPlayback = { tourId: 't', index: 9, playing: true, stepStartedAt: T0, remainingMs: null };
    expect(currentStep(stale, t).scene).toBe('s2');
    expect(nextStep(stale, t)?.scene).toBe('s0');
  });
});

describe('a tour running through on a fast clock', () => {
  it('shows every step for its scaled hold, in order, then ends', () => {
    const t = tour(false, [30, 45, 60, 20]);
    const scale = 0.001; // 30 ms, 45 ms, 60 ms, 20 ms
    let p = startTour(t, 0);
    const shown: { index: number; from: number }[] = [{ index: 0, from: 0 }];
    for (let at = 0; at <= 500; at += 1) {
      const r = advance(p, t, at, scale);
      if (r.changed && r.playback.playing) shown.push({ index: r.playback.index, from: r.playback.stepStartedAt });
      p = r.playback;
    }
    expect(shown.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    const durations = shown.slice(1).map((s, i) => s.from - shown[i]!.from);
    durations.forEach((d, i) => expect(d).toBeCloseTo(t.steps[i]!.holdSeconds, 6));
    expect(isTourEnded(p)).toBe(true);
  });
});
