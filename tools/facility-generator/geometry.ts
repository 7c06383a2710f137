/**
 * Plane geometry for generating streets: an equirectangular metric frame around FACILITY_ORIGIN (the
 * same constants as tools/demo-generator/geography.ts, no trigonometry at run time) and the Yangtze
 * corridor test. Good to ~0.2 % over the central districts, which is plenty for laying out streets;
 * rendering never uses this frame (the decoder projects the stored lon/lat exactly, src/facilities/enu.ts).
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection, LineString } from 'geojson';
import { FACILITY_ORIGIN } from '../../src/facilities/schema';

export const M_PER_DEG_LAT = 111_320;
export const M_PER_DEG_LON = 111_320 * 0.85988;

export const RIVER_URL = new URL('../../public/geo/yangtze-traced.geojson', import.meta.url);

/** lon/lat → metres east/north of FACILITY_ORIGIN (approximate, see above). */
export function toPlane(lon: number, lat: number): [number, number] {
  return [(lon - FACILITY_ORIGIN.lon) * M_PER_DEG_LON, (lat - FACILITY_ORIGIN.lat) * M_PER_DEG_LAT];
}

export function fromPlane(x: number, y: number): [number, number] {
  return [FACILITY_ORIGIN.lon + x / M_PER_DEG_LON, FACILITY_ORIGIN.lat + y / M_PER_DEG_LAT];
}

/** The river's centreline in the plane, as flat segment arrays, with a distance query. */
export class RiverCorridor {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;

  constructor(lonLats: readonly (readonly number[])[]) {
    this.xs = new Float64Array(lonLats.length);
    this.ys = new Float64Array(lonLats.length);
    lonLats.forEach(([lon, lat], i) => {
      const [x, y] = toPlane(lon as number, lat as number);
      this.xs[i] = x;
      this.ys[i] = y;
    });
  }

  static parse(text: string): RiverCorridor {
    const fc = JSON.parse(text) as FeatureCollection<LineString>;
    const line = fc.features.find((f) => f.geometry.type === 'LineString');
    if (!line) throw new Error('yangtze-traced.geojson has no LineString');
    return new RiverCorridor(line.geometry.coordinates);
  }

  static load(): RiverCorridor {
    return RiverCorridor.parse(readFileSync(RIVER_URL, 'utf8'));
  }

  /** Distance (m) from a lon/lat point to the centreline. */
  distance(lon: number, lat: number): number {
    const [px, py] = toPlane(lon, lat);
    let best = Infinity;
    const n = this.xs.length;
    for (let i = 0; i + 1 < n; i += 1) {
      const ax = this.xs[i] as number;
      const ay = this.ys[i] as number;
      const bx = this.xs[i + 1] as number;
      const by = this.ys[i + 1] as number;
      // Cheap reject: the segment's box, grown by the best distance so far.
      if (px < Math.min(ax, bx) - best || px > Math.max(ax, bx) + best || py < Math.min(ay, by) - best || py > Math.max(ay, by) + best) continue;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
      if (t < 0) t = 0;
      else if (t > 1) t = 1;
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const d = Math.sqrt(ex * ex + ey * ey);
      if (d < best) best = d;
    }
    return best;
  }
}
