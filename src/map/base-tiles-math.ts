/**
 * Tile maths of the base map, shared by the build-time tile generator (tools/tile-generator) and the
 * browser's tile manager (base-tiles.ts). Pure: no engine imports, so both sides and the unit tests use
 * the same code.
 *
 * Tiles are the usual web-mercator z/x/y (x east, y south, 2^z per axis). The map itself is not
 * web-mercator (deck.gl draws in the ENU frame on Cesium's camera, camera-sync.ts): tiles are only the
 * unit of storage and fetching, and their content is projected to ENU metres when decoded.
 *
 * The visible ground footprint is found from the deck view/projection matrices alone (normalised device
 * coordinates, no canvas size): rays through points on the screen border are cut with the tangent plane
 * z = 0 of the ENU frame; a ray that misses the ground, or meets it beyond `maxDistanceM`, is clamped to
 * that distance (the horizon at a low pitch). Curvature is ignored there: 30 km out the ellipsoid drops
 * ~70 m below the plane, far less than a tile.
 */
import { multiplyMat4 as multiply, type Mat4 } from './geo-math';

export interface TileKey {
  z: number;
  x: number;
  y: number;
}

export const tileId = (t: TileKey): string => `${t.z}/${t.x}/${t.y}`;

export function parseTileId(id: string): TileKey {
  const [z, x, y] = id.split('/').map(Number);
  if (!Number.isInteger(z) || !Number.isInteger(x) || !Number.isInteger(y)) throw new Error(`bad tile id ${id}`);
  return { z: z!, x: x!, y: y! };
}

/** Fractional tile coordinates of a lon/lat at zoom z. */
export function lonLatToTileXY(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = ((lon + 180) / 360) * n;
  const s = Math.sin((lat * Math.PI) / 180);
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n;
  return [x, y];
}

/** The tile containing a lon/lat. */
export function lonLatToTile(lon: number, lat: number, z: number): TileKey {
  const [x, y] = lonLatToTileXY(lon, lat, z);
  const n = 2 ** z;
  return { z, x: Math.min(n - 1, Math.max(0, Math.floor(x))), y: Math.min(n - 1, Math.max(0, Math.floor(y))) };
}

/** lon/lat of a (fractional) tile coordinate: the tile's north-west corner for integers. */
export function tileXYToLonLat(x: number, y: number, z: number): [number, number] {
  const n = 2 ** z;
  const lon = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lon, lat];
}

/** West, south, east, north of a tile in degrees. */
export function tileBounds(t: TileKey): [number, number, number, number] {
  const [w, n] = tileXYToLonLat(t.x, t.y, t.z);
  const [e, s] = tileXYToLonLat(t.x + 1, t.y + 1, t.z);
  return [w, s, e, n];
}

export function parentTile(t: TileKey): TileKey | null {
  return t.z === 0 ? null : { z: t.z - 1, x: t.x >> 1, y: t.y >> 1 };
}

/** log2(mercator tile pixels per metre · metres per degree…): metres per 256-px tile pixel at z0, equator. */
const MERCATOR_M_PER_PX_Z0 = 156_543.033_928;

/**
 * The tile zoom whose pixels are about screen-sized at the focus: deck's `zoom` is log2(screen px per
 * metre) there (camera-sync.ts), a tile pixel at zoom z measures 156543·cos(lat)/2^z metres.
 */
export function focusTileZoom(deckZoom: number, lat: number): number {
  return deckZoom + Math.log2(MERCATOR_M_PER_PX_Z0 * Math.cos((lat * Math.PI) / 180));
}

/** A 4-vector times a column-major 4x4 matrix. */
function transform(m: readonly number[], v: readonly [number, number, number, number]): [number, number, number, number] {
  const out: [number, number, number, number] = [0, 0, 0, 0];
  for (let r = 0; r < 4; r++) out[r] = m[r]! * v[0] + m[4 + r]! * v[1] + m[8 + r]! * v[2] + m[12 + r]! * v[3];
  return out;
}

