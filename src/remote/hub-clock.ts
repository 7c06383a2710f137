/**
 * The hub's clock as the remote sees it, for the tour countdown (TourStatus.stepEndsAt is a master-clock
 * instant). The phone's clock may be off by seconds, so the remote estimates master − local:
 *
 *   1. clock-sync samples (HUB_EVENTS.clockSync with ack, as the walls do) when the hub answers them on the
 *      remote namespace — NTP-style, the sample with the shortest round trip wins (electron/shared-clock.ts);
 *   2. otherwise hints read off the states themselves: when a paused tour resumes, the hub's now is
 *      stepEndsAt − the remaining it had; a new handover request carries askedAt = the hub's now. Each hint
 *      is "master ≈ X at the local instant the state arrived", off by the network delay (ms on a LAN).
 *      A step that moved on is no hint: a timer (at the old stepEndsAt) and a presenter's 下一页 (any time
 *      before it) look the same in the state.
 *   3. before either: 0 (phone and hub on one LAN, both usually on NTP).
 *
 * Pure: local time is passed in.
 */
import { estimateOffset, type ClockSample } from '../../electron/shared-clock';
import type { HubState } from '../presenter/protocol';

const MAX_SAMPLES = 8;

export class HubClock {
  private samples: ClockSample[] = [];
  private hint: number | null = null;

  addSync(sample: ClockSample): void {
    this.samples = [...this.samples, sample].slice(-MAX_SAMPLES);
  }

  /** A new state arrived at local time `at`; `prev` is the state held before it on the same connection. */
  observe(prev: HubState | null, next: HubState, at: number): void {
    const master = masterInstantOf(prev, next);
    if (master !== null) this.hint = master - at;
  }

  /** Forget hints (a reconnect: the next state is not a successor of the one held). */
  resetHints(): void {
    this.hint = null;
  }

  /** master − local (ms). */
  get offset(): number {
    return estimateOffset(this.samples)?.offset ?? this.hint ?? 0;
  }

  get source(): 'sync' | 'state' | 'none' {
    if (estimateOffset(this.samples)) return 'sync';
    return this.hint === null ? 'none' : 'state';
  }

  masterNow(local: number): number {
    return local + this.offset;
  }
}

/** The hub's clock at the moment it sent `next`, when the change from `prev` tells it; else null. */
export function masterInstantOf(prev: HubState | null, next: HubState): number | null {
  if (next.handover && next.handover.askedAt && (!prev?.handover || prev.handover.askedAt !== next.handover.askedAt)) {
    return next.handover.askedAt;
  }
  const a = prev?.tour;
  const b = next.tour;
  if (!prev || !a || !b || a.tourId !== b.tourId || prev.hubId !== next.hubId) return null;
  // Resumed: the step ends exactly what was left after the resume.
  if (!a.playing && b.playing && a.index === b.index && a.remainingMs !== null && b.stepEndsAt !== null) {
    return b.stepEndsAt - a.remainingMs;
  }
  return null;
}

/** m:ss (or h:mm:ss) of a duration, rounded up so the countdown shows 0:00 only when the step ends. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
