/**
 * Tour playback as pure functions of injected time: which step shows, when it ends, paused or not.
 * The hub (on its master clock), a standalone demo wall (local-player.ts) and the tests run this same
 * code, so a tour behaves the same wherever it plays. No DOM, no timers, no Date.now().
 *
 * States a playback can be in:
 *   - playing:  playing = true,  remainingMs = null; the step ends at stepEndsAt().
 *   - paused:   playing = false, remainingMs = what was left of the step (ms, already scaled).
 *   - ended:    playing = false, remainingMs = null; a non-looping tour that ran past its last step
 *               stays on that step (a briefing ends on its closing slide, not on a blank).
 *
 * `stepStartedAt` is the instant the step would have started had it played without a pause: after a
 * resume it is `at + remainingMs - hold`, so `(now - stepStartedAt) / hold` is the step's progress for a
 * progress bar, and the step ends exactly `remainingMs` after the resume.
 *
 * `dwellScale` multiplies every hold (tests run a briefing on a fast clock with 0.01). Pass the same
 * scale to every call for one playback; it defaults to 1.
 */
import type { Tour, TourStep } from './schema';

export type TourPlayback = {
  tourId: string;
  index: number;
  playing: boolean;
  stepStartedAt: number;
  remainingMs: number | null;
};

export interface AdvanceResult {
  playback: TourPlayback;
  /** True when anything in the playback differs from the one passed in (step, playing, start). */
  changed: boolean;
}

/** Hold of one step in ms at this scale. */
export function stepHoldMs(step: TourStep, dwellScale = 1): number {
  checkScale(dwellScale);
  return step.holdSeconds * 1000 * dwellScale;
}

/** Start a tour at `index` (clamped to the steps), playing, its first step starting at `at`. */
export function startTour(tour: Tour, at: number, index = 0): TourPlayback {
  return { tourId: tour.id, index: clampIndex(tour, index), playing: true, stepStartedAt: at, remainingMs: null };
}

/** The tour ran past its last step without looping. */
export function isTourEnded(p: TourPlayback): boolean {
  return !p.playing && p.remainingMs === null;
}

/**
 * Pause at `at`, keeping what is left of the step. Steps that ended before `at` are passed first (the
 * caller may not have advanced yet), so the pause lands on the step that was really showing.
 * Paused or ended playbacks come back unchanged.
 */
export function pauseTour(p: TourPlayback, tour: Tour, at: number, dwellScale = 1): TourPlayback {
  checkTour(p, tour);
  if (!p.playing) return p;
  const current = advance(p, tour, at, dwellScale).playback;
  if (!current.playing) return current; // ended on the way
  const endsAt = current.stepStartedAt + stepHoldMs(tour.steps[current.index]!, dwellScale);
  return { ...current, playing: false, remainingMs: Math.max(0, endsAt - at) };
}

/**
 * Resume a paused tour at `at`: the step ends at `at + remainingMs`. Playing or ended playbacks come back
 * unchanged (an ended briefing is replayed with startTour or moved with stepTo).
 */
export function resumeTour(p: TourPlayback, tour: Tour, at: number, dwellScale = 1): TourPlayback {
  checkTour(p, tour);
  if (p.playing || p.remainingMs === null) return p;
  const index = clampIndex(tour, p.index);
  const hold = stepHoldMs(tour.steps[index]!, dwellScale);
  return { ...p, index, playing: true, stepStartedAt: at + p.remainingMs - hold, remainingMs: null };
}

/**
 * Go to step `index` at `at` (next/prev/go-to from the remote or a clicker), restarting that step's dwell.
 * Out-of-range indices wrap when the tour loops and clamp when it does not. A playing tour keeps playing;
 * a paused or ended one is paused on the new step with its full hold left, so resume plays it through.
 */
export function stepTo(p: TourPlayback, tour: Tour, index: number, at: number, dwellScale = 1): TourPlayback {
  checkTour(p, tour);
  const target = tour.loop ? wrapIndex(tour, index) : clampIndex(tour, index);
  if (p.playing) return { ...p, index: target, stepStartedAt: at, remainingMs: null };
  return { ...p, index: target, playing: false, stepStartedAt: at, remainingMs: stepHoldMs(tour.steps[target]!, dwellScale) };
}

/** stepTo(p.index + delta): +1 is "next", −1 is "previous". */
export function stepBy(p: TourPlayback, tour: Tour, delta: number, at: number, dwellScale = 1): TourPlayback {
  return stepTo(p, tour, p.index + delta, at, dwellScale);
}

