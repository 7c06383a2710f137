import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInUnit, loadBoundaries } from '../demo-generator/geography';
import { FACILITY_SEED, RIVER_HALF_WIDTH_M } from '../facility-generator/config';
import { RiverCorridor, toPlane } from '../facility-generator/geometry';
import { generateTiles } from './generate';
import { ROAD_HALF_WIDTH_M } from './buildings';
import { districtRoads } from './sources';

const boundaries = loadBoundaries();
const river = RiverCorridor.load();

/** Distance from point p to segment ab (plane metres). */
function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const l2 = dx * dx + dy * dy;
  const t = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
  return Math.hypot(ax + t * dx - px, ay + t * dy - py);
}

describe('tile generator (public/tiles)', () => {
  const fresh = generateTiles(FACILITY_SEED, boundaries, river);

  it('is what ships, byte for byte (deterministic), and stays small', () => {
    let total = 0;
    for (const [path, bytes] of fresh.files) {
      const shipped = readFileSync(new URL(`../../public/tiles/${path}`, import.meta.url));
      if (Buffer.compare(Buffer.from(bytes), shipped) !== 0) throw new Error(`public/tiles/${path} differs from a fresh generation`);
      total += bytes.byteLength;
    }
    expect(total).toBeLessThan(8 * 2 ** 20);
    expect(fresh.index.buildings.count).toBeGreaterThan(20_000);
    expect(Object.keys(fresh.index.base.tiles)).toEqual(['10', '11', '12', '13', '14']);
  }, 120_000);

  it('puts every building inside its district, off the river corridor, and off every road', () => {
    const districts = districtRoads(FACILITY_SEED, boundaries, river);
    // Road edges bucketed in a 500 m grid: each corner is checked against the edges near it.
    const cell = 500;
    const grid = new Map<string, { ax: number; ay: number; bx: number; by: number; half: number }[]>();
    for (const d of districts) {
      for (const e of d.edges) {
        const item = { ax: e.x0, ay: e.y0, bx: e.x1, by: e.y1, half: ROAD_HALF_WIDTH_M[e.cls] };
        const keys = new Set<string>();
        for (let t = 0; t <= 1; t += 0.1) keys.add(`${Math.floor((e.x0 + (e.x1 - e.x0) * t) / cell)}:${Math.floor((e.y0 + (e.y1 - e.y0) * t) / cell)}`);
        for (const k of keys) (grid.get(k) ?? grid.set(k, []).get(k)!).push(item);
      }
    }
    for (const b of fresh.buildings) {
      // Corners and edge midpoints of the footprint.
      const pts = b.ring.flatMap((p, i) => {
        const q = b.ring[(i + 1) % b.ring.length]!;
        return [p, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2] as [number, number]];
      });
      for (const [lon, lat] of pts) {
        if (!isInUnit(boundaries, b.unit, lon, lat)) throw new Error(`building at ${lon},${lat} outside ${b.unit}`);
        if (river.distance(lon, lat) < RIVER_HALF_WIDTH_M) throw new Error(`building at ${lon},${lat} in the river corridor`);
        const [x, y] = toPlane(lon, lat);
        for (let gx = -1; gx <= 1; gx++) {
          for (let gy = -1; gy <= 1; gy++) {
            for (const e of grid.get(`${Math.floor(x / cell) + gx}:${Math.floor(y / cell) + gy}`) ?? []) {
              if (segDist(x, y, e.ax, e.ay, e.bx, e.by) < e.half) throw new Error(`building at ${lon},${lat} on a road`);
            }
          }
        }
      }
      expect(b.height).toBeGreaterThanOrEqual(4);
    }
  }, 120_000);

  it('zones heights: taller near the district centres than at their edges', () => {
    const grids = districtRoads(FACILITY_SEED, boundaries, river).map((d) => ({ unit: d.unit, c: toPlane(d.grid.center[0], d.grid.center[1]) }));
    const near: number[] = [];
    const far: number[] = [];
    for (const b of fresh.buildings) {
      const c = grids.find((g) => g.unit === b.unit)!.c;
      const [x, y] = toPlane(b.ring[0]![0], b.ring[0]![1]);
      const d = Math.hypot(x - c[0], y - c[1]);
      if (d < 1200) near.push(b.height);
      else if (d > 3500) far.push(b.height);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(near)).toBeGreaterThan(2 * mean(far));
  });
});
