/**
 * The counting of big figures: from the value shown to the new one in a fixed time with an ease-out,
 * landing exactly on the new value. Pure; use-panel.ts runs it on animation frames and stops.
 */

export const COUNT_MS = 900;

export function easeOutCubic(t: number): number {
  const u = 1 - Math.min(1, Math.max(0, t));
  return 1 - u * u * u;
}

/** The value `elapsed` ms into a count from `from` to `to`; exactly `to` from `duration` on. */
export function countValue(from: number, to: number, elapsed: number, duration = COUNT_MS): number {
  if (!(duration > 0) || elapsed >= duration || from === to) return to;
  if (elapsed <= 0) return from;
  return from + (to - from) * easeOutCubic(elapsed / duration);
}