/** The instant the current step ends; null when paused or ended. */
export function stepEndsAt(p: TourPlayback, tour: Tour, dwellScale = 1): number | null {
  checkTour(p, tour);
  if (!p.playing) return null;
  return p.stepStartedAt + stepHoldMs(tour.steps[clampIndex(tour, p.index)]!, dwellScale);
}

/**
 * Move over every step whose end is ≤ `at`. Boundaries stay exact: step k+1 starts when step k ended, not
 * at `at`, so a late tick (a stalled timer, a sleeping laptop) does not stretch the tour. Past the last
 * step a looping tour starts over; a non-looping one stays on its last step, ended.
 */
export function advance(p: TourPlayback, tour: Tour, at: number, dwellScale = 1): AdvanceResult {
  checkTour(p, tour);
  checkScale(dwellScale);
  if (!p.playing) return { playback: p, changed: false };
  const last = tour.steps.length - 1;
  let index = clampIndex(tour, p.index);
  let start = p.stepStartedAt;
  const cycle = tour.steps.reduce((sum, s) => sum + stepHoldMs(s, dwellScale), 0);
  let end = start + stepHoldMs(tour.steps[index]!, dwellScale);
  if (end > at) {
    const changed = index !== p.index;
    return { playback: changed ? { ...p, index } : p, changed };
  }
  let playing = true;
  let steps = 0;
  while (end <= at) {
    if (index < last) {
      index += 1;
    } else if (tour.loop) {
      index = 0;
      // Back at the start: jump over whole cycles at once, so any stall costs at most one walk of the list.
      const cycles = Math.floor((at - end) / cycle);
      if (cycles > 0) {
        start = end + cycles * cycle;
        end = start + stepHoldMs(tour.steps[0]!, dwellScale);
        continue;
      }
    } else {
      playing = false;
      break;
    }
    start = end;
    end = start + stepHoldMs(tour.steps[index]!, dwellScale);
    steps += 1;
    if (steps > 3 * tour.steps.length + 3) break; // rounding guard: never spin
  }
  const playback: TourPlayback = playing
    ? { ...p, index, stepStartedAt: start, remainingMs: null }
    : { ...p, index, playing: false, stepStartedAt: start, remainingMs: null };
  return { playback, changed: !samePlayback(p, playback) };
}

/** The step on show. */
export function currentStep(p: TourPlayback, tour: Tour): TourStep {
  checkTour(p, tour);
  return tour.steps[clampIndex(tour, p.index)]!;
}

/** Index of the step "next" would show: wraps when the tour loops, null after the last step otherwise. */
export function nextIndex(p: TourPlayback, tour: Tour): number | null {
  checkTour(p, tour);
  const i = clampIndex(tour, p.index) + 1;
  if (i < tour.steps.length) return i;
  return tour.loop ? 0 : null;
}

/** The step "next" would show (the remote's next card, rehearsal preview); null at the end of a briefing. */
export function nextStep(p: TourPlayback, tour: Tour): TourStep | null {
  const i = nextIndex(p, tour);
  return i === null ? null : tour.steps[i]!;
}

function clampIndex(tour: Tour, index: number): number {
  if (!Number.isFinite(index)) return 0;
  return Math.min(Math.max(Math.trunc(index), 0), tour.steps.length - 1);
}

function wrapIndex(tour: Tour, index: number): number {
  if (!Number.isFinite(index)) return 0;
  const n = tour.steps.length;
  return ((Math.trunc(index) % n) + n) % n;
}

function checkTour(p: TourPlayback, tour: Tour): void {
  // A playback handed the wrong tour is a caller bug; failing here beats showing another tour's step.
  if (p.tourId !== tour.id) throw new Error(`tour playback is for "${p.tourId}", not "${tour.id}"`);
}

function checkScale(dwellScale: number): void {
  if (!(dwellScale > 0) || !Number.isFinite(dwellScale)) throw new Error(`dwellScale must be a positive number, got ${dwellScale}`);
}

function samePlayback(a: TourPlayback, b: TourPlayback): boolean {
  return (
    a.tourId === b.tourId &&
    a.index === b.index &&
    a.playing === b.playing &&
    a.stepStartedAt === b.stepStartedAt &&
    a.remainingMs === b.remainingMs
  );
}
