/**
 * 防洪排涝 (flood control and drainage): rain gauges, the Yangtze at 宜昌水文站, waterlogging points and
 * pumping stations, as one snapshot topic `flood.status`.
 */
import { z } from 'zod';
import { count, epochMs, label, lat, lon, thingId, unitId } from './fields';

/** 宜昌水文站 levels, metres above the 吴淞 datum. Warning (警戒) 53.00 m, guaranteed (保证) 55.73 m. */
export const YICHANG_STATION = { name: '宜昌水文站', warningLevelM: 53, guaranteeLevelM: 55.73 } as const;

export const PUMP_STATES = ['running', 'standby', 'fault'] as const;
export type PumpState = (typeof PUMP_STATES)[number];
export const PUMP_STATE_NAMES: Readonly<Record<PumpState, string>> = { running: '运行', standby: '备用', fault: '故障' };

/** How a waterlogging point is developing. 'cleared' points stay listed for a while, then drop out. */
export const WATERLOGGING_TRENDS = ['rising', 'steady', 'receding', 'cleared'] as const;
export type WaterloggingTrend = (typeof WATERLOGGING_TRENDS)[number];
export const WATERLOGGING_TREND_NAMES: Readonly<Record<WaterloggingTrend, string>> = {
  rising: '上涨', steady: '持平', receding: '消退', cleared: '已消除',
};

const levelM = z.number().min(0).max(100);
const mm = z.number().min(0).max(1000);

export const floodStatusSchema = z.object({
  asOf: epochMs,
  rain: z.object({
    /** Start of the first hourly bucket (a full local hour); buckets follow hour by hour, the last is the current, partial hour. */
    hourStart: epochMs,
    gauges: z
      .array(
        z.object({
          id: thingId,
          name: label(30),
          unitId,
          lon,
          lat,
          /** Rainfall per hour, oldest first, mm. */
          hourlyMm: z.array(mm).min(1).max(48),
          /** Accumulated over the last 24 hours up to asOf, mm. */
          last24hMm: mm,
        }),
      )
      .min(1)
      .max(40),
  }),
  river: z.object({
    station: label(30),
    warningLevelM: levelM,
    guaranteeLevelM: levelM,
    /** Readings, oldest first; the last one is the current level. */
    readings: z.array(z.object({ at: epochMs, levelM })).min(1).max(100),
  }),
  waterlogging: z
    .array(
      z.object({
        id: thingId,
        place: label(60),
        unitId,
        lon,
        lat,
        depthCm: z.number().int().min(0).max(500),
        /** When water was first reported there. */
        since: epochMs,
        trend: z.enum(WATERLOGGING_TRENDS),
      }),
    )
    .max(100),
  pumps: z
    .array(
      z.object({
        id: thingId,
        name: label(30),
        unitId,
        lon,
        lat,
        state: z.enum(PUMP_STATES),
        /** Design capacity and current flow, m³/h. */
        capacityM3h: count,
        flowM3h: count,
      }),
    )
    .min(1)
    .max(60),
});
export type FloodStatus = z.infer<typeof floodStatusSchema>;
