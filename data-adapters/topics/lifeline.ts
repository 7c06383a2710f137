/**
 * 城市生命线 (city lifeline): the sensor sectors the reference names ("燃气、供排水、桥梁、隧道、防汛等
 * 12个行业领域") and the `lifeline.status` snapshot: per-sector sensor figures and the alarms of the last
 * two hours with where they are and how far they got (an alarm may become a 运管服 work order, caseId).
 */
import { z } from 'zod';
import { STAGE_IDS, UNIT_IDS } from '../domain';

/** 供排水 is two sectors (供水, 排水); the reference says 防汛, not 防洪. */
export const LIFELINE_SECTORS = [
  { id: 'gas', name: '燃气' },
  { id: 'water', name: '供水' },
  { id: 'drainage', name: '排水' },
  { id: 'bridge', name: '桥梁' },
  { id: 'tunnel', name: '隧道' },
  { id: 'flood', name: '防汛' },
  { id: 'pipeGallery', name: '综合管廊' },
  { id: 'elevator', name: '电梯' },
  { id: 'hazchem', name: '危化品' },
  { id: 'geohazard', name: '地灾隐患点' },
  { id: 'crowded', name: '人员密集场所' },
  { id: 'traffic', name: '交通' },
] as const;
export type LifelineSectorId = (typeof LIFELINE_SECTORS)[number]['id'];
export const LIFELINE_SECTOR_IDS = LIFELINE_SECTORS.map((s) => s.id) as unknown as readonly [LifelineSectorId, ...LifelineSectorId[]];

export function sectorName(id: LifelineSectorId): string {
  return LIFELINE_SECTORS.find((s) => s.id === id)?.name ?? id;
}

/** 一级 (red) … 三级 (yellow), named like the wall's alarm list levels. */
export const LIFELINE_LEVELS = [
  { id: 'critical', name: '一级' },
  { id: 'major', name: '二级' },
  { id: 'minor', name: '三级' },
] as const;
export type LifelineLevel = (typeof LIFELINE_LEVELS)[number]['id'];
export const LIFELINE_LEVEL_IDS = LIFELINE_LEVELS.map((l) => l.id) as unknown as readonly [LifelineLevel, ...LifelineLevel[]];

/**
 * Where an alarm is: 待研判 (raised, being judged) → 已转工单 (pushed to 运管服 as a case) → 处置中 →
 * 已结案; or 已解除 when it clears without a work order (a transient reading, handled in the sector).
 */
export const LIFELINE_ALARM_STATES = [
  { id: 'pending', name: '待研判', active: true },
  { id: 'ticketed', name: '已转工单', active: true },
  { id: 'handling', name: '处置中', active: true },
  { id: 'cleared', name: '已解除', active: false },
  { id: 'closed', name: '已结案', active: false },
] as const;
export type LifelineAlarmState = (typeof LIFELINE_ALARM_STATES)[number]['id'];
export const LIFELINE_ALARM_STATE_IDS = LIFELINE_ALARM_STATES.map((s) => s.id) as unknown as readonly [
  LifelineAlarmState,
  ...LifelineAlarmState[],
];

export function alarmStateName(id: LifelineAlarmState): string {
  return LIFELINE_ALARM_STATES.find((s) => s.id === id)?.name ?? id;
}
export function isActiveAlarmState(id: LifelineAlarmState): boolean {
  return LIFELINE_ALARM_STATES.find((s) => s.id === id)?.active ?? false;
}

/** Alarms carried per snapshot: the active ones plus those raised in the last two hours. */
export const MAX_LIFELINE_ALARMS = 80;
/** How far back a snapshot's alarm list reaches (active alarms are kept however old). */
export const LIFELINE_ALARM_WINDOW_MS = 2 * 60 * 60_000;

const count = z.number().int().nonnegative();
const epochMs = z.number().int().nonnegative();

export const lifelineAlarmSchema = z.object({
  id: z.string().min(1).max(40),
  sector: z.enum(LIFELINE_SECTOR_IDS),
  level: z.enum(LIFELINE_LEVEL_IDS),
  /** What tripped, e.g. '可燃气体浓度超限'. */
  kind: z.string().min(1).max(40),
  /** The reading that tripped it, when there is one. */
  reading: z.object({ value: z.number().finite(), unit: z.string().max(10) }).nullable(),
  unitId: z.enum(UNIT_IDS),
  /** Short place text. Untrusted: render as text only. */
  place: z.string().max(80),
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  /** When the alarm was raised. */
  at: epochMs,
  state: z.enum(LIFELINE_ALARM_STATE_IDS),
  /** When it entered `state`. */
  stateAt: epochMs,
  /** The 运管服 case (work order) it became, if any: the same id as on `case.event`. */
  caseId: z.string().min(1).max(40).nullable(),
  /**
   * The work order's progress as the lifeline platform tracks it (运管服 reports each step back): the
   * stages reached so far, in loop order. Empty without a work order.
   */
  caseStages: z.array(z.object({ stage: z.enum(STAGE_IDS), at: epochMs })).max(STAGE_IDS.length),
});
export type LifelineAlarm = z.infer<typeof lifelineAlarmSchema>;

export const lifelineStatusSchema = z.object({
  asOf: epochMs,
  sectors: z
    .array(
      z
        .object({
          id: z.enum(LIFELINE_SECTOR_IDS),
          /** Sensors installed. */
          sensors: count,
          /** Sensors reporting now. */
          online: count,
          /** Alarms raised today (since 00:00). */
          alarmsToday: count,
          /** Alarms not yet cleared or closed. */
          activeAlarms: count,
        })
        .refine((s) => s.online <= s.sensors, { message: 'online exceeds sensors', path: ['online'] }),
    )
    .min(1)
    .max(LIFELINE_SECTORS.length),
  /** Newest first. */
  alarms: z.array(lifelineAlarmSchema).max(MAX_LIFELINE_ALARMS),
});
export type LifelineStatus = z.infer<typeof lifelineStatusSchema>;
