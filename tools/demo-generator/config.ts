/**
 * The fixed parameters of the demo: when it happens, how big the city is, how busy each channel is.
 * Numbers are plausible for Yichang (≈400万 people, the reference's 86.06万 cases over the platform's
 * life, weekday ≈2,600 new cases), not measured.
 */
import type { ChannelId, UnitId } from '../../data-adapters/domain';
import { MINUTE, shanghaiTime } from './time';

/** Default seed of the shipped recording. */
export const DEMO_SEED = 20240601;
/** A Thursday morning, 09:30 Asia/Shanghai. Fixed: never the machine's clock. */
export const DEMO_START_TIME = shanghaiTime(2026, 11, 26, 9, 30);
export const DEMO_DURATION_MS = 30 * MINUTE;
export const DEMO_TITLE = '宜昌市城运管服平台 演示数据（2026-11-26 上午，确定性生成）';
export const DEMO_GENERATOR = 'citywall tools/demo-generator v1';

/** Days simulated before today: 6 for the trend plus 3 to build the open backlog. */
export const SIMULATED_DAYS_BEFORE = 9;

/**
 * Share of the city's cases per unit (population and urban density): the central districts 西陵 and
 * 伍家岗 are dense, the mountain counties 五峰 and 兴山 sparse. Normalised where used.
 */
export const UNIT_WEIGHTS: Readonly<Record<UnitId, number>> = {
  xiling: 17,
  wujiagang: 13,
  dianjun: 3,
  xiaoting: 3.5,
  yiling: 12,
  yidu: 8,
  dangyang: 7.5,
  zhijiang: 8,
  yuanan: 3.5,
  xingshan: 2.3,
  zigui: 4.2,
  changyang: 4.6,
  wufeng: 2.2,
  gaoxin: 7,
};

/**
 * Urban core of each unit (seat or centre; approximate, in the boundary data's coordinates) and the
 * share of its cases there. The rest fall anywhere inside the unit's boundary.
 */
export const UNIT_CORES: Readonly<Record<Exclude<UnitId, 'gaoxin'>, { center: readonly [number, number]; radiusKm: number; share: number }>> = {
  xiling: { center: [111.300, 30.712], radiusKm: 2.5, share: 0.9 },
  wujiagang: { center: [111.345, 30.655], radiusKm: 3, share: 0.85 },
  dianjun: { center: [111.268, 30.688], radiusKm: 2, share: 0.7 },
  xiaoting: { center: [111.430, 30.530], radiusKm: 2.5, share: 0.75 },
  yiling: { center: [111.326, 30.770], radiusKm: 3, share: 0.7 },
  yidu: { center: [111.450, 30.385], radiusKm: 3, share: 0.7 },
  dangyang: { center: [111.790, 30.822], radiusKm: 3, share: 0.7 },
  zhijiang: { center: [111.760, 30.428], radiusKm: 3, share: 0.7 },
  yuanan: { center: [111.640, 31.060], radiusKm: 2.5, share: 0.65 },
  xingshan: { center: [110.750, 31.348], radiusKm: 2, share: 0.65 },
  zigui: { center: [110.978, 30.826], radiusKm: 2, share: 0.65 },
  changyang: { center: [111.200, 30.470], radiusKm: 2, share: 0.65 },
  wufeng: { center: [110.675, 30.200], radiusKm: 2, share: 0.6 },
};

/** New cases per weekday by channel: 12345 ≈45%, inspectors ≈30%, 随手拍 ≈12%, 110 ≈5%, sensors ≈8%. */
export const WEEKDAY_VOLUME: Readonly<Record<ChannelId, number>> = {
  hotline12345: 1180,
  inspector: 790,
  snapshot: 315,
  police110: 130,
  sensor: 210,
};

/** Weekend factor per channel: fewer inspector patrols and calls, sensors do not rest. */
export const WEEKEND_FACTOR: Readonly<Record<ChannelId, number>> = {
  hotline12345: 0.72,
  inspector: 0.45,
  snapshot: 0.9,
  police110: 1.05,
  sensor: 1,
};

/** Relative intensity per local hour 0–23, by channel (normalised where used). */
export const HOURLY_PROFILE: Readonly<Record<ChannelId, readonly number[]>> = {
  // 12345: calls pick up from 08:00, peak mid-morning and mid-afternoon.
  hotline12345: [0.7, 0.45, 0.3, 0.25, 0.25, 0.35, 0.8, 2.2, 4.8, 5.8, 7, 6.5, 4.8, 4.9, 6, 6.4, 6.2, 5.4, 4.4, 4, 3.6, 3.1, 2.1, 1.2],
  // Inspectors patrol 07:30–20:00 with a lunch dip.
  inspector: [0, 0, 0, 0, 0, 0, 0, 2.5, 7, 8.5, 10.5, 8.5, 3, 4, 8.5, 9.5, 9.5, 7, 3.5, 2, 0.8, 0, 0, 0],
  // 随手拍: citizens on the move, morning commute and evening.
  snapshot: [0.6, 0.3, 0.2, 0.15, 0.15, 0.3, 1.2, 3.5, 5.5, 5.6, 5.4, 5, 4.4, 4.2, 4.6, 4.8, 5, 5.6, 6, 6.2, 5.6, 4.4, 2.8, 1.4],
  // 110 transfers: noise and disputes, evenings and nights.
  police110: [3.5, 2.8, 2, 1.4, 1, 1, 1.4, 2.5, 3.8, 4.2, 4.3, 4.2, 4, 4, 4.1, 4.3, 4.5, 4.8, 5.2, 5.6, 6, 6.2, 5.8, 4.6],
  // Sensors: around the clock, slightly more with daytime load.
  sensor: [3.4, 3.2, 3, 3, 3, 3.2, 3.8, 4.4, 4.8, 4.8, 4.7, 4.6, 4.5, 4.5, 4.6, 4.7, 4.8, 4.9, 4.8, 4.6, 4.3, 4, 3.8, 3.6],
};

/** Day-to-day variation of volume (±), on top of the weekday/weekend level. */
export const DAILY_NOISE = 0.06;
/** Probability that one stage transition misses its deadline (超期). */
export const OVERDUE_PROBABILITY = 0.045;
