/**
 * The virtual clock of a replay: a position in [startTime, endTime] (epoch ms of the data) that advances
 * at `speed` × real time while running. Real time comes from an injected monotonic `now()` and ticks
 * from an injected `schedule()`, so tests drive it with a fake clock and no real timers.
 *
 * The position moves only in `advance()`, which the owner calls on every tick and before every control,
 * so the time the owner reports always equals the time up to which it has delivered data.
 *
 * Default ticker: setInterval at 100 ms, not requestAnimationFrame. The data are business events at
 * second granularity, so 10 Hz is plenty; rAF would call the listener 60–144 times a second (churning
 * the stores) and stops entirely in a hidden or occluded window, which on an unattended wall would
 * freeze the data. A throttled interval (a background window) is harmless: time is computed from
 * now(), not from the number of ticks, so a late tick simply delivers a larger batch.
 */

export type Now = () => number;
export type Cancel = () => void;
/** Call `cb` about every `intervalMs` until the returned function is called. */
export type Schedule = (cb: () => void, intervalMs: number) => Cancel;

export const DEFAULT_TICK_MS = 100;
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 64;

export const defaultNow: Now = () => performance.now();
export const defaultSchedule: Schedule = (cb, intervalMs) => {
  const id = setInterval(cb, intervalMs);
  return () => clearInterval(id);
};

export type ClockMode = 'running' | 'paused' | 'ended';

/** What one `advance()` did. */
export type ClockStep =
  /** Time moved from `from` to `to` (equal when paused). */
  | { kind: 'advanced'; from: number; to: number }
  /** Time reached endTime with loop on: the owner delivers up to endTime, and time is now startTime. */
  | { kind: 'wrapped'; from: number }
  /** Time reached endTime with loop off: the clock stopped there (mode 'ended'). */
  | { kind: 'ended'; from: number };

export interface ReplayClockOptions {
  startTime: number;
  endTime: number;
  speed?: number;
  loop?: boolean;
  now?: Now;
  schedule?: Schedule;
  tickMs?: number;
  /** Called on every tick while running; the owner calls advance() from it. */
  onTick: () => void;
}

export function clampSpeed(speed: number): number {
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

export class ReplayClock {
  readonly startTime: number;
  readonly endTime: number;
  private position: number;
  private lastNow = 0;
  private speedValue: number;
  private loopValue: boolean;
  private modeValue: ClockMode = 'paused';
  private cancelTicker: Cancel | null = null;
  private readonly now: Now;
  private readonly schedule: Schedule;
  private readonly tickMs: number;
  private readonly onTick: () => void;

  constructor(options: ReplayClockOptions) {
    if (!(options.endTime >= options.startTime)) throw new RangeError('ReplayClock: endTime is before startTime');
    this.startTime = options.startTime;
    this.endTime = options.endTime;
    this.position = options.startTime;
    this.speedValue = Number.isFinite(options.speed) ? clampSpeed(options.speed as number) : 1;
    this.loopValue = options.loop ?? true;
    this.now = options.now ?? defaultNow;
    this.schedule = options.schedule ?? defaultSchedule;
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
    this.onTick = options.onTick;
  }

  /** The position as of the last advance() (or seek). */
  get time(): number {
    return this.position;
  }
  get mode(): ClockMode {
    return this.modeValue;
  }
  get speed(): number {
    return this.speedValue;
  }
  get loop(): boolean {
    return this.loopValue;
  }

  /** Move the position by the real time elapsed since the last advance, × speed. */
  advance(): ClockStep {
    const from = this.position;
    if (this.modeValue !== 'running') return { kind: 'advanced', from, to: from };
    const t = this.now();
    const next = from + (t - this.lastNow) * this.speedValue;
    this.lastNow = t;
    if (next < this.endTime) {
      this.position = next;
      return { kind: 'advanced', from, to: next };
    }
    // A zero-length recording never wraps: it would reset the stores on every tick.
    if (this.loopValue && this.endTime > this.startTime) {
      this.position = this.startTime;
      return { kind: 'wrapped', from };
    }
    this.position = this.endTime;
    this.setMode('ended');
    return { kind: 'ended', from };
  }

  play(): void {
    if (this.modeValue === 'running') return;
    this.lastNow = this.now();
    this.setMode('running');
  }

  /** Stops where the last advance() left the position; the owner advances first to keep elapsed time. */
  pause(): void {
    if (this.modeValue === 'running') this.setMode('paused');
  }

  /** Jump to `time` (clamped); keeps running if running; an ended clock becomes paused. Returns the new time. */
  seek(time: number): number {
    const target = Number.isFinite(time) ? Math.min(this.endTime, Math.max(this.startTime, time)) : this.position;
    this.position = target;
    this.lastNow = this.now();
    if (this.modeValue === 'ended') this.setMode('paused');
    return target;
  }

  /** Clamp to [MIN_SPEED, MAX_SPEED]; ignores non-finite values. The owner advances first. Returns the speed. */
  setSpeed(speed: number): number {
    if (Number.isFinite(speed)) this.speedValue = clampSpeed(speed);
    return this.speedValue;
  }

  setLoop(loop: boolean): void {
    this.loopValue = loop;
  }

  dispose(): void {
    this.setMode('paused');
  }

  private setMode(mode: ClockMode): void {
    this.modeValue = mode;
    if (mode === 'running' && !this.cancelTicker) {
      this.cancelTicker = this.schedule(() => this.onTick(), this.tickMs);
    } else if (mode !== 'running' && this.cancelTicker) {
      this.cancelTicker();
      this.cancelTicker = null;
    }
  }
}
