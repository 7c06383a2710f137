/**
 * MVT bytes → GPU-ready binary attributes, in the ENU frame of the map (CARTESIAN metres, exact WGS-84
 * like the facilities: src/facilities/enu.ts). Runs in the tile worker (base-tiles.worker.ts); pure, so
 * the unit tests decode shipped tiles in node.
 *
 * - roads → two `line-list` vertex sets (arterial, local): two vertices per segment, Float32 xyz and
 *   RGBA bytes, for FacilityLineLayer (non-instanced: one draw per tile and class);
 * - buildings → one triangle mesh per tile: a flat roof (fan: footprints are convex by construction,
 *   tools/tile-generator/buildings.ts) and four walls per footprint edge, each face with its own normal
 *   (snorm8) so deck's Gouraud lighting shades it flat; walls darker than roofs.
 * Water and boundaries stay in the tiles but are not decoded here: on the wall Cesium draws them
 * (docs/basemap.md, who draws what).
 */
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { EnuProjector } from '../facilities/enu';
import { tileXYToLonLat, type TileKey } from './base-tiles-math';

export type Rgba = readonly [number, number, number, number];

/** Dark-wall palette: roads a notch above the navy ground, arterials brighter (map-style's navy #020b1a). */
export const ROAD_COLORS: Readonly<Record<'arterial' | 'local', Rgba>> = {
  arterial: [96, 140, 186, 220],
  local: [60, 92, 128, 190],
};
/** Walls dark blue-grey, roofs lighter; lighting (buildings-layer.ts) does the rest. */
export const BUILDING_WALL: Rgba = [62, 78, 102, 255];
export const BUILDING_ROOF: Rgba = [104, 122, 148, 255];

export interface LineVertices {
  /** Vertex count (two per segment). */
  length: number;
  positions: Float32Array;
  colors: Uint8Array;
}

export interface BuildingMesh {
  /** Vertex count (three per triangle). */
  length: number;
  buildings: number;
  positions: Float32Array;
  /** snorm8 xyz + pad per vertex. */
  normals: Int8Array;
  colors: Uint8Array;
}

export interface DecodedBaseTile {
  roads: { arterial: LineVertices; local: LineVertices } | null;
}

function tileToLonLat(t: TileKey, extent: number) {
  return (px: number, py: number): [number, number] => tileXYToLonLat(t.x + px / extent, t.y + py / extent, t.z);
}

/** Roads of a base tile as line-list vertices per class. */
export function decodeBaseTile(bytes: Uint8Array, t: TileKey, frame: { lon: number; lat: number }): DecodedBaseTile {
  const vt = new VectorTile(new PbfReader(bytes));
  const layer = vt.layers.roads;
  if (!layer) return { roads: null };
  const proj = new EnuProjector(frame.lon, frame.lat);
  const toLonLat = tileToLonLat(t, layer.extent);
  const segs: Record<'arterial' | 'local', number[]> = { arterial: [], local: [] };
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const cls = f.properties.class === 'arterial' ? 'arterial' : 'local';
    const out = segs[cls];
    for (const line of f.loadGeometry()) {
      for (let k = 0; k + 1 < line.length; k++) out.push(line[k]!.x, line[k]!.y, line[k + 1]!.x, line[k + 1]!.y);
    }
  }
  const build = (cls: 'arterial' | 'local'): LineVertices => {
    const s = segs[cls];
    const n = s.length / 2;
    const positions = new Float32Array(n * 3);
    const colors = new Uint8Array(n * 4);
    const c = ROAD_COLORS[cls];
    for (let v = 0; v < n; v++) {
      const [lon, lat] = toLonLat(s[v * 2]!, s[v * 2 + 1]!);
      proj.project(lon, lat, positions, v * 3);
      colors.set(c, v * 4);
    }
    return { length: n, positions, colors };
  };
  return { roads: { arterial: build('arterial'), local: build('local') } };
}

/** Buildings of a building tile as one flat-shaded triangle mesh. */
export function decodeBuildingTile(bytes: Uint8Array, t: TileKey, frame: { lon: number; lat: number }): BuildingMesh {
  const vt = new VectorTile(new PbfReader(bytes));
  const layer = vt.layers.buildings;
  const empty: BuildingMesh = { length: 0, buildings: 0, positions: new Float32Array(0), normals: new Int8Array(0), colors: new Uint8Array(0) };
  if (!layer) return empty;
  const proj = new EnuProjector(frame.lon, frame.lat);
  const toLonLat = tileToLonLat(t, layer.extent);
  // First pass: footprints in ENU and the vertex count, so the arrays are allocated once.
  const footprints: { ring: Float32Array; h: number }[] = [];
  let vertices = 0;
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    const rings = f.loadGeometry();
    const ring = rings[0];
    if (!ring || ring.length < 4) continue;
    // Closed ring (last = first): drop the repeat.
    const n = ring.length - (ring[0]!.x === ring[ring.length - 1]!.x && ring[0]!.y === ring[ring.length - 1]!.y ? 1 : 0);
    if (n < 3) continue;
    const xyz = new Float32Array(n * 3);
    for (let k = 0; k < n; k++) {
      const [lon, lat] = toLonLat(ring[k]!.x, ring[k]!.y);
      proj.project(lon, lat, xyz, k * 3);
    }
    footprints.push({ ring: xyz, h: Number(f.properties.h) || 10 });
    vertices += (n - 2) * 3 + n * 6;
  }
  const positions = new Float32Array(vertices * 3);
  const normals = new Int8Array(vertices * 4);
  const colors = new Uint8Array(vertices * 4);
  let v = 0;
  const put = (x: number, y: number, z: number, nx: number, ny: number, nz: number, c: Rgba) => {
    positions[v * 3] = x;
    positions[v * 3 + 1] = y;
    positions[v * 3 + 2] = z;
    normals[v * 4] = Math.round(nx * 127);
    normals[v * 4 + 1] = Math.round(ny * 127);
    normals[v * 4 + 2] = Math.round(nz * 127);
    colors.set(c, v * 4);
    v++;
  };
  for (const { ring, h } of footprints) {
    const n = ring.length / 3;
    // Roof (counter-clockwise seen from above: the ring's order). Fan from the first corner.
    for (let k = 1; k + 1 < n; k++) {
      for (const j of [0, k, k + 1]) put(ring[j * 3]!, ring[j * 3 + 1]!, ring[j * 3 + 2]! + h, 0, 0, 1, BUILDING_ROOF);
    }
    // Walls: counter-clockwise seen from outside, outward normal (dy, -dx) of a CCW ring's edge.
    for (let k = 0; k < n; k++) {
      const a = k * 3;
      const b = ((k + 1) % n) * 3;
      const [ax, ay, az, bx, by, bz] = [ring[a]!, ring[a + 1]!, ring[a + 2]!, ring[b]!, ring[b + 1]!, ring[b + 2]!];
      const len = Math.hypot(bx - ax, by - ay) || 1;
      const nx = (by - ay) / len;
      const ny = -(bx - ax) / len;
      put(ax, ay, az, nx, ny, 0, BUILDING_WALL);
      put(bx, by, bz, nx, ny, 0, BUILDING_WALL);
      put(bx, by, bz + h, nx, ny, 0, BUILDING_WALL);
      put(ax, ay, az, nx, ny, 0, BUILDING_WALL);
      put(bx, by, bz + h, nx, ny, 0, BUILDING_WALL);
      put(ax, ay, az + h, nx, ny, 0, BUILDING_WALL);
    }
  }
  return { length: v, buildings: footprints.length, positions, normals, colors };
}
