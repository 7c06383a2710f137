/**
 * Where to point at a unit: its label point (`cp`) in public/geo/yichang-counties.geojson, and the
 * approximate centre of 高新区, which has no boundary (data-adapters/domain.ts GAOXIN_APPROX). Kept as a
 * table so a caller can fly to a unit synchronously, without fetching the boundaries file; a test checks
 * it against the file so the two cannot drift.
 */
import { GAOXIN_APPROX, UNIT_IDS, type UnitId } from '../../data-adapters/domain';

export interface LonLat {
  lon: number;
  lat: number;
}

export const UNIT_CENTERS: Readonly<Record<UnitId, LonLat>> = {
  xiling: { lon: 111.285646, lat: 30.710781 },
  wujiagang: { lon: 111.361037, lat: 30.644334 },
  dianjun: { lon: 111.268119, lat: 30.693247 },
  xiaoting: { lon: 111.43462, lat: 30.530903 },
  yiling: { lon: 111.32638, lat: 30.770006 },
  yidu: { lon: 111.450096, lat: 30.378299 },
  dangyang: { lon: 111.788312, lat: 30.821266 },
  zhijiang: { lon: 111.76053, lat: 30.42594 },
  yuanan: { lon: 111.640508, lat: 31.060869 },
  xingshan: { lon: 110.746804, lat: 31.348196 },
  zigui: { lon: 110.977711, lat: 30.825897 },
  changyang: { lon: 111.207242, lat: 30.472763 },
  wufeng: { lon: 111.07374, lat: 30.156741 },
  gaoxin: { lon: GAOXIN_APPROX.center[0], lat: GAOXIN_APPROX.center[1] },
};

/** A unit's centre, or null for an id that is not a unit (ids arrive from the remote: untrusted). */
export function unitCenter(unitId: string): LonLat | null {
  return (UNIT_IDS as readonly string[]).includes(unitId) ? UNIT_CENTERS[unitId as UnitId] : null;
}

/**
 * A look-at camera on a unit (a scene camera / tour step camera shape) for callers that fly there on a
 * focus. Districts are small (≈12 km framing); counties need more of the map.
 */
export function unitCamera(unitId: string): { kind: 'look-at'; lon: number; lat: number; range: number; pitch: number; heading: number } | null {
  const c = unitCenter(unitId);
  if (!c) return null;
  const district = ['xiling', 'wujiagang', 'dianjun', 'xiaoting', 'gaoxin'].includes(unitId);
  return { kind: 'look-at', lon: c.lon, lat: c.lat, range: district ? 14_000 : 45_000, pitch: -50, heading: 0 };
}