/** Inverse of a 4x4 column-major matrix (null when singular). */
export function invertMat4(m: readonly number[]): Mat4 | null {
  const [a00, a01, a02, a03, a10, a11, a12, a13, a20, a21, a22, a23, a30, a31, a32, a33] = m as number[] as [
    number, number, number, number, number, number, number, number, number, number, number, number, number, number, number, number,
  ];
  const b00 = a00 * a11 - a01 * a10;
  const b01 = a00 * a12 - a02 * a10;
  const b02 = a00 * a13 - a03 * a10;
  const b03 = a01 * a12 - a02 * a11;
  const b04 = a01 * a13 - a03 * a11;
  const b05 = a02 * a13 - a03 * a12;
  const b06 = a20 * a31 - a21 * a30;
  const b07 = a20 * a32 - a22 * a30;
  const b08 = a20 * a33 - a23 * a30;
  const b09 = a21 * a32 - a22 * a31;
  const b10 = a21 * a33 - a23 * a31;
  const b11 = a22 * a33 - a23 * a32;
  const det = b00 * b11 - b01 * b10 + b02 * b09 + b03 * b08 - b04 * b07 + b05 * b06;
  if (!det) return null;
  const d = 1 / det;
  return [
    (a11 * b11 - a12 * b10 + a13 * b09) * d, (a02 * b10 - a01 * b11 - a03 * b09) * d, (a31 * b05 - a32 * b04 + a33 * b03) * d, (a22 * b04 - a21 * b05 - a23 * b03) * d,
    (a12 * b08 - a10 * b11 - a13 * b07) * d, (a00 * b11 - a02 * b08 + a03 * b07) * d, (a32 * b02 - a30 * b05 - a33 * b01) * d, (a20 * b05 - a22 * b02 + a23 * b01) * d,
    (a10 * b10 - a11 * b08 + a13 * b06) * d, (a01 * b08 - a00 * b10 - a03 * b06) * d, (a30 * b04 - a31 * b02 + a33 * b00) * d, (a21 * b02 - a20 * b04 - a23 * b00) * d,
    (a11 * b07 - a10 * b09 - a12 * b06) * d, (a00 * b09 - a01 * b07 + a02 * b06) * d, (a31 * b01 - a30 * b03 - a32 * b00) * d, (a20 * b03 - a21 * b01 + a22 * b00) * d,
  ];
}

/**
 * The ground seen by a camera, as a convex polygon of ENU x/y metres (counter-clockwise), or [] when no
 * ground is in view. `viewMatrix` takes ENU to eye coordinates, `projectionMatrix` eye to clip.
 */
export function groundFootprint(viewMatrix: readonly number[], projectionMatrix: readonly number[], maxDistanceM: number, samplesPerEdge = 6): [number, number][] {
  const inv = invertMat4(multiply(projectionMatrix, viewMatrix));
  if (!inv) return [];
  const unproject = (nx: number, ny: number, nz: number): [number, number, number] => {
    const p = transform(inv, [nx, ny, nz, 1]);
    return [p[0] / p[3], p[1] / p[3], p[2] / p[3]];
  };
  // The eye in ENU: the inverse view matrix's translation.
  const invView = invertMat4(viewMatrix);
  if (!invView) return [];
  const eye: [number, number, number] = [invView[12]!, invView[13]!, invView[14]!];
  const border: [number, number][] = [];
  const n = samplesPerEdge;
  for (let i = 0; i < n; i++) border.push([-1 + (2 * i) / n, -1]);
  for (let i = 0; i < n; i++) border.push([1, -1 + (2 * i) / n]);
  for (let i = 0; i < n; i++) border.push([1 - (2 * i) / n, 1]);
  for (let i = 0; i < n; i++) border.push([-1, 1 - (2 * i) / n]);
  const points: [number, number][] = [];
  let anyHit = false;
  for (const [nx, ny] of border) {
    // A point on the far side of the frustum along this screen point: its direction from the eye.
    const far = unproject(nx, ny, 0.5);
    let dx = far[0] - eye[0];
    let dy = far[1] - eye[1];
    let dz = far[2] - eye[2];
    const len = Math.hypot(dx, dy, dz) || 1;
    dx /= len;
    dy /= len;
    dz /= len;
    const t = dz < -1e-9 ? -eye[2] / dz : Infinity;
    const horizontal = Math.hypot(dx, dy);
    if (Number.isFinite(t) && t > 0 && t * horizontal <= maxDistanceM) {
      points.push([eye[0] + dx * t, eye[1] + dy * t]);
      anyHit = true;
    } else if (horizontal > 1e-9) {
      // Past the horizon (or too far): the ground at maxDistanceM in this ray's direction.
      points.push([eye[0] + (dx / horizontal) * maxDistanceM, eye[1] + (dy / horizontal) * maxDistanceM]);
    }
  }
  if (!anyHit || eye[2] <= 0) return [];
  return convexHull(points);
}

