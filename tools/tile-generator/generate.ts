/**
 * The base map's vector tiles, built once at build time (`npm run generate:tiles`) and shipped in
 * public/tiles (docs/basemap.md). Mapbox Vector Tiles (protobuf, extent 4096) in web-mercator z/x/y:
 *
 * - `base/{z}/{x}/{y}.pbf`, z10–z14, layers `water` (the Yangtze corridor, every zoom), `roads`
 *   (`class` arterial from z10, local from z12) and `boundaries` (unit outlines, z10–z12: the wall draws
 *   them with Cesium, the tiles carry them for completeness and for other clients). geojson-vt clips and
 *   simplifies per zoom (tolerance in tile pixels), vt-pbf encodes.
 * - `buildings/13/{x}/{y}.pbf`, layer `buildings`: footprint polygons with `h` (height, m), each building
 *   stored whole in the one tile its centre falls in (never clipped, so no seams or doubled walls).
 * - `index.json`: which tiles exist (the browser never asks for an empty one), zooms, counts, bytes.
 *
 * Deterministic: the same seed gives the same bytes (a test compares a fresh run with the shipped files).
 */
import GeoJSONVT from 'geojson-vt';
import type { FeatureCollection, Geometry } from 'geojson';
import { fromGeojsonVt, type VtFeature } from 'vt-pbf';
import type { Boundaries } from '../demo-generator/geography';
import type { RiverCorridor } from '../facility-generator/geometry';
import { lonLatToTile, lonLatToTileXY, tileId, type TileKey } from '../../src/map/base-tiles-math';
import { generateBuildings, type Building } from './buildings';
import { boundaryFeatures, districtRoads, riverLine, roadFeatures, waterFeature } from './sources';

export const TILE_GENERATOR = 'citywall tools/tile-generator v1';
export const TILE_EXTENT = 4096;
export const BASE_MIN_ZOOM = 10;
export const BASE_MAX_ZOOM = 14;
export const LOCAL_ROADS_MIN_ZOOM = 12;
export const BOUNDARIES_MAX_ZOOM = 12;
export const BUILDING_ZOOM = 13;

export interface TileIndex {
  generator: string;
  seed: number;
  format: 'mvt';
  extent: number;
  base: { path: string; minZoom: number; maxZoom: number; layers: string[]; tiles: Record<string, string[]> };
  buildings: { path: string; zoom: number; layer: string; count: number; tiles: string[] };
  bytes: number;
}

export interface GeneratedTiles {
  /** Relative path under public/tiles → bytes. */
  files: Map<string, Uint8Array>;
  index: TileIndex;
  buildings: Building[];
  roadFeatures: number;
}

function bboxOf(fc: FeatureCollection): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1] as number);
      n = Math.max(n, c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of fc.features) visit((f.geometry as Exclude<Geometry, { type: 'GeometryCollection' }>).coordinates);
  return [w, s, e, n];
}

function tilesInBox([w, s, e, n]: [number, number, number, number], z: number): TileKey[] {
  const a = lonLatToTile(w, n, z);
  const b = lonLatToTile(e, s, z);
  const out: TileKey[] = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) out.push({ z, x, y });
  return out;
}

