/**
 * The map's look as data: colours, the density ramp and the ping animation curves. Pure, so the
 * command-wall palette can be tested and tuned without a GPU.
 */
import type { ChannelId, UnitId } from '../../data-adapters/domain';

export type Rgba = [r: number, g: number, b: number, a: number];

/** Deep navy of the globe and the space behind it (CSS strings: Cesium parses them itself). */
export const GLOBE_COLOR = '#020b1a';
export const SPACE_COLOR = '#01050d';
/** Boundary glow and core line, and the labels. */
export const OUTLINE_GLOW: Rgba = [0, 229, 255, 0.55];
export const OUTLINE_CORE: Rgba = [150, 248, 255, 1];
export const LABEL_FILL: Rgba = [220, 250, 255, 1];
export const LABEL_OUTLINE: Rgba = [2, 11, 26, 1];
/** Leader lines and anchor dots of labels set beside their anchor (not cyan: tests count cyan as outline). */
export const LEADER_COLOR: Rgba = [220, 250, 255, 0.7];
export const GAOXIN_COLOR: Rgba = [255, 214, 102, 0.95];
export const RIVER_RIBBON: Rgba = [30, 144, 255, 0.55];
export const RIVER_GLOW: Rgba = [40, 140, 255, 0.9];
export const RIVER_LABEL: Rgba = [140, 200, 255, 1];

/** Ping colour by discovery channel; none of these hues appears in the Cesium scene (tests rely on it). */
export const CHANNEL_COLORS: Record<ChannelId, [number, number, number]> = {
  hotline12345: [255, 153, 0],
  inspector: [80, 255, 120],
  snapshot: [255, 92, 200],
  police110: [255, 60, 60],
  sensor: [255, 230, 0],
};

/** The density ramp: share of the busiest unit → fill colour. Low stays a faint blue so borders read. */
const RAMP: readonly [number, Rgba][] = [
  [0, [20, 70, 140, 0.12]],
  [0.5, [0, 170, 220, 0.3]],
  [1, [255, 170, 60, 0.45]],
];

export function rampColor(t: number): Rgba {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  for (let i = 1; i < RAMP.length; i++) {
    const [t1, c1] = RAMP[i]!;
    const [t0, c0] = RAMP[i - 1]!;
    if (x <= t1) {
      const f = (x - t0) / (t1 - t0);
      return [0, 1, 2, 3].map((k) => c0[k]! + (c1[k]! - c0[k]!) * f) as Rgba;
    }
  }
  return [...RAMP[RAMP.length - 1]![1]] as Rgba;
}

/**
 * Case counts → 0..1 by share of the busiest unit. Missing, negative or non-finite counts read as 0; an
 * all-zero input gives all zeros (no division by zero, no "everything is hot").
 */
export function normaliseDensity(density: Partial<Record<UnitId, number>>, units: readonly UnitId[]): Map<UnitId, number> {
  const clean = (v: number | undefined) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);
  const max = Math.max(0, ...units.map((u) => clean(density[u])));
  return new Map(units.map((u) => [u, max > 0 ? clean(density[u]) / max : 0]));
}

/** A new case's ring: expands over RING_MS and fades out. */
export const RING_MS = 3000;
export const RING_MIN_M = 400;
export const RING_MAX_M = 6000;
/** The dot left behind fades over DOT_MS (data-clock time). */
export const DOT_MS = 10 * 60_000;

/** Ring radius in metres for a ping of this age (ms); 0 outside the animation. */
export function ringRadius(ageMs: number): number {
  if (!(ageMs >= 0 && ageMs < RING_MS)) return 0;
  const t = ageMs / RING_MS;
  const eased = 1 - (1 - t) * (1 - t); // ease-out: a fast burst that settles
  return RING_MIN_M + (RING_MAX_M - RING_MIN_M) * eased;
}

/** Whether any ping's ring is still expanding at `now` (a full scan: pings need not be sorted). */
export function anyRingActive(pings: readonly { at: number }[], now: number): boolean {
  for (let i = pings.length - 1; i >= 0; i--) {
    const age = now - pings[i]!.at;
    if (age >= 0 && age < RING_MS) return true;
  }
  return false;
}

/** Ring opacity 0..255 for a ping of this age. */
export function ringAlpha(ageMs: number): number {
  if (!(ageMs >= 0 && ageMs < RING_MS)) return 0;
  return Math.round(255 * (1 - ageMs / RING_MS));
}

/** Dot opacity 0..255: solid for the first minute, then fades linearly to 0 at DOT_MS. Future pings (clock skew) show solid. */
export function dotAlpha(ageMs: number): number {
  if (!Number.isFinite(ageMs) || ageMs >= DOT_MS) return 0;
  if (ageMs <= 60_000) return 255;
  return Math.round(255 * (1 - (ageMs - 60_000) / (DOT_MS - 60_000)));
}

export function cssColor([r, g, b, a]: Rgba): string {
  return `rgba(${r},${g},${b},${a})`;
}
