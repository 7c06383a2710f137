/**
 * A plausible street network per district core, since the real one is not available: two families of
 * straight, perpendicular street lines along the district's axis, with uneven spacing (each gap 70–130 %
 * of the mean), every n-th line an arterial, some local blocks dropped (campuses, parks, superblocks).
 * Each line is cut at its crossings into block edges; an edge is kept only when it lies wholly inside the
 * district's boundary and off the Yangtze corridor, tested every ROAD_SAMPLE_STEP_M along it.
 */
import type { Rng } from '../demo-generator/random';
import { ROAD_SAMPLE_STEP_M, type DistrictGrid, type RoadClass } from './config';
import { fromPlane, toPlane } from './geometry';

/** One block edge of a street, in plane metres (geometry.ts). */
export interface RoadEdge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  cls: RoadClass;
  length: number;
}

/** Whether a lon/lat point may carry a road (inside the district, off the river with margin). */
export type RoadPredicate = (lon: number, lat: number) => boolean;

/** Cumulative uneven offsets from -half to +half. */
function lineOffsets(rng: Rng, half: number, spacing: number, jitter: number): number[] {
  const out: number[] = [];
  for (let a = -half + rng.range(0, spacing); a <= half; a += spacing * rng.range(0.7, 1.3)) {
    out.push(a + rng.range(-jitter, jitter));
  }
  return out.sort((p, q) => p - q);
}

function edgeAccepted(x0: number, y0: number, x1: number, y1: number, length: number, ok: RoadPredicate): boolean {
  const steps = Math.max(1, Math.ceil(length / ROAD_SAMPLE_STEP_M));
  for (let i = 0; i <= steps; i += 1) {
    const t = i / steps;
    const [lon, lat] = fromPlane(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t);
    if (!ok(lon, lat)) return false;
  }
  return true;
}

export function buildDistrictRoads(grid: DistrictGrid, rng: Rng, ok: RoadPredicate): RoadEdge[] {
  const norm = Math.sqrt(grid.axis[0] * grid.axis[0] + grid.axis[1] * grid.axis[1]);
  const ux = grid.axis[0] / norm;
  const uy = grid.axis[1] / norm;
  // v is u turned 90° anticlockwise.
  const vx = -uy;
  const vy = ux;
  const [cx, cy] = toPlane(grid.center[0], grid.center[1]);
  const across = lineOffsets(rng, grid.halfAcross, grid.spacing, grid.jitter); // lines along u
  const along = lineOffsets(rng, grid.halfAlong, grid.spacing, grid.jitter); // lines along v
  const phaseA = rng.int(0, grid.arterialEvery - 1);
  const phaseB = rng.int(0, grid.arterialEvery - 1);
  const at = (s: number, t: number): [number, number] => [cx + s * ux + t * vx, cy + s * uy + t * vy];

  const edges: RoadEdge[] = [];
  const family = (lines: number[], cuts: number[], phase: number, point: (line: number, cut: number) => [number, number]) => {
    lines.forEach((line, k) => {
      const cls: RoadClass = k % grid.arterialEvery === phase ? 'arterial' : 'local';
      for (let j = 0; j + 1 < cuts.length; j += 1) {
        // Draw unconditionally so that one dropped edge never shifts the draws of the others.
        const drop = rng.chance(grid.dropLocal);
        if (cls === 'local' && drop) continue;
        const [x0, y0] = point(line, cuts[j] as number);
        const [x1, y1] = point(line, cuts[j + 1] as number);
        const length = Math.sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        if (edgeAccepted(x0, y0, x1, y1, length, ok)) edges.push({ x0, y0, x1, y1, cls, length });
      }
    });
  };
  family(across, along, phaseA, (line, cut) => at(cut, line));
  family(along, across, phaseB, (line, cut) => at(line, cut));
  return edges;
}

export function totalLengthKm(edges: readonly RoadEdge[]): { local: number; arterial: number } {
  let local = 0;
  let arterial = 0;
  for (const e of edges) {
    if (e.cls === 'local') local += e.length;
    else arterial += e.length;
  }
  return { local: local / 1000, arterial: arterial / 1000 };
}
