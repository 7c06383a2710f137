/**
 * The base map's source geometry, in lon/lat (the boundary data's datum, like every layer of the wall):
 * - roads: the facility generator's street network (tools/facility-generator/roads.ts), rebuilt with the
 *   same seed, random streams and acceptance test as generate.ts, so the roads are exactly the streets
 *   the manholes, lights and pipes were laid along. Block edges on one street line are merged into runs;
 * - water: the Yangtze corridor the facilities keep off (RIVER_HALF_WIDTH_M either side of the traced
 *   centreline) as one polygon;
 * - boundaries: the 13 county-level units' outlines as lines.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { isInUnit, type Boundaries } from '../demo-generator/geography';
import { Rng } from '../demo-generator/random';
import { FACILITY_UNITS, type FacilityUnit } from '../../src/facilities/schema';
import { DISTRICT_GRIDS, RIVER_HALF_WIDTH_M, ROAD_RIVER_MARGIN_M, type DistrictGrid, type RoadClass } from '../facility-generator/config';
import { fromPlane, RIVER_URL, toPlane, type RiverCorridor } from '../facility-generator/geometry';
import { buildDistrictRoads, type RoadEdge } from '../facility-generator/roads';

/** Six decimals (~0.1 m): well under an MVT unit at z14, and keeps the tiles' bytes independent of float noise. */
const r6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export interface DistrictRoads {
  unit: FacilityUnit;
  grid: DistrictGrid;
  edges: RoadEdge[];
}

/** The facility generator's streets per district (same seed → same streets as public/facilities). */
export function districtRoads(seed: number, boundaries: Boundaries, river: RiverCorridor): DistrictRoads[] {
  const out: DistrictRoads[] = [];
  for (const unit of FACILITY_UNITS) {
    const grid = DISTRICT_GRIDS.find((g) => g.unit === unit);
    if (!grid) throw new Error(`no street grid configured for ${unit}`);
    // Must stay identical to tools/facility-generator/generate.ts `roadOk`.
    const roadOk = (lon: number, lat: number) =>
      isInUnit(boundaries, unit, lon, lat) && river.distance(lon, lat) >= RIVER_HALF_WIDTH_M + ROAD_RIVER_MARGIN_M;
    out.push({ unit, grid, edges: buildDistrictRoads(grid, Rng.derive(seed, 'roads', unit), roadOk) });
  }
  return out;
}

/** The grid's (s along the axis, t across it) coordinates of a plane point. */
export function gridFrame(grid: DistrictGrid) {
  const norm = Math.sqrt(grid.axis[0] * grid.axis[0] + grid.axis[1] * grid.axis[1]);
  const ux = grid.axis[0] / norm;
  const uy = grid.axis[1] / norm;
  const [cx, cy] = toPlane(grid.center[0], grid.center[1]);
  return {
    ux,
    uy,
    cx,
    cy,
    toST: (x: number, y: number): [number, number] => [(x - cx) * ux + (y - cy) * uy, -(x - cx) * uy + (y - cy) * ux],
    fromST: (s: number, t: number): [number, number] => [cx + s * ux - t * uy, cy + s * uy + t * ux],
  };
}

/**
 * Block edges merged into runs: consecutive edges of one street line with the same class become one
 * LineString (fewer, longer features: smaller tiles, fewer vertices to draw).
 */
