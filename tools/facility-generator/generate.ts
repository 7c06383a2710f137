/**
 * Facility data for the central districts, deterministic from a seed: the street network (roads.ts),
 * then manholes, streetlights and pipe segments laid along it with the densities in config.ts, each
 * with a status drawn from STATUS_SHARES. Output is columns (typed arrays), one set per kind, in the
 * layout of COLUMN_TYPES (src/facilities/schema.ts); arrow.ts writes them as Arrow IPC files.
 *
 * Invariants the tests check: every stored point (after rounding to Float32 offsets) is inside its
 * district's boundary and at least RIVER_HALF_WIDTH_M from the river's centreline; ids ascend; the same
 * seed gives the same bytes. Random streams are derived per (part, district), so changing one network's
 * layout never moves another's facilities.
 */
import { isInUnit, type Boundaries } from '../demo-generator/geography';
import { Rng } from '../demo-generator/random';
import {
  COLUMN_TYPES,
  FACILITY_ORIGIN,
  FACILITY_UNITS,
  facilityId,
  inspectionDay,
  type FacilityKind,
} from '../../src/facilities/schema';
import { ColumnSet } from './columns';
import {
  DISTRICT_GRIDS,
  INSPECTION_OVERDUE_DAYS_BACK,
  INSPECTION_OVERDUE_SHARE,
  INSPECTION_TODAY_MS,
  LIGHT_LAYOUT,
  MANHOLE_LAYOUT,
  PIPE_AGE_RISK,
  PIPE_LAYOUT,
  PIPE_MAX_SEGMENT_M,
  REFERENCE_YEAR,
  RIVER_HALF_WIDTH_M,
  ROAD_RIVER_MARGIN_M,
  STATUS_SHARES,
  type DistrictGrid,
} from './config';
import { fromPlane, type RiverCorridor } from './geometry';
import { buildDistrictRoads, totalLengthKm, type RoadEdge } from './roads';

type Cols<K extends FacilityKind> = keyof (typeof COLUMN_TYPES)[K] & string;
export type FacilityArrays = { [K in FacilityKind]: Record<Cols<K>, Uint8Array | Uint16Array | Uint32Array | Float32Array> };

export interface RoadSummary {
  unit: string;
  edges: number;
  localKm: number;
  arterialKm: number;
}

export interface GeneratedFacilities {
  seed: number;
  arrays: FacilityArrays;
  roads: RoadSummary[];
}

/** The stored form of a coordinate: a Float32 offset from FACILITY_ORIGIN. */
export const storedOffset = (deg: number, origin: number): number => Math.fround(deg - origin);

function drawStatus(rng: Rng, shares: { alarm: number; offline: number; repair: number }, risk = 1): number {
  const u = rng.float();
  if (u < shares.alarm * risk) return 1;
  if (u < (shares.alarm + shares.offline) * risk) return 2;
  if (u < (shares.alarm + shares.offline + shares.repair) * risk) return 3;
  return 0;
}

const INSPECTION_TODAY = inspectionDay(INSPECTION_TODAY_MS);

/**
 * Day number (days since 2020-01-01) of a facility's last inspection: within the yearly cycle for most,
 * 1–3 years back for the overdue share. Its own random stream per (kind, district), so adding this
 * column moved no other column's values.
 */
function drawInspected(rng: Rng, overdueShare: number): number {
  if (rng.chance(overdueShare)) {
    const [min, mode, max] = INSPECTION_OVERDUE_DAYS_BACK;
    return INSPECTION_TODAY - Math.round(rng.triangular(min, mode, max));
  }
  return INSPECTION_TODAY - rng.int(0, 364);
}

/** Pipe material code (PIPE_MATERIALS) from network, diameter and install year. */
function pipeMaterial(rng: Rng, network: number, diameter: number, year: number): number {
  const [DUCTILE, GREY, STEEL, PE, PVC, HDPE, CONCRETE] = [0, 1, 2, 3, 4, 5, 6];
  switch (network) {
    case 0:
      if (year < 1995) return rng.chance(0.6) ? GREY : DUCTILE;
      if (diameter <= 200) return rng.chance(0.5) ? PE : DUCTILE;
      return rng.chance(0.85) ? DUCTILE : STEEL;
    case 1:
      if (diameter >= 800) return CONCRETE;
      if (year < 2005) return rng.chance(0.8) ? CONCRETE : PVC;
      if (diameter <= 400) return rng.weighted([[HDPE, 0.6], [PVC, 0.25], [CONCRETE, 0.15]]);
      return rng.chance(0.5) ? HDPE : CONCRETE;
    default:
      if (year < 1998) return STEEL;
      if (diameter >= 200) return rng.chance(0.7) ? STEEL : PE;
      return rng.chance(0.85) ? PE : STEEL;
  }
}

