/**
 * A tour played by the wall page itself, for a standalone demo wall with no hub (a laptop at a trade
 * fair, a hall PC without the LAN): the same pure runner as the hub, driven by injected time and timers.
 *
 * People walk up to a demo wall and press keys. A scene key pauses the tour (the person is looking at
 * something) and every further key restarts the idle wait; after `idleResumeMs` (2 min) without a key
 * the tour takes over again, so an unattended wall always goes back to rotating. It resumes by showing
 * the step it was on again with a fresh hold (the person may have left the wall on another scene).
 * `pause({ untilResumed: true })` holds without coming back by itself (an operator's hold, a blackout).
 *
 * One timer at a time: for the current step's end, or for the idle resume. A timer firing late does not
 * stretch the tour (the runner keeps exact step boundaries); one firing early just re-arms.
 */
import type { Tour, TourStep } from './schema';
import { advance, currentStep, isTourEnded, pauseTour, resumeTour, startTour, stepEndsAt, stepTo, type TourPlayback } from './runner';

export const DEFAULT_IDLE_RESUME_MS = 120_000;

export interface LocalTourDeps<H = unknown> {
  /** Milliseconds, monotonic enough for timers (Date.now or performance.now). */
  now(): number;
  setTimer(fn: () => void, ms: number): H;
  clearTimer(handle: H): void;
  /** Show this step: its scene, plus camera and highlight when the step has them. */
  goTo(sceneId: string, step: TourStep): void;
  /** After a person's last key, how long until the tour resumes (ms). Default 2 min. */
  idleResumeMs?: number;
  /** Multiplies every hold (tests, a hurried rehearsal). Default 1. */
  dwellScale?: number;
  /** Step to start on. Default 0. */
  startIndex?: number;
  /** Called after every change of the playback (step, pause, resume), e.g. for a hook or a log. */
  onChange?(playback: TourPlayback): void;
}

export interface LocalTourPlayer {
  /** Stop for good: no more timers, no more scene changes. */
  stop(): void;
  /**
   * A person pressed a scene key: pause, and resume after the idle time (each call restarts the wait).
   * With `untilResumed`, stay paused until resume() is called.
   */
  pause(opts?: { untilResumed?: boolean }): void;
  /** Resume now, showing the paused step again with a fresh hold. */
  resume(): void;
  /** The playback as of the last change. */
  playback(): TourPlayback;
  /** Paused by a person (resumes by itself), held (waits for resume()), or not paused. */
  readonly pausedBy: 'person' | 'hold' | null;
}

export function startLocalTour<H>(tour: Tour, deps: LocalTourDeps<H>): LocalTourPlayer {
  const scale = deps.dwellScale ?? 1;
  const idleMs = deps.idleResumeMs ?? DEFAULT_IDLE_RESUME_MS;
  let p: TourPlayback = startTour(tour, deps.now(), deps.startIndex ?? 0);
  let timer: { handle: H } | null = null;
  let pausedBy: 'person' | 'hold' | null = null;
  let stopped = false;

  const clear = () => {
    if (timer) deps.clearTimer(timer.handle);
    timer = null;
  };
  const arm = (ms: number, fn: () => void) => {
    clear();
    timer = { handle: deps.setTimer(fn, Math.max(0, ms)) };
  };
  const show = () => {
    const step = currentStep(p, tour);
    deps.goTo(step.scene, step);
  };
  const changed = () => deps.onChange?.(p);

  /** Arm the timer for the current step's end (none when paused or a briefing has ended). */
  const scheduleStepEnd = () => {
    const end = stepEndsAt(p, tour, scale);
    if (end === null) {
      clear();
      return;
    }
    arm(end - deps.now(), onStepTimer);
  };

  function onStepTimer(): void {
    timer = null;
    if (stopped) return;
    const r = advance(p, tour, deps.now(), scale);
    if (r.changed) {
      const indexChanged = r.playback.index !== p.index;
      p = r.playback;
      // Same index (a one-step loop going round, a briefing ending on its last step): nothing new to show.
      if (indexChanged) show();
      changed();
    }
    scheduleStepEnd();
  }

  function resumeNow(): void {
    if (stopped || pausedBy === null) return;
    pausedBy = null;
    const at = deps.now();
    // Show the interrupted step again from the start of its hold: the wall visibly rejoins the tour.
    p = resumeTour(stepTo(p, tour, p.index, at, scale), tour, at, scale);
    show();
    changed();
    scheduleStepEnd();
  }

  show();
  changed();
  scheduleStepEnd();

  return {
    stop() {
      stopped = true;
      clear();
    },
    pause(opts) {
      if (stopped || isTourEnded(p)) return; // a finished briefing has nothing to come back to
      const at = deps.now();
      if (p.playing) p = pauseTour(p, tour, at, scale);
      if (opts?.untilResumed) {
        pausedBy = 'hold';
        clear();
      } else if (pausedBy !== 'hold') {
        pausedBy = 'person';
        arm(idleMs, () => {
          timer = null;
          resumeNow();
        });
      }
      changed();
    },
    resume() {
      clear();
      resumeNow();
    },
    playback: () => p,
    get pausedBy() {
      return pausedBy;
    },
  };
}
