/**
 * One clock for the whole wall. The main process owns the master clock and stamps every command with
 * the master instant at which it applies (now + a lead longer than IPC delivery). Each window estimates
 * its offset to the master (NTP-style samples, the one with the shortest round trip wins) and applies the
 * command at that instant by its own clock, so all windows change in the same frame (or, on displays
 * with different vsync phases, within one frame) even though their messages arrive at different times.
 *
 * Pure: time and timers are injected, so tests run followers with skewed clocks under Node and
 * the renderer runs the same code with performance.timeOrigin + performance.now() and setTimeout.
 */
import type { ClockCommand, ClockSyncReply, WallAction } from './bridge-types';

export class MasterClock {
  private nextId = 1;
  constructor(
    private readonly now: () => number,
    private readonly leadMs: number,
  ) {}

  /** Stamp an action with the instant it applies at. */
  schedule(action: WallAction, leadMs = this.leadMs): ClockCommand {
    return { id: this.nextId++, applyAt: this.now() + leadMs, action };
  }

  syncReply(t0: number): ClockSyncReply {
    return { t0, master: this.now() };
  }
}

export interface ClockSample {
  /** Local time the request left. */
  t0: number;
  /** Master time in the reply. */
  master: number;
  /** Local time the reply arrived. */
  t1: number;
}

/** master ≈ local + offset, from the sample with the shortest round trip (least asymmetry error). */
export function estimateOffset(samples: readonly ClockSample[]): { offset: number; rtt: number } | null {
  let best: { offset: number; rtt: number } | null = null;
  for (const s of samples) {
    const rtt = s.t1 - s.t0;
    if (rtt < 0) continue;
    if (!best || rtt < best.rtt) best = { offset: s.master - (s.t0 + s.t1) / 2, rtt };
  }
  return best;
}

export interface FollowerEnv {
  /** Local monotonic-ish time, ms. */
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** How early the timer wakes before the instant to spin the rest (default 20 ms; 0 under fake timers). */
  spinMs?: number;
}

export interface Applied {
  id: number;
  /** Local time of application, and its master-clock equivalent. */
  local: number;
  master: number;
  /** How late after the scheduled instant (master ms); > a frame means it arrived too late. */
  lateMs: number;
}

const MAX_SAMPLES = 16;
/**
 * Wake this long before the instant and spin the rest. Timers are ms-precise only on an idle main thread;
 * a wall page can be inside a 10–20 ms task when the instant comes, so it wakes a frame early. The spin
 * costs up to one frame of main-thread time per command (a scene change every tens of seconds).
 */
const SPIN_MS = 20;


export class ClockFollower {
  private samples: ClockSample[] = [];
  private pending = new Map<number, unknown>();
  private seen = new Set<number>();

  constructor(
    private readonly env: FollowerEnv,
    private readonly apply: (cmd: ClockCommand, applied: Applied) => void,
  ) {}

  addSample(s: ClockSample): void {
    this.samples = [...this.samples, s].slice(-MAX_SAMPLES);
  }

  /** master − local; 0 until the first sample (same machine: both clocks are epoch-based). */
  get offset(): number {
    return estimateOffset(this.samples)?.offset ?? 0;
  }

  toLocal(master: number): number {
    return master - this.offset;
  }

  toMaster(local: number): number {
    return local + this.offset;
  }

  /** Schedule a command; duplicates (the same id from two transports) are ignored. */
  receive(cmd: ClockCommand): void {
    if (this.seen.has(cmd.id)) return;
    this.seen.add(cmd.id);
    if (this.seen.size > 1000) this.seen = new Set([...this.seen].slice(-500));
    const due = this.toLocal(cmd.applyAt);
    const wait = due - this.env.now();
    // Wake early and spin the rest (SPIN_MS). The change then shows in each window's next frame, so
    // windows on different displays differ by at most one frame.
    const run = () => {
      this.pending.delete(cmd.id);
      while (due - this.env.now() > 0) {
        /* spin ≤ SPIN_MS */
      }
      const local = this.env.now();
      const master = this.toMaster(local);
      this.apply(cmd, { id: cmd.id, local, master, lateMs: master - cmd.applyAt });
    };
    const spin = this.env.spinMs ?? SPIN_MS;
    if (wait <= spin) run();
    else this.pending.set(cmd.id, this.env.setTimer(run, wait - spin));
  }

  cancelAll(): void {
    for (const h of this.pending.values()) this.env.clearTimer(h);
    this.pending.clear();
  }
}