export function roadFeatures(districts: readonly DistrictRoads[]): FeatureCollection<LineString, { class: RoadClass }> {
  const features: Feature<LineString, { class: RoadClass }>[] = [];
  for (const { grid, edges } of districts) {
    const frame = gridFrame(grid);
    // Key each edge by its street line (the constant coordinate, rounded) and order along it.
    const lines = new Map<string, { a: number; b: number; cls: RoadClass; e: RoadEdge }[]>();
    for (const e of edges) {
      const [s0, t0] = frame.toST(e.x0, e.y0);
      const [s1, t1] = frame.toST(e.x1, e.y1);
      const alongU = Math.abs(s1 - s0) > Math.abs(t1 - t0);
      const key = `${alongU ? 'u' : 'v'}:${Math.round(alongU ? (t0 + t1) / 2 : (s0 + s1) / 2)}`;
      const a = alongU ? Math.min(s0, s1) : Math.min(t0, t1);
      const b = alongU ? Math.max(s0, s1) : Math.max(t0, t1);
      let list = lines.get(key);
      if (!list) lines.set(key, (list = []));
      list.push({ a, b, cls: e.cls, e });
    }
    for (const key of [...lines.keys()].sort()) {
      const list = lines.get(key)!.sort((p, q) => p.a - q.a);
      let run: Position[] = [];
      let cls: RoadClass | undefined;
      let end = -Infinity;
      const flush = () => {
        if (run.length >= 2 && cls) features.push({ type: 'Feature', properties: { class: cls }, geometry: { type: 'LineString', coordinates: run } });
        run = [];
      };
      for (const item of list) {
        const forward = frame.toST(item.e.x0, item.e.y0);
        const reversed = key.startsWith('u') ? forward[0] > item.a + 1e-6 : forward[1] > item.a + 1e-6;
        const [x0, y0, x1, y1] = reversed ? [item.e.x1, item.e.y1, item.e.x0, item.e.y0] : [item.e.x0, item.e.y0, item.e.x1, item.e.y1];
        const p0 = fromPlane(x0, y0).map(r6);
        const p1 = fromPlane(x1, y1).map(r6);
        if (item.cls !== cls || Math.abs(item.a - end) > 0.5) {
          flush();
          cls = item.cls;
          run.push(p0);
        }
        run.push(p1);
        end = item.b;
      }
      flush();
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The river's centreline (lon/lat) from public/geo. */
export function riverLine(): Position[] {
  const fc = JSON.parse(readFileSync(RIVER_URL, 'utf8')) as FeatureCollection<LineString>;
  const line = fc.features.find((f) => f.geometry.type === 'LineString');
  if (!line) throw new Error('yangtze-traced.geojson has no LineString');
  return line.geometry.coordinates;
}

/**
 * The corridor `halfWidthM` either side of the centreline as one polygon (mitred offsets in the plane
 * frame, miter length capped so the sharp bends do not spike). Outer ring counter-clockwise (RFC 7946).
 */
export function waterFeature(line: readonly Position[], halfWidthM = RIVER_HALF_WIDTH_M): Feature<Polygon, { name: string }> {
  const pts = line.map(([lon, lat]) => toPlane(lon!, lat!));
  const left: [number, number][] = [];
  const right: [number, number][] = [];
  for (let i = 0; i < pts.length; i++) {
    const prev = pts[Math.max(0, i - 1)]!;
    const next = pts[Math.min(pts.length - 1, i + 1)]!;
    const inDir = unit(pts[i]![0] - prev[0], pts[i]![1] - prev[1]) ?? unit(next[0] - pts[i]![0], next[1] - pts[i]![1])!;
    const outDir = unit(next[0] - pts[i]![0], next[1] - pts[i]![1]) ?? inDir;
    // Left normal of the mean direction, scaled so the offset lines stay halfWidth from both segments.
    const mx = inDir[0] + outDir[0];
    const my = inDir[1] + outDir[1];
    const m = unit(mx, my) ?? inDir;
    const nx = -m[1];
    const ny = m[0];
    const cos = Math.max(0.5, nx * -inDir[1] + ny * inDir[0]);
    const d = halfWidthM / cos;
    const [x, y] = pts[i]!;
    left.push([x + nx * d, y + ny * d]);
    right.push([x - nx * d, y - ny * d]);
  }
  // Walking downstream the left side is on the left: right side forwards, left side back is CCW.
  const ring = [...right, ...left.reverse()].map(([x, y]) => fromPlane(x, y).map(r6));
  ring.push(ring[0]!);
  if (signedArea(ring) < 0) ring.reverse();
  return { type: 'Feature', properties: { name: '长江' }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

function unit(x: number, y: number): [number, number] | null {
  const l = Math.sqrt(x * x + y * y);
  return l > 1e-9 ? [x / l, y / l] : null;
}

function signedArea(ring: readonly Position[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return a / 2;
}

/** Every unit's outline rings as lines, with its name. */
export function boundaryFeatures(boundaries: Boundaries): FeatureCollection<LineString, { name: string }> {
  const features: Feature<LineString, { name: string }>[] = [];
  for (const key of Object.keys(boundaries).sort()) {
    const f = boundaries[key as keyof Boundaries] as Feature<Polygon | MultiPolygon, { name: string }>;
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      for (const ring of poly) features.push({ type: 'Feature', properties: { name: f.properties.name }, geometry: { type: 'LineString', coordinates: ring.map((p) => [r6(p[0]!), r6(p[1]!)]) } });
    }
  }
  return { type: 'FeatureCollection', features };
}
