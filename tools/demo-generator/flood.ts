/**
 * `flood.status`: a rainstorm over the central city, once a minute.
 *
 * The scenario is SYNTHETIC, made up for the demo: an overnight rainstorm (暴雨, locally 大暴雨) that
 * peaks during the recording, waterlogging at underpasses and low roads, pumping stations at work, and
 * the Yangtze at 宜昌水文站 high and rising but still under its 53.00 m warning level (吴淞 datum;
 * flood-season levels there are typically 45–52 m). Station names are plausible, their places are
 * drawn inside the right district, not surveyed. Every value is a pure function of (seed, time), so
 * consecutive snapshots agree with each other: an hour's rainfall only grows while the hour lasts.
 */
import type { UnitId } from '../../data-adapters/domain';
import { YICHANG_STATION, type FloodStatus, type PumpState, type WaterloggingTrend } from '../../data-adapters/topics/flood';
import { Rng } from './random';
import { HOUR, MINUTE } from './time';
import { placeUrban, topicGeo } from './topic-points';

const SLOT = 10 * MINUTE;
const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Piecewise-linear interpolation over (x, y) knots sorted by x; flat beyond the ends. */
export function piecewise(knots: readonly (readonly [number, number])[], x: number): number {
  const first = knots[0];
  const last = knots[knots.length - 1];
  if (!first || !last) throw new Error('piecewise: no knots');
  if (x <= first[0]) return first[1];
  if (x >= last[0]) return last[1];
  for (let i = 1; i < knots.length; i += 1) {
    const [x1, y1] = knots[i] as readonly [number, number];
    const [x0, y0] = knots[i - 1] as readonly [number, number];
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return last[1];
}

/** City-mean rain intensity (mm/h) by hours since the recording start: ~90 mm by the start, peaking at +0.5 h. */
const RAIN_PROFILE: readonly (readonly [number, number])[] = [
  [-24, 0], [-16, 0], [-14, 1.5], [-11, 4], [-8, 3], [-5, 6], [-3, 9], [-1.5, 14], [0, 20], [0.5, 24], [1, 18], [3, 8],
];
/** The Yangtze at 宜昌水文站 (m, 吴淞) by hours since the start: rising with the upstream flood wave. */
const RIVER_PROFILE: readonly (readonly [number, number])[] = [
  [-26, 51.58], [-12, 51.96], [-4, 52.2], [0, 52.33], [0.5, 52.4], [2, 52.52],
];

const RAIN_GAUGES: readonly { id: string; name: string; unitId: UnitId; wetness: number }[] = [
  { id: 'RG-XL01', name: '夷陵广场', unitId: 'xiling', wetness: 1.15 },
  { id: 'RG-XL02', name: '东山公园', unitId: 'xiling', wetness: 1.3 },
  { id: 'RG-WJG01', name: '伍家岗', unitId: 'wujiagang', wetness: 1.05 },
  { id: 'RG-WJG02', name: '花艳', unitId: 'wujiagang', wetness: 0.95 },
  { id: 'RG-DJ01', name: '点军', unitId: 'dianjun', wetness: 0.8 },
  { id: 'RG-XT01', name: '猇亭', unitId: 'xiaoting', wetness: 0.7 },
  { id: 'RG-YL01', name: '小溪塔', unitId: 'yiling', wetness: 1.2 },
  { id: 'RG-GX01', name: '东山园区', unitId: 'gaoxin', wetness: 1.1 },
];

/** Underpasses and low roads that flood first. `onset`: minutes from the start (negative: before it). */
const WATERLOGGING_SPOTS: readonly { id: string; place: string; unitId: UnitId; onset: number }[] = [
  { id: 'WL-01', place: '西陵区 东山大道铁路桥下', unitId: 'xiling', onset: -55 },
  { id: 'WL-02', place: '伍家岗区 城东大道下穿通道', unitId: 'wujiagang', onset: -36 },
  { id: 'WL-03', place: '西陵区 夷陵大道与胜利四路交叉口', unitId: 'xiling', onset: -16 },
  { id: 'WL-04', place: '伍家岗区 港窑路低洼路段', unitId: 'wujiagang', onset: 3 },
  { id: 'WL-05', place: '高新区 峡州大道下穿通道', unitId: 'gaoxin', onset: 8 },
  { id: 'WL-06', place: '夷陵区 发展大道小溪塔段', unitId: 'yiling', onset: 13 },
  { id: 'WL-07', place: '点军区 江南大道与紫阳路交叉口', unitId: 'dianjun', onset: 19 },
  { id: 'WL-08', place: '西陵区 珍珠路与果园一路交叉口', unitId: 'xiling', onset: 24 },
];

const PUMP_STATIONS: readonly { id: string; name: string; unitId: UnitId; capacity: number }[] = [
  { id: 'PS-01', name: '临江溪泵站', unitId: 'xiling', capacity: 32_400 },
  { id: 'PS-02', name: '黄柏河泵站', unitId: 'xiling', capacity: 21_600 },
  { id: 'PS-03', name: '运河泵站', unitId: 'xiling', capacity: 18_000 },
  { id: 'PS-04', name: '沙河泵站', unitId: 'wujiagang', capacity: 36_000 },
  { id: 'PS-05', name: '柏临河泵站', unitId: 'wujiagang', capacity: 28_800 },
  { id: 'PS-06', name: '卷桥河泵站', unitId: 'gaoxin', capacity: 14_400 },
  { id: 'PS-07', name: '求雨台泵站', unitId: 'wujiagang', capacity: 10_800 },
  { id: 'PS-08', name: '桥边河泵站', unitId: 'dianjun', capacity: 7_200 },
  { id: 'PS-09', name: '善溪冲泵站', unitId: 'xiaoting', capacity: 9_000 },
  { id: 'PS-10', name: '东湖泵站', unitId: 'yiling', capacity: 12_600 },
];

/** A gauge's rain: intensity per 10-minute slot, and the rain accumulated up to any instant in the window. */
class GaugeRain {
  private readonly cumulative: number[] = [0];

  constructor(
    private readonly windowStart: number,
    slots: number,
    intensityAt: (slot: number, slotMid: number) => number,
  ) {
    for (let s = 0; s < slots; s += 1) {
      const mm = (intensityAt(s, windowStart + s * SLOT + SLOT / 2) * SLOT) / HOUR;
      this.cumulative.push((this.cumulative[s] as number) + mm);
    }
  }

  /** Rain (mm) from the window start up to `t`, the current slot prorated. */
  upTo(t: number): number {
    const x = (t - this.windowStart) / SLOT;
    const s = Math.floor(x);
    if (s < 0) return 0;
    const before = this.cumulative[Math.min(s, this.cumulative.length - 1)] as number;
    const next = this.cumulative[s + 1];
    return next === undefined ? before : before + (next - before) * (x - s);
  }
}

interface Spot {
  onset: number;
  riseMin: number;
  peakCm: number;
  holdMin: number;
  recedeMin: number;
}

/** Depth (cm) and trend of a waterlogging spot `m` minutes after the start; null before onset or once long gone. */
export function spotDepth(s: Spot, m: number): { depthCm: number; trend: WaterloggingTrend } | null {
  const age = m - s.onset;
  if (age < 0) return null;
  if (age < s.riseMin) return { depthCm: Math.max(1, Math.round((s.peakCm * age) / s.riseMin)), trend: 'rising' };
  if (age < s.riseMin + s.holdMin) return { depthCm: s.peakCm, trend: 'steady' };
  const receding = age - s.riseMin - s.holdMin;
  if (receding < s.recedeMin) return { depthCm: Math.max(1, Math.round(s.peakCm * (1 - receding / s.recedeMin))), trend: 'receding' };
  // Cleared points stay on the list for ten minutes so the wall shows them done, then drop out.
  if (receding < s.recedeMin + 10) return { depthCm: 0, trend: 'cleared' };
  return null;
}

export function buildFlood(seed: number, start: number, times: readonly number[]): FloodStatus[] {
  const geo = topicGeo();
  const r = (...labels: (string | number)[]): Rng => Rng.derive(seed, 'flood', ...labels);
  const end = times[times.length - 1] ?? start;
  const windowStart = Math.floor((start - 25 * HOUR) / HOUR) * HOUR;
  const slots = Math.ceil((end - windowStart) / SLOT) + 1;
  const hoursFromStart = (t: number): number => (t - start) / HOUR;

  const gauges = RAIN_GAUGES.map((g) => {
    const noise = r('rain', g.id);
    const wetness = g.wetness * noise.range(0.9, 1.1);
    const rain = new GaugeRain(windowStart, slots, (_s, mid) => piecewise(RAIN_PROFILE, hoursFromStart(mid)) * wetness * noise.range(0.55, 1.45));
    const p = placeUrban(geo, r('place', g.id), g.unitId);
    return { ...g, rain, lon: p.lon, lat: p.lat };
  });

  const riverOffset = r('river').range(-0.3, 0.12);
  const riverLevel = (t: number): number => round2(piecewise(RIVER_PROFILE, hoursFromStart(t)) + riverOffset + r('river', t).range(-0.01, 0.01));

  const spots = WATERLOGGING_SPOTS.map((w) => {
    const rng = r('spot', w.id);
    const spot: Spot = { onset: w.onset, riseMin: rng.int(10, 24), peakCm: rng.int(18, 55), holdMin: rng.int(4, 14), recedeMin: rng.int(15, 30) };
    const p = placeUrban(geo, r('place', w.id), w.unitId);
    return { ...w, spot, lon: p.lon, lat: p.lat };
  });

  // One pump trips (fault) for a while; one standby unit is started as the rain peaks; one stays in reserve.
  const pumpRng = r('pumps');
  const faultIndex = pumpRng.int(0, 4);
  const faultFrom = pumpRng.int(7, 14);
  const faultTo = faultFrom + pumpRng.int(6, 11);
  const startedIndex = 5 + pumpRng.int(0, 2);
  const startedAt = pumpRng.int(4, 12);
  const reserveIndex = 8 + pumpRng.int(0, 1);
  const pumps = PUMP_STATIONS.map((s) => {
    const p = placeUrban(geo, r('place', s.id), s.unitId);
    return { ...s, lon: p.lon, lat: p.lat, load: r('pump', s.id), level: r('pump', s.id, 'start').range(0.72, 0.92) };
  });
  const pumpState = (i: number, m: number): PumpState => {
    if (i === faultIndex && m >= faultFrom && m < faultTo) return 'fault';
    if (i === startedIndex && m < startedAt) return 'standby';
    if (i === reserveIndex) return 'standby';
    return 'running';
  };

  return times.map((asOf, m) => {
    // 24 buckets ending with the hour that holds asOf (on the hour: the hour just completed).
    const hourStart = Math.ceil(asOf / HOUR) * HOUR - 24 * HOUR;
    const hours = Array.from({ length: 24 }, (_, h) => hourStart + h * HOUR);
    const firstReading = Math.floor(asOf / HOUR) * HOUR - 24 * HOUR;
    const readingTimes = [...Array.from({ length: 25 }, (_, h) => firstReading + h * HOUR).filter((t) => t < asOf), asOf];
    return {
      asOf,
      rain: {
        hourStart,
        gauges: gauges.map((g) => ({
          id: g.id,
          name: g.name,
          unitId: g.unitId,
          lon: g.lon,
          lat: g.lat,
          hourlyMm: hours.map((h) => round1(g.rain.upTo(Math.min(h + HOUR, asOf)) - g.rain.upTo(h))),
          last24hMm: round1(g.rain.upTo(asOf) - g.rain.upTo(asOf - 24 * HOUR)),
        })),
      },
      river: {
        station: YICHANG_STATION.name,
        warningLevelM: YICHANG_STATION.warningLevelM,
        guaranteeLevelM: YICHANG_STATION.guaranteeLevelM,
        readings: readingTimes.map((t) => ({ at: t, levelM: riverLevel(t) })),
      },
      waterlogging: spots.flatMap((w) => {
        const d = spotDepth(w.spot, m);
        return d === null
          ? []
          : [{ id: w.id, place: w.place, unitId: w.unitId, lon: w.lon, lat: w.lat, depthCm: d.depthCm, since: start + w.onset * MINUTE, trend: d.trend }];
      }),
      pumps: pumps.map((p, i) => {
        // Advance every pump's walk every minute, whatever its state, so a state change never shifts the streams.
        p.level = Math.min(0.98, Math.max(0.6, p.level + p.load.range(-0.04, 0.04)));
        const state = pumpState(i, m);
        return {
          id: p.id,
          name: p.name,
          unitId: p.unitId,
          lon: p.lon,
          lat: p.lat,
          state,
          capacityM3h: p.capacity,
          flowM3h: state === 'running' ? Math.round((p.capacity * p.level) / 10) * 10 : 0,
        };
      }),
    };
  });
}