interface UnitContext {
  ordinal: number;
  grid: DistrictGrid;
  /** Final check of a stored point. */
  pointOk: (lon: number, lat: number) => boolean;
}

/**
 * Appends one point row if its stored coordinates pass the final checks; returns the row or -1.
 * `x, y` are plane metres.
 */
function placePoint<K extends string>(cols: ColumnSet<K | 'dlon' | 'dlat'>, ctx: UnitContext, x: number, y: number): number {
  const [lon, lat] = fromPlane(x, y);
  const dlon = storedOffset(lon, FACILITY_ORIGIN.lon);
  const dlat = storedOffset(lat, FACILITY_ORIGIN.lat);
  if (!ctx.pointOk(FACILITY_ORIGIN.lon + dlon, FACILITY_ORIGIN.lat + dlat)) return -1;
  const row = cols.addRow();
  cols.set('dlon', row, dlon);
  cols.set('dlat', row, dlat);
  return row;
}

function layManholes(cols: ColumnSet<Cols<'manholes'>>, ctx: UnitContext, edges: readonly RoadEdge[], seed: number, unit: string): void {
  const rng = Rng.derive(seed, 'manholes', unit);
  const statusRng = Rng.derive(seed, 'manholes-status', unit);
  const inspectRng = Rng.derive(seed, 'manholes-inspected', unit);
  let seq = 0;
  for (const e of edges) {
    const dx = (e.x1 - e.x0) / e.length;
    const dy = (e.y1 - e.y0) / e.length;
    for (const spec of MANHOLE_LAYOUT[e.cls]) {
      if (!rng.chance(spec.share)) continue;
      for (let line = 0; line < spec.lines; line += 1) {
        const offset = line === 0 ? spec.offset : -spec.offset;
        for (let s = rng.range(0, spec.spacing); s < e.length; s += spec.spacing * rng.range(0.85, 1.15)) {
          const row = placePoint(cols, ctx, e.x0 + dx * s - dy * offset, e.y0 + dy * s + dx * offset);
          if (row < 0) continue;
          cols.set('id', row, facilityId(ctx.ordinal, seq++));
          cols.set('unit', row, ctx.ordinal);
          cols.set('type', row, spec.type);
          cols.set('status', row, drawStatus(statusRng, STATUS_SHARES.manholes));
          cols.set('inspected', row, drawInspected(inspectRng, INSPECTION_OVERDUE_SHARE.manholes));
        }
      }
    }
  }
}

function layStreetlights(cols: ColumnSet<Cols<'streetlights'>>, ctx: UnitContext, edges: readonly RoadEdge[], seed: number, unit: string): void {
  const rng = Rng.derive(seed, 'streetlights', unit);
  const statusRng = Rng.derive(seed, 'streetlights-status', unit);
  const inspectRng = Rng.derive(seed, 'streetlights-inspected', unit);
  let seq = 0;
  for (const e of edges) {
    const spec = LIGHT_LAYOUT[e.cls];
    const dx = (e.x1 - e.x0) / e.length;
    const dy = (e.y1 - e.y0) / e.length;
    // One lamp type and wattage per block edge: streets are relamped a block at a time.
    const sodium = rng.chance(ctx.grid.sodiumShare);
    const watts = sodium ? rng.pick(spec.sodiumWatts) : rng.pick(spec.ledWatts);
    const sides = spec.bothSides ? [1, -1] : [0];
    for (const side of sides) {
      let k = 0;
      for (let s = rng.range(0, spec.spacing); s < e.length; s += spec.spacing * rng.range(0.92, 1.08)) {
        // One side: staggered (alternating sides); both sides: each side its own row of poles.
        const offset = spec.offset * (side === 0 ? (k++ % 2 === 0 ? 1 : -1) : side);
        const row = placePoint(cols, ctx, e.x0 + dx * s - dy * offset, e.y0 + dy * s + dx * offset);
        if (row < 0) continue;
        cols.set('id', row, facilityId(ctx.ordinal, seq++));
        cols.set('unit', row, ctx.ordinal);
        cols.set('lamp', row, sodium ? 1 : 0);
        cols.set('watts', row, watts);
        cols.set('status', row, drawStatus(statusRng, STATUS_SHARES.streetlights));
        cols.set('inspected', row, drawInspected(inspectRng, INSPECTION_OVERDUE_SHARE.streetlights));
      }
    }
  }
}

