/**
 * White-box buildings (CIM) for the central districts, made from the street grid since no surveyed
 * footprints are available: each block between two pairs of neighbouring street lines is set back from
 * its streets (more from arterials), split into lots, and most lots get one rectangular building turned
 * to the grid. Heights follow a plausible zoning: towers near each district's centre and along the
 * riverfront, mid-rise elsewhere, low sheds in 猇亭's industrial grid.
 *
 * Invariants the tests check: every corner is inside its district and outside the river corridor (with
 * the roads' margin); no footprint comes within a street's half-width of a road edge (by construction:
 * buildings stay inside their block's setback rectangle). Deterministic: one random stream per district.
 */
import { isInUnit, type Boundaries } from '../demo-generator/geography';
import { Rng } from '../demo-generator/random';
import type { FacilityUnit } from '../../src/facilities/schema';
import { RIVER_HALF_WIDTH_M, ROAD_RIVER_MARGIN_M, type RoadClass } from '../facility-generator/config';
import { fromPlane, type RiverCorridor } from '../facility-generator/geometry';
import { gridFrame, type DistrictRoads } from './sources';

export interface Building {
  unit: FacilityUnit;
  /** Four corners, lon/lat, counter-clockwise, not closed. */
  ring: [number, number][];
  /** Height above ground, whole metres. */
  height: number;
}

/** Distance from a street's centreline to the building line (m): half the street plus the setback. */
export const SETBACK_M: Readonly<Record<RoadClass | 'none', number>> = { arterial: 28, local: 13, none: 6 };
/** Half-widths of the streets themselves (kerb to kerb plus pavement), for the tests. */
export const ROAD_HALF_WIDTH_M: Readonly<Record<RoadClass, number>> = { arterial: 20, local: 8 };
/** Share of blocks kept open (parks, squares, schools' fields). */
const OPEN_BLOCK_SHARE = 0.12;
/** Share of lots left empty (yards, car parks). */
const EMPTY_LOT_SHARE = 0.12;
/** Target lot size along each side (m). */
const LOT_SIZE_M = 48;
const GAP_M = 6;
const FLOOR_M = 3.2;

/** Storeys by zoning: [min, mode, max]. */
function storeys(unit: FacilityUnit, dCentre: number, dRiver: number): [number, number, number] {
  if (unit === 'xiaoting' && dCentre > 1500) return [1, 3, 7]; // industrial sheds and plants
  if (dCentre < 1300) return [8, 24, 55]; // the district's centre: office and residential towers
  if (dRiver < 900) return [8, 20, 42]; // riverfront towers along 沿江大道
  if (dCentre < 3000) return [5, 11, 30];
  return [3, 6, 18];
}

