/**
 * lon/lat → local ENU metres, allocation-free, for bulk columns. The same WGS-84 formulas as
 * src/map/geo-math.ts (`EnuFrame.fromLonLat`, which the map uses for its own points and which the tests
 * compare against), but writing into a Float32Array instead of returning a new array per point: at a
 * million facilities the per-point arrays were most of the decode time and garbage.
 *
 * Positions come out as xyz because the frame is tangent to the ellipsoid at its origin: 20 km away the
 * ground is ~31 m below z = 0, and dropping z would shift deck.gl's points against Cesium's at a tilt.
 */
const WGS84_A = 6_378_137.0;
const WGS84_F = 1 / 298.257223563;
const WGS84_E2 = WGS84_F * (2 - WGS84_F);
const DEG = Math.PI / 180;

export class EnuProjector {
  private readonly ox: number;
  private readonly oy: number;
  private readonly oz: number;
  private readonly sl: number;
  private readonly cl: number;
  private readonly sp: number;
  private readonly cp: number;

  constructor(
    readonly lon: number,
    readonly lat: number,
  ) {
    this.sl = Math.sin(lon * DEG);
    this.cl = Math.cos(lon * DEG);
    this.sp = Math.sin(lat * DEG);
    this.cp = Math.cos(lat * DEG);
    const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * this.sp * this.sp);
    this.ox = n * this.cp * this.cl;
    this.oy = n * this.cp * this.sl;
    this.oz = n * (1 - WGS84_E2) * this.sp;
  }

  /** Writes the ENU position (m, height 0) of lon/lat into out[offset..offset+2]. */
  project(lon: number, lat: number, out: Float32Array, offset: number): void {
    const phi = lat * DEG;
    const lambda = lon * DEG;
    const sinPhi = Math.sin(phi);
    const cosPhi = Math.cos(phi);
    const n = WGS84_A / Math.sqrt(1 - WGS84_E2 * sinPhi * sinPhi);
    // ECEF minus origin, formed in double precision so the 6,400 km terms cancel before rounding.
    const dx = n * cosPhi * Math.cos(lambda) - this.ox;
    const dy = n * cosPhi * Math.sin(lambda) - this.oy;
    const dz = n * (1 - WGS84_E2) * sinPhi - this.oz;
    const { sl, cl, sp, cp } = this;
    out[offset] = -sl * dx + cl * dy;
    out[offset + 1] = -sp * cl * dx - sp * sl * dy + cp * dz;
    out[offset + 2] = cp * cl * dx + cp * sl * dy + sp * dz;
  }

  /** ENU xyz (Float32, 3 per point) of points stored as Float32 degree offsets from `origin`. */
  projectOffsets(origin: { lon: number; lat: number }, dlon: Float32Array, dlat: Float32Array): Float32Array {
    const n = dlon.length;
    const out = new Float32Array(n * 3);
    for (let i = 0; i < n; i += 1) this.project(origin.lon + (dlon[i] as number), origin.lat + (dlat[i] as number), out, i * 3);
    return out;
  }
}