export function generateTiles(seed: number, boundaries: Boundaries, river: RiverCorridor): GeneratedTiles {
  const districts = districtRoads(seed, boundaries, river);
  const roads = roadFeatures(districts);
  const arterials: FeatureCollection = { type: 'FeatureCollection', features: roads.features.filter((f) => f.properties.class === 'arterial') };
  const water: FeatureCollection = { type: 'FeatureCollection', features: [waterFeature(riverLine())] };
  const lines = boundaryFeatures(boundaries);
  const opts = { maxZoom: BASE_MAX_ZOOM, indexMaxZoom: 0, indexMaxPoints: 0, extent: TILE_EXTENT, buffer: 32, tolerance: 2 };
  const sources = {
    water: { vt: new GeoJSONVT(water, opts), box: bboxOf(water), zooms: [BASE_MIN_ZOOM, BASE_MAX_ZOOM] },
    roads: { vt: new GeoJSONVT(roads, opts), box: bboxOf(roads), zooms: [LOCAL_ROADS_MIN_ZOOM, BASE_MAX_ZOOM] },
    arterials: { vt: new GeoJSONVT(arterials, opts), box: bboxOf(arterials), zooms: [BASE_MIN_ZOOM, LOCAL_ROADS_MIN_ZOOM - 1] },
    boundaries: { vt: new GeoJSONVT(lines, opts), box: bboxOf(lines), zooms: [BASE_MIN_ZOOM, BOUNDARIES_MAX_ZOOM] },
  } as const;
  const layerOf = { water: 'water', roads: 'roads', arterials: 'roads', boundaries: 'boundaries' } as const;

  const files = new Map<string, Uint8Array>();
  const baseTiles: Record<string, string[]> = {};
  let bytes = 0;
  for (let z = BASE_MIN_ZOOM; z <= BASE_MAX_ZOOM; z++) {
    // tile id → layer name → features, in a fixed layer order.
    const layers = new Map<string, Record<string, VtFeature[]>>();
    for (const [name, src] of Object.entries(sources)) {
      if (z < src.zooms[0] || z > src.zooms[1]) continue;
      for (const t of tilesInBox(src.box, z)) {
        const tile = src.vt.getTile(z, t.x, t.y);
        if (!tile || tile.features.length === 0) continue;
        const id = tileId(t);
        let rec = layers.get(id);
        if (!rec) layers.set(id, (rec = {}));
        (rec[layerOf[name as keyof typeof layerOf]] ??= []).push(...(tile.features as VtFeature[]));
      }
    }
    const ids = [...layers.keys()].sort(compareIds);
    baseTiles[z] = ids.map((id) => id.slice(id.indexOf('/') + 1));
    for (const id of ids) {
      const rec = layers.get(id)!;
      const ordered: Record<string, { features: VtFeature[] }> = {};
      for (const name of ['water', 'roads', 'boundaries']) if (rec[name]) ordered[name] = { features: rec[name] };
      const pbf = copy(fromGeojsonVt(ordered, { version: 2, extent: TILE_EXTENT }));
      files.set(`base/${id}.pbf`, pbf);
      bytes += pbf.byteLength;
    }
  }

  const buildings = generateBuildings(districts, seed, boundaries, river);
  const byTile = new Map<string, VtFeature[]>();
  for (const b of buildings) {
    const cLon = (b.ring[0]![0] + b.ring[2]![0]) / 2;
    const cLat = (b.ring[0]![1] + b.ring[2]![1]) / 2;
    const t = lonLatToTile(cLon, cLat, BUILDING_ZOOM);
    const ring = b.ring.map(([lon, lat]) => {
      const [fx, fy] = lonLatToTileXY(lon, lat, BUILDING_ZOOM);
      return [Math.round((fx - t.x) * TILE_EXTENT), Math.round((fy - t.y) * TILE_EXTENT)];
    });
    ring.push(ring[0]!);
    const id = tileId(t);
    let list = byTile.get(id);
    if (!list) byTile.set(id, (list = []));
    list.push({ type: 3, geometry: [ring], tags: { h: b.height } });
  }
  const buildingIds = [...byTile.keys()].sort(compareIds);
  for (const id of buildingIds) {
    const pbf = copy(fromGeojsonVt({ buildings: { features: byTile.get(id)! } }, { version: 2, extent: TILE_EXTENT }));
    files.set(`buildings/${id}.pbf`, pbf);
    bytes += pbf.byteLength;
  }

  const index: TileIndex = {
    generator: TILE_GENERATOR,
    seed,
    format: 'mvt',
    extent: TILE_EXTENT,
    base: { path: 'base', minZoom: BASE_MIN_ZOOM, maxZoom: BASE_MAX_ZOOM, layers: ['water', 'roads', 'boundaries'], tiles: baseTiles },
    buildings: { path: 'buildings', zoom: BUILDING_ZOOM, layer: 'buildings', count: buildings.length, tiles: buildingIds.map((id) => id.slice(id.indexOf('/') + 1)) },
    bytes,
  };
  const indexBytes = new TextEncoder().encode(`${JSON.stringify(index)}\n`);
  files.set('index.json', indexBytes);
  return { files, index, buildings, roadFeatures: roads.features.length };
}

function compareIds(a: string, b: string): number {
  const [za, xa, ya] = a.split('/').map(Number) as [number, number, number];
  const [zb, xb, yb] = b.split('/').map(Number) as [number, number, number];
  return za - zb || xa - xb || ya - yb;
}

/** A standalone copy (pbf's finish() is a view into a larger buffer). */
function copy(view: Uint8Array): Uint8Array {
  return new Uint8Array(view);
}