function layPipes(cols: ColumnSet<Cols<'pipes'>>, ctx: UnitContext, edges: readonly RoadEdge[], seed: number, unit: string): void {
  const rng = Rng.derive(seed, 'pipes', unit);
  const statusRng = Rng.derive(seed, 'pipes-status', unit);
  const inspectRng = Rng.derive(seed, 'pipes-inspected', unit);
  // Normalises the age risk so the overall shares stay near STATUS_SHARES.pipes (mean age ≈ 20 years).
  const riskNorm = 1 + PIPE_AGE_RISK * 2;
  let seq = 0;
  for (const e of edges) {
    const dx = (e.x1 - e.x0) / e.length;
    const dy = (e.y1 - e.y0) / e.length;
    const pieces = Math.max(1, Math.ceil(e.length / PIPE_MAX_SEGMENT_M));
    for (const spec of PIPE_LAYOUT[e.cls]) {
      if (!rng.chance(spec.share)) continue;
      for (let line = 0; line < spec.lines; line += 1) {
        const offset = line === 0 ? spec.offset : -spec.offset;
        // One diameter, year and material per line along a block: laid together.
        const diameter = rng.pick(spec.diameters);
        let year = Math.round(rng.triangular(ctx.grid.yearMin, ctx.grid.yearMode, REFERENCE_YEAR - 1));
        if (spec.network === 2) year = Math.max(year, 1996); // piped natural gas arrived in the late 1990s
        const material = pipeMaterial(rng, spec.network, diameter, year);
        const risk = (1 + (PIPE_AGE_RISK * (REFERENCE_YEAR - year)) / 10) / riskNorm;
        for (let p = 0; p < pieces; p += 1) {
          const s0 = (e.length * p) / pieces;
          const s1 = (e.length * (p + 1)) / pieces;
          const [lon0, lat0] = fromPlane(e.x0 + dx * s0 - dy * offset, e.y0 + dy * s0 + dx * offset);
          const [lon1, lat1] = fromPlane(e.x0 + dx * s1 - dy * offset, e.y0 + dy * s1 + dx * offset);
          const d = [
            storedOffset(lon0, FACILITY_ORIGIN.lon),
            storedOffset(lat0, FACILITY_ORIGIN.lat),
            storedOffset(lon1, FACILITY_ORIGIN.lon),
            storedOffset(lat1, FACILITY_ORIGIN.lat),
          ] as const;
          const status = drawStatus(statusRng, STATUS_SHARES.pipes, risk);
          if (!ctx.pointOk(FACILITY_ORIGIN.lon + d[0], FACILITY_ORIGIN.lat + d[1])) continue;
          if (!ctx.pointOk(FACILITY_ORIGIN.lon + d[2], FACILITY_ORIGIN.lat + d[3])) continue;
          const row = cols.addRow();
          cols.set('id', row, facilityId(ctx.ordinal, seq++));
          cols.set('unit', row, ctx.ordinal);
          cols.set('network', row, spec.network);
          cols.set('material', row, material);
          cols.set('status', row, status);
          cols.set('diameter', row, diameter);
          cols.set('installYear', row, year);
          cols.set('inspected', row, drawInspected(inspectRng, INSPECTION_OVERDUE_SHARE.pipes));
          cols.set('dlon0', row, d[0]);
          cols.set('dlat0', row, d[1]);
          cols.set('dlon1', row, d[2]);
          cols.set('dlat1', row, d[3]);
        }
      }
    }
  }
}

export interface GenerateOptions {
  seed: number;
  boundaries: Boundaries;
  river: RiverCorridor;
  /** Only these districts (tests use one small district to stay quick). Default: all five. */
  units?: readonly string[];
}

export function generateFacilities({ seed, boundaries, river, units }: GenerateOptions): GeneratedFacilities {
  const manholes = new ColumnSet(COLUMN_TYPES.manholes);
  const streetlights = new ColumnSet(COLUMN_TYPES.streetlights);
  const pipes = new ColumnSet(COLUMN_TYPES.pipes);
  const roads: RoadSummary[] = [];
  FACILITY_UNITS.forEach((unit, ordinal) => {
    if (units && !units.includes(unit)) return;
    const grid = DISTRICT_GRIDS.find((g) => g.unit === unit);
    if (!grid) throw new Error(`no street grid configured for ${unit}`);
    const roadOk = (lon: number, lat: number) =>
      isInUnit(boundaries, unit, lon, lat) && river.distance(lon, lat) >= RIVER_HALF_WIDTH_M + ROAD_RIVER_MARGIN_M;
    const pointOk = (lon: number, lat: number) => isInUnit(boundaries, unit, lon, lat) && river.distance(lon, lat) >= RIVER_HALF_WIDTH_M;
    const edges = buildDistrictRoads(grid, Rng.derive(seed, 'roads', unit), roadOk);
    const km = totalLengthKm(edges);
    roads.push({ unit, edges: edges.length, localKm: km.local, arterialKm: km.arterial });
    const ctx: UnitContext = { ordinal, grid, pointOk };
    layManholes(manholes, ctx, edges, seed, unit);
    layStreetlights(streetlights, ctx, edges, seed, unit);
    layPipes(pipes, ctx, edges, seed, unit);
  });
  return {
    seed,
    arrays: { manholes: manholes.finish(), streetlights: streetlights.finish(), pipes: pipes.finish() },
    roads,
  };
}