export function generateBuildings(districts: readonly DistrictRoads[], seed: number, boundaries: Boundaries, river: RiverCorridor): Building[] {
  const out: Building[] = [];
  // Every district's streets: neighbouring grids meet (and overlap a little) at district borders.
  const clear = roadClearance(districts.flatMap((d) => d.edges));
  for (const { unit, grid, edges } of districts) {
    const rng = Rng.derive(seed, 'buildings', unit);
    const frame = gridFrame(grid);
    const ok = (x: number, y: number) => {
      const [lon, lat] = fromPlane(x, y);
      return isInUnit(boundaries, unit, lon, lat) && river.distance(lon, lat) >= RIVER_HALF_WIDTH_M + ROAD_RIVER_MARGIN_M;
    };
    // The street lines (s = const: 'v' lines; t = const: 'u' lines), then each edge's class keyed by its
    // line and start, both snapped to the deduplicated line lists (float noise never splits a line).
    const spans = edges.map((e) => {
      const [s0, t0] = frame.toST(e.x0, e.y0);
      const [s1, t1] = frame.toST(e.x1, e.y1);
      const alongU = Math.abs(s1 - s0) > Math.abs(t1 - t0);
      return alongU
        ? { dir: 'u' as const, line: (t0 + t1) / 2, a: Math.min(s0, s1), b: Math.max(s0, s1), cls: e.cls }
        : { dir: 'v' as const, line: (s0 + s1) / 2, a: Math.min(t0, t1), b: Math.max(t0, t1), cls: e.cls };
    });
    const ss = dedupe(spans.flatMap((p) => (p.dir === 'v' ? [p.line] : [p.a, p.b])).sort((a, b) => a - b));
    const ts = dedupe(spans.flatMap((p) => (p.dir === 'u' ? [p.line] : [p.a, p.b])).sort((a, b) => a - b));
    const edgeClass = new Map<string, RoadClass>();
    for (const p of spans) {
      const key = p.dir === 'u' ? `u:${snap(ts, p.line)}:${snap(ss, p.a)}` : `v:${snap(ss, p.line)}:${snap(ts, p.a)}`;
      edgeClass.set(key, p.cls);
    }
    for (let i = 0; i + 1 < ss.length; i++) {
      for (let j = 0; j + 1 < ts.length; j++) {
        const [sa, sb, ta, tb] = [ss[i]!, ss[i + 1]!, ts[j]!, ts[j + 1]!];
        // One draw per candidate block in a fixed order, whatever happens to it (stable streams).
        const blockRng = new Rng(`${seed}:${unit}:${sa}:${ta}:${rng.float()}`);
        if (sb - sa > 400 || tb - ta > 400) continue; // not one block: a street line is missing here
        const south = edgeClass.get(`u:${ta}:${sa}`);
        const north = edgeClass.get(`u:${tb}:${sa}`);
        const west = edgeClass.get(`v:${sa}:${ta}`);
        const east = edgeClass.get(`v:${sb}:${ta}`);
        const sides = [south, north, west, east].filter(Boolean).length;
        if (sides < 2) continue; // outside the built-up grid
        if (blockRng.chance(OPEN_BLOCK_SHARE)) continue;
        const s0 = sa + SETBACK_M[west ?? 'none'];
        const s1 = sb - SETBACK_M[east ?? 'none'];
        const t0 = ta + SETBACK_M[south ?? 'none'];
        const t1 = tb - SETBACK_M[north ?? 'none'];
        if (s1 - s0 < 18 || t1 - t0 < 18) continue;
        const [cx, cy] = frame.fromST((s0 + s1) / 2, (t0 + t1) / 2);
        const [clon, clat] = fromPlane(cx, cy);
        const dCentre = Math.hypot(cx - frame.cx, cy - frame.cy);
        const dRiver = river.distance(clon, clat) - RIVER_HALF_WIDTH_M;
        const [fMin, fMode, fMax] = storeys(unit, dCentre, dRiver);
        const ns = Math.max(1, Math.min(3, Math.round((s1 - s0) / LOT_SIZE_M)));
        const nt = Math.max(1, Math.min(3, Math.round((t1 - t0) / LOT_SIZE_M)));
        const ls = (s1 - s0 - GAP_M * (ns - 1)) / ns;
        const lt = (t1 - t0 - GAP_M * (nt - 1)) / nt;
        for (let a = 0; a < ns; a++) {
          for (let b = 0; b < nt; b++) {
            const empty = blockRng.chance(EMPTY_LOT_SHARE);
            const floors = Math.round(blockRng.triangular(fMin, fMode, fMax));
            // Towers are slender; low buildings fill more of their lot.
            const tower = floors >= 18;
            const fs = tower ? blockRng.range(0.45, 0.7) : blockRng.range(0.6, 0.95);
            const ft = tower ? blockRng.range(0.45, 0.7) : blockRng.range(0.6, 0.95);
            const js = blockRng.range(-0.5, 0.5);
            const jt = blockRng.range(-0.5, 0.5);
            if (empty) continue;
            const w = Math.max(10, ls * fs);
            const d = Math.max(10, lt * ft);
            if (w > ls || d > lt) continue;
            const ms = s0 + a * (ls + GAP_M) + ls / 2 + js * (ls - w);
            const mt = t0 + b * (lt + GAP_M) + lt / 2 + jt * (lt - d);
            const cornersST: [number, number][] = [
              [ms - w / 2, mt - d / 2],
              [ms + w / 2, mt - d / 2],
              [ms + w / 2, mt + d / 2],
              [ms - w / 2, mt + d / 2],
            ];
            const corners = cornersST.map(([s, t]) => frame.fromST(s, t));
            if (!corners.every(([x, y]) => ok(x, y))) continue;
            // A last check against the streets themselves (a block side the grid keys missed, say).
            if (!clear(corners)) continue;
            const height = Math.max(4, Math.round(floors * FLOOR_M + blockRng.range(0, 3)));
            // (s, t) is a right-handed frame (t is s turned anticlockwise), so this order is CCW.
            out.push({ unit, ring: corners.map(([x, y]) => fromPlane(x, y).map((v) => Math.round(v * 1e7) / 1e7) as [number, number]), height });
          }
        }
      }
    }
  }
  return out;
}

/**
 * Whether a footprint (plane metres) keeps clear of every road's half-width plus 1 m: corners and edge
 * midpoints against the edges in a 500 m bucket grid.
 */
function roadClearance(edges: readonly { x0: number; y0: number; x1: number; y1: number; cls: RoadClass }[]) {
  const cell = 500;
  const grid = new Map<string, (typeof edges)[number][]>();
  for (const e of edges) {
    const keys = new Set<string>();
    for (let t = 0; t <= 1.0001; t += 0.1) keys.add(`${Math.floor((e.x0 + (e.x1 - e.x0) * t) / cell)}:${Math.floor((e.y0 + (e.y1 - e.y0) * t) / cell)}`);
    for (const k of keys) {
      let list = grid.get(k);
      if (!list) grid.set(k, (list = []));
      list.push(e);
    }
  }
  return (corners: readonly [number, number][]): boolean => {
    const pts = corners.flatMap((p, i) => {
      const q = corners[(i + 1) % corners.length]!;
      return [p, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2] as [number, number]];
    });
    for (const [x, y] of pts) {
      for (let gx = -1; gx <= 1; gx++) {
        for (let gy = -1; gy <= 1; gy++) {
          for (const e of grid.get(`${Math.floor(x / cell) + gx}:${Math.floor(y / cell) + gy}`) ?? []) {
            const dx = e.x1 - e.x0;
            const dy = e.y1 - e.y0;
            const l2 = dx * dx + dy * dy;
            const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - e.x0) * dx + (y - e.y0) * dy) / l2));
            if (Math.hypot(e.x0 + t * dx - x, e.y0 + t * dy - y) < ROAD_HALF_WIDTH_M[e.cls] + 1) return false;
          }
        }
      }
    }
    return true;
  };
}

/** Street lines closer than 2 m are one line (the same line seen from two edges), rounded to whole metres. */
function dedupe(sorted: number[]): number[] {
  const out: number[] = [];
  for (const v of sorted) if (out.length === 0 || v - out[out.length - 1]! > 2) out.push(Math.round(v));
  return out;
}

/** The list value nearest to v (the list is sorted). */
function snap(sorted: readonly number[], v: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(sorted[lo]! - v) <= Math.abs(sorted[hi]! - v) ? sorted[lo]! : sorted[hi]!;
}
