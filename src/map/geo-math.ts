/**
 * Pure geodesy and matrix maths shared by the Cesium scene and the deck.gl overlay. No engine imports:
 * the unit tests check these against Cesium's own implementation.
 *
 * Conventions: WGS-84 ellipsoid (the one Cesium uses); degrees in, metres out; 4x4 matrices are
 * column-major arrays of 16 numbers (the layout of both Cesium's `Matrix4.toArray` and math.gl).
 */

export type LonLat = readonly [lon: number, lat: number];
export type Vec3 = [number, number, number];
export type Mat4 = number[];

const WGS84_A = 6_378_137.0;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const DEG = Math.PI / 180;

/** Earth-centred, earth-fixed cartesian of a geodetic position (the frame Cesium calls "fixed"). */
export function lonLatToEcef(lon: number, lat: number, height = 0): Vec3 {
  const phi = lat * DEG;
  const lambda = lon * DEG;
  const sinPhi = Math.sin(phi);
  const cosPhi = Math.cos(phi);
  const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinPhi * sinPhi);
  return [
    (n + height) * cosPhi * Math.cos(lambda),
    (n + height) * cosPhi * Math.sin(lambda),
    (n * (1 - WGS84_E2) + height) * sinPhi,
  ];
}

/**
 * A local east-north-up frame. deck.gl draws in this frame (COORDINATE_SYSTEM.CARTESIAN, metres) so its
 * 32-bit GPU positions stay small (|x| < ~200 km over the whole city: ~1 cm resolution) while the points
 * still sit exactly on the curved ellipsoid (z goes negative away from the origin), which is what keeps
 * deck.gl pixel-locked to Cesium at a steep pitch where a flat Web-Mercator plane would drift.
 */
export class EnuFrame {
  readonly origin: Vec3;
  /** Columns: east, north, up unit vectors in ECEF. */
  readonly east: Vec3;
  readonly north: Vec3;
  readonly up: Vec3;

  constructor(
    readonly lon: number,
    readonly lat: number,
    readonly height = 0,
  ) {
    this.origin = lonLatToEcef(lon, lat, height);
    const sl = Math.sin(lon * DEG);
    const cl = Math.cos(lon * DEG);
    const sp = Math.sin(lat * DEG);
    const cp = Math.cos(lat * DEG);
    this.east = [-sl, cl, 0];
    this.north = [-sp * cl, -sp * sl, cp];
    this.up = [cp * cl, cp * sl, sp];
  }

  /** ECEF → local ENU metres. */
  fromEcef(p: readonly number[]): Vec3 {
    const dx = p[0]! - this.origin[0];
    const dy = p[1]! - this.origin[1];
    const dz = p[2]! - this.origin[2];
    return [
      dx * this.east[0] + dy * this.east[1] + dz * this.east[2],
      dx * this.north[0] + dy * this.north[1] + dz * this.north[2],
      dx * this.up[0] + dy * this.up[1] + dz * this.up[2],
    ];
  }

  /** Geodetic → local ENU metres. */
  fromLonLat(lon: number, lat: number, height = 0): Vec3 {
    return this.fromEcef(lonLatToEcef(lon, lat, height));
  }

  /** The matrix taking ENU coordinates to ECEF (same as Cesium's `Transforms.eastNorthUpToFixedFrame`). */
  toEcefMatrix(): Mat4 {
    const [e, n, u, o] = [this.east, this.north, this.up, this.origin];
    return [e[0], e[1], e[2], 0, n[0], n[1], n[2], 0, u[0], u[1], u[2], 0, o[0], o[1], o[2], 1];
  }
}

/** out = a · b for column-major 4x4 matrices, in double precision. */
export function multiplyMat4(a: readonly number[], b: readonly number[]): Mat4 {
  const out: Mat4 = new Array<number>(16).fill(0);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + row]! * b[col * 4 + k]!;
      out[col * 4 + row] = s;
    }
  }
  return out;
}

/**
 * A ring of `segments` lon/lat points at `radiusKm` around a centre (closed: last point = first), on
 * the local tangent plane: exact to well under a metre for a few-kilometre circle.
 */
export function circleRing(center: LonLat, radiusKm: number, segments = 72): [number, number][] {
  const [lon0, lat0] = center;
  const mPerDegLat = 111_132.95 - 559.82 * Math.cos(2 * lat0 * DEG);
  const mPerDegLon = 111_412.84 * Math.cos(lat0 * DEG) - 93.5 * Math.cos(3 * lat0 * DEG);
  const r = radiusKm * 1000;
  const ring: [number, number][] = [];
  for (let i = 0; i <= segments; i++) {
    const t = ((i % segments) / segments) * 2 * Math.PI;
    ring.push([lon0 + (r * Math.cos(t)) / mPerDegLon, lat0 + (r * Math.sin(t)) / mPerDegLat]);
  }
  return ring;
}

/** Largest per-axis pixel distance between two lists of screen points (NaN entries count as Infinity). */
export function maxPixelError(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const p = a[i];
    const q = b[i];
    if (!p || !q) return Infinity;
    const d = Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!);
    worst = Math.max(worst, Number.isFinite(d) ? d : Infinity);
  }
  return worst;
}

/**
 * deck.gl's `zoom` for a non-geospatial perspective viewport: log2 of screen pixels per world unit
 * (metre) at `distance` along the view axis. deck converts pixel-unit sizes (line widths, min/max
 * pixel clamps, pixel radii of flat geometry) into world units with it; with zoom 0 a "pixel" would be a
 * metre. Exact at the focus distance, perspective-scaled elsewhere, like any ground feature.
 */
export function zoomForPerspective(distance: number, fovyRad: number, heightPx: number): number {
  const metresVisible = 2 * Math.max(distance, 1) * Math.tan(fovyRad / 2);
  return Math.log2(heightPx / metresVisible);
}
