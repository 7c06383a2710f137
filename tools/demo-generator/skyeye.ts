/**
 * `skyeye.status`: 城管天眼查, the camera AI patrol of the central city, once a minute.
 *
 * The day's detection count follows the 天眼查 system's key figure in `industry.systems` (今日AI识别)
 * exactly. Detections of the last two hours are modelled one by one (time, camera, place, type,
 * confidence, then an operator's review: confirmed or dismissed, and confirmed ones dispatched as
 * cases); earlier ones only as counts. Places are drawn inside the right district, not geocoded.
 */
import type { UnitId } from '../../data-adapters/domain';
import { DETECTION_TYPE_IDS, type DetectionState, type DetectionType, type SkyeyeStatus } from '../../data-adapters/topics/skyeye';
import { makeAddress } from './places';
import { Rng } from './random';
import { localMinuteOfDay, MINUTE, toSecond } from './time';
import { placeUrban, topicGeo } from './topic-points';

/** Detections kept individually: the last two hours, at most RECENT_MAX of them in a snapshot. */
const RECENT_WINDOW = 120 * MINUTE;
export const RECENT_MAX = 100;
const CAMERAS_TOTAL = 1326;

const TYPE_WEIGHTS: Readonly<Record<DetectionType, number>> = {
  'street-vending': 18, 'shop-overflow': 14, 'material-piling': 10, 'exposed-garbage': 12, 'bagged-garbage': 8,
  'bin-overflow': 7, 'illegal-ads': 6, 'car-parking': 12, 'bike-parking': 9, 'street-drying': 4,
};
/** Cameras of the patrol are in the central city. */
const UNIT_WEIGHTS: readonly (readonly [UnitId, number])[] = [
  ['xiling', 30], ['wujiagang', 26], ['yiling', 14], ['gaoxin', 12], ['dianjun', 6], ['xiaoting', 6],
];
/** Shares of the day's detections before the modelled window that were confirmed / dispatched. */
const EARLIER_CONFIRMED = 0.78;
const EARLIER_DISPATCHED = 0.72;

interface Detection {
  id: string;
  at: number;
  cameraId: string;
  type: DetectionType;
  unitId: UnitId;
  place: string;
  lon: number;
  lat: number;
  confidence: number;
  reviewedAt: number;
  confirmed: boolean;
  dispatchedAt: number | null;
}

/** State of a detection at `t`. */
export function detectionState(d: Pick<Detection, 'reviewedAt' | 'confirmed' | 'dispatchedAt'>, t: number): DetectionState {
  if (t < d.reviewedAt) return 'pending';
  if (!d.confirmed) return 'dismissed';
  return d.dispatchedAt !== null && t >= d.dispatchedAt ? 'dispatched' : 'confirmed';
}

/** Integers proportional to `weights` summing exactly to `total` (largest remainder, lowest index first). Pure. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum === 0 ? 0 : (total * w) / sum));
  const out = exact.map((x) => Math.floor(x));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, f: x - Math.floor(x) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left -= 1;
  }
  return out;
}

function makeDetection(seed: number, index: number, at: number): Detection {
  const geo = topicGeo();
  const rng = Rng.derive(seed, 'skyeye', 'detection', index);
  const type = rng.weighted(DETECTION_TYPE_IDS.map((t) => [t, TYPE_WEIGHTS[t]] as const));
  const unitId = rng.weighted(UNIT_WEIGHTS);
  const point = placeUrban(geo, rng, unitId);
  const place = makeAddress(rng, unitId, true).address;
  const confidence = Math.round(rng.triangular(0.6, 0.91, 0.995) * 100) / 100;
  const reviewedAt = toSecond(at + rng.range(1, 6) * MINUTE);
  const confirmed = rng.chance(0.35 + 0.6 * confidence);
  const dispatchedAt = confirmed && rng.chance(0.93) ? toSecond(reviewedAt + rng.range(1, 5) * MINUTE) : null;
  return {
    id: `TY${String(index + 1).padStart(5, '0')}`,
    at,
    cameraId: `CAM-${String(rng.int(1, CAMERAS_TOTAL)).padStart(4, '0')}`,
    type, unitId, place, lon: point.lon, lat: point.lat, confidence, reviewedAt, confirmed, dispatchedAt,
  };
}

/** `detected[m]`: detections since midnight at times[m], the 天眼查 key figure of `industry.systems`. */
export function buildSkyeye(seed: number, times: readonly number[], detected: readonly number[]): SkyeyeStatus[] {
  const first = times[0];
  const d0 = detected[0];
  if (first === undefined || d0 === undefined || detected.length !== times.length) throw new Error('buildSkyeye: one detection count per time');
  const rng = Rng.derive(seed, 'skyeye', 'timeline');

  // The window's share of the day so far, at the day's average rate; the rest are counts only.
  const minutesToday = Math.max(1, localMinuteOfDay(first));
  const inWindow = Math.min(d0, Math.round((d0 * Math.min(minutesToday, RECENT_WINDOW / MINUTE)) / minutesToday));
  const earlier = d0 - inWindow;
  // Whole seconds inside each minute, so a detection is counted from its own minute's snapshot on.
  const ats: number[] = Array.from({ length: inWindow }, () => first - rng.int(0, RECENT_WINDOW / 1000 - 1) * 1000).sort((a, b) => a - b);
  times.forEach((t, m) => {
    const fresh = m === 0 ? 0 : (detected[m] as number) - (detected[m - 1] as number);
    const batch = Array.from({ length: Math.max(0, fresh) }, () => t - rng.int(0, 59) * 1000).sort((a, b) => a - b);
    ats.push(...batch);
  });
  const detections = ats.map((at, i) => makeDetection(seed, i, at));

  const earlierByType = apportion(earlier, DETECTION_TYPE_IDS.map((t) => TYPE_WEIGHTS[t]));
  const earlierConfirmed = Math.round(earlier * EARLIER_CONFIRMED);
  const earlierDispatched = Math.round(earlier * EARLIER_DISPATCHED);
  const camRng = Rng.derive(seed, 'skyeye', 'cameras');
  let online = camRng.int(1270, 1300);

  return times.map((asOf, m) => {
    if (m > 0) online = Math.min(CAMERAS_TOTAL, Math.max(1240, online + camRng.int(-3, 3)));
    const seen = detections.filter((d) => d.at <= asOf);
    const states = seen.map((d) => detectionState(d, asOf));
    const confirmed = earlierConfirmed + states.filter((s) => s === 'confirmed' || s === 'dispatched').length;
    const dispatched = earlierDispatched + states.filter((s) => s === 'dispatched').length;
    const recent = seen.filter((d) => d.at > asOf - RECENT_WINDOW).slice(-RECENT_MAX);
    return {
      asOf,
      cameras: { total: CAMERAS_TOTAL, online },
      today: { detected: earlier + seen.length, confirmed, dispatched },
      byType: DETECTION_TYPE_IDS.map((type, i) => ({
        type,
        count: (earlierByType[i] as number) + seen.filter((d) => d.type === type).length,
      })),
      recent: recent.map((d) => ({
        id: d.id, at: d.at, cameraId: d.cameraId, type: d.type, unitId: d.unitId, place: d.place,
        lon: d.lon, lat: d.lat, confidence: d.confidence, state: detectionState(d, asOf),
      })),
    };
  });
}
