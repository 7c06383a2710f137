/**
 * Where cases happen: a point inside the unit's real boundary (public/geo/yichang-counties.geojson),
 * most of them around the unit's urban core; 高新区, which has no boundary, inside its approximate
 * circle (GAOXIN_APPROX). Coordinates are in the boundary data's own system (see data/README) and
 * rounded to 6 decimals; the containment test is done on the rounded point.
 */
import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GAOXIN_APPROX, UNIT_GEO_NAME, type UnitId } from '../../data-adapters/domain';
import { UNIT_CORES } from './config';
import type { Rng } from './random';

export type UnitGeometry = Feature<Polygon | MultiPolygon, { name: string }>;
export type Boundaries = Readonly<Record<Exclude<UnitId, 'gaoxin'>, UnitGeometry>>;

export const BOUNDARIES_URL = new URL('../../public/geo/yichang-counties.geojson', import.meta.url);

/** Degrees per km. Longitude uses cos(30.7°) ≈ 0.85988 as a constant: no trigonometry at run time. */
const KM_PER_DEG_LAT = 111.32;
const KM_PER_DEG_LON = 111.32 * 0.85988;

export function parseBoundaries(text: string): Boundaries {
  const fc = JSON.parse(text) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const out: Partial<Record<Exclude<UnitId, 'gaoxin'>, UnitGeometry>> = {};
  for (const [unitId, name] of Object.entries(UNIT_GEO_NAME) as [Exclude<UnitId, 'gaoxin'>, string][]) {
    const feature = fc.features.find((f) => f.properties?.name === name);
    if (!feature) throw new Error(`boundary of ${name} (${unitId}) not found`);
    out[unitId] = feature;
  }
  return out as Boundaries;
}

export function loadBoundaries(): Boundaries {
  return parseBoundaries(readFileSync(BOUNDARIES_URL, 'utf8'));
}

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Great-circle-free distance for small spans (equirectangular), in km. */
export function approxDistanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const dx = (a[0] - b[0]) * KM_PER_DEG_LON;
  const dy = (a[1] - b[1]) * KM_PER_DEG_LAT;
  return Math.sqrt(dx * dx + dy * dy);
}

export function isInUnit(boundaries: Boundaries, unitId: UnitId, lon: number, lat: number): boolean {
  if (unitId === 'gaoxin') return approxDistanceKm([lon, lat], GAOXIN_APPROX.center) <= GAOXIN_APPROX.radiusKm;
  return booleanPointInPolygon([lon, lat], boundaries[unitId]);
}

function bbox(feature: UnitGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings = feature.geometry.type === 'Polygon' ? feature.geometry.coordinates : feature.geometry.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export interface PlacedPoint {
  lon: number;
  lat: number;
  /** True when the point was drawn around the urban core (used to pick a street rather than a town). */
  urban: boolean;
}

/** Samples points per unit; caches bounding boxes. */
export class UnitSampler {
  private readonly boxes = new Map<UnitId, [number, number, number, number]>();

  constructor(private readonly boundaries: Boundaries) {}

  sample(rng: Rng, unitId: UnitId): PlacedPoint {
    if (unitId === 'gaoxin') return this.inCircle(rng, GAOXIN_APPROX.center, GAOXIN_APPROX.radiusKm * 0.95);
    const core = UNIT_CORES[unitId];
    if (rng.chance(core.share)) {
      // Around the core: a bounded bell (σ ≈ radius/2), kept only when inside the boundary.
      for (let i = 0; i < 60; i += 1) {
        const lon = round6(core.center[0] + (rng.normal() * core.radiusKm) / 2 / KM_PER_DEG_LON);
        const lat = round6(core.center[1] + (rng.normal() * core.radiusKm) / 2 / KM_PER_DEG_LAT);
        if (booleanPointInPolygon([lon, lat], this.boundaries[unitId])) return { lon, lat, urban: true };
      }
    }
    let box = this.boxes.get(unitId);
    if (!box) {
      box = bbox(this.boundaries[unitId]);
      this.boxes.set(unitId, box);
    }
    for (let i = 0; i < 10_000; i += 1) {
      const lon = round6(rng.range(box[0], box[2]));
      const lat = round6(rng.range(box[1], box[3]));
      if (booleanPointInPolygon([lon, lat], this.boundaries[unitId])) {
        return { lon, lat, urban: approxDistanceKm([lon, lat], core.center) <= core.radiusKm };
      }
    }
    throw new Error(`could not place a point inside ${unitId}`);
  }

  private inCircle(rng: Rng, center: readonly [number, number], radiusKm: number): PlacedPoint {
    // Uniform over the disc by rejection from the square (no trigonometry).
    for (;;) {
      const x = rng.range(-1, 1);
      const y = rng.range(-1, 1);
      const d2 = x * x + y * y;
      if (d2 > 1 || d2 === 0) continue;
      const lon = round6(center[0] + (x * radiusKm) / KM_PER_DEG_LON);
      const lat = round6(center[1] + (y * radiusKm) / KM_PER_DEG_LAT);
      return { lon, lat, urban: true };
    }
  }
}