/** Where the ray through normalised device point (nx, ny) meets the ground plane z = 0, or null. */
export function groundAt(viewMatrix: readonly number[], projectionMatrix: readonly number[], nx: number, ny: number): [number, number] | null {
  const inv = invertMat4(multiply(projectionMatrix, viewMatrix));
  const invView = invertMat4(viewMatrix);
  if (!inv || !invView) return null;
  const p = transform(inv, [nx, ny, 0.5, 1]);
  const eye = [invView[12]!, invView[13]!, invView[14]!] as const;
  const dx = p[0] / p[3] - eye[0];
  const dy = p[1] / p[3] - eye[1];
  const dz = p[2] / p[3] - eye[2];
  if (dz >= -1e-9 || eye[2] <= 0) return null;
  const t = -eye[2] / dz;
  return [eye[0] + dx * t, eye[1] + dy * t];
}


/** Andrew's monotone chain; counter-clockwise, no repeated first point. */
export function convexHull(points: readonly (readonly [number, number])[]): [number, number][] {
  const pts = points.map((p) => [p[0], p[1]] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  upper.pop();
  lower.pop();
  return lower.concat(upper);
}

/** Approximate ENU metres ↔ lon/lat around an origin (equirectangular; ~0.1 % within 30 km: tile choice only). */
export class LocalDegrees {
  readonly mPerDegLat: number;
  readonly mPerDegLon: number;
  constructor(
    readonly lon0: number,
    readonly lat0: number,
  ) {
    const phi = (lat0 * Math.PI) / 180;
    this.mPerDegLat = 111_132.95 - 559.82 * Math.cos(2 * phi);
    this.mPerDegLon = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi);
  }
  toLonLat(x: number, y: number): [number, number] {
    return [this.lon0 + x / this.mPerDegLon, this.lat0 + y / this.mPerDegLat];
  }
}

/** Separating-axis test: does a convex polygon (CCW) overlap an axis-aligned box? */
export function convexOverlapsBox(poly: readonly (readonly [number, number])[], minX: number, minY: number, maxX: number, maxY: number): boolean {
  if (poly.length === 0) return false;
  let px0 = Infinity;
  let py0 = Infinity;
  let px1 = -Infinity;
  let py1 = -Infinity;
  for (const [x, y] of poly) {
    px0 = Math.min(px0, x);
    py0 = Math.min(py0, y);
    px1 = Math.max(px1, x);
    py1 = Math.max(py1, y);
  }
  if (px1 < minX || px0 > maxX || py1 < minY || py0 > maxY) return false;
  const corners: [number, number][] = [[minX, minY], [maxX, minY], [maxX, maxY], [minX, maxY]];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i]!;
    const b = poly[(i + 1) % poly.length]!;
    // Outward normal of a CCW edge: (dy, -dx). All box corners outside it → separated.
    const nx = b[1] - a[1];
    const ny = -(b[0] - a[0]);
    if (corners.every(([cx, cy]) => (cx - a[0]) * nx + (cy - a[1]) * ny > 0)) return false;
  }
  return true;
}

/**
 * The tiles at zoom z overlapping a footprint given in lon/lat (convex, CCW in lon/lat). Sorted by
 * distance of the tile centre to `focus` (nearest first: fetched first).
 */
export function tilesForFootprint(footprint: readonly (readonly [number, number])[], z: number, focus?: readonly [number, number]): TileKey[] {
  if (footprint.length === 0) return [];
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon, lat] of footprint) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const a = lonLatToTile(west, north, z);
  const b = lonLatToTile(east, south, z);
  const out: TileKey[] = [];
  for (let x = a.x; x <= b.x; x++) {
    for (let y = a.y; y <= b.y; y++) {
      const [w, s, e, n] = tileBounds({ z, x, y });
      if (convexOverlapsBox(footprint, w, s, e, n)) out.push({ z, x, y });
    }
  }
  if (focus) {
    const d = (t: TileKey) => {
      const [w, s, e, n] = tileBounds(t);
      return Math.hypot((w + e) / 2 - focus[0], (s + n) / 2 - focus[1]);
    };
    out.sort((p, q) => d(p) - d(q) || p.x - q.x || p.y - q.y);
  }
  return out;
}

/**
 * The zoom to fetch: the focus zoom rounded, clamped to the tile set's [minZoom, maxZoom], then lowered
 * while the footprint needs more than `maxTiles` tiles (a low pitch sees far).
 */
export function chooseTiles(
  footprint: readonly (readonly [number, number])[],
  focusZoom: number,
  minZoom: number,
  maxZoom: number,
  maxTiles: number,
  focus?: readonly [number, number],
): { z: number; tiles: TileKey[] } {
  let z = Math.min(maxZoom, Math.max(minZoom, Math.round(focusZoom)));
  for (;;) {
    const tiles = tilesForFootprint(footprint, z, focus);
    if (tiles.length <= maxTiles || z === minZoom) return { z, tiles: tiles.slice(0, maxTiles) };
    z -= 1;
  }
}
