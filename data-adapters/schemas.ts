/**
 * Schemas for every message that crosses the boundary into the wall. Every source (recorded, REST,
 * socket.io) validates with these and nothing else; stores only ever see values that passed.
 */
import { z } from 'zod';
import { CATEGORY_IDS, CHANNEL_IDS, DATA_SOURCE_IDS, INDUSTRY_SYSTEM_IDS, STAGE_IDS, UNIT_IDS } from './domain';
import { emergencyStatusSchema } from './topics/emergency';
import { departmentRatesSchema, evaluationSummarySchema } from './topics/evaluation';
import { facilitiesStatusSchema, facilityChangeSchema } from './topics/facilities';
import { floodStatusSchema } from './topics/flood';
import { guidanceCatalogSchema } from './topics/guidance';
import { casesHistorySchema } from './topics/history';
import { hotlineSummarySchema } from './topics/hotline';
import { lifelineStatusSchema } from './topics/lifeline';
import { parkingStatusSchema } from './topics/parking';
import { skyeyeStatusSchema } from './topics/skyeye';

/** Refuse anything larger before parsing it: a hostile or broken feed must not stall the wall. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** Citizen text is capped; it is rendered as text, never as HTML, wherever it appears. */
export const MAX_TEXT_CHARS = 500;

const count = z.number().int().nonnegative();
const epochMs = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);
const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const unitId = z.enum(UNIT_IDS);
const channelId = z.enum(CHANNEL_IDS);
const stageId = z.enum(STAGE_IDS);
const categoryId = z.enum(CATEGORY_IDS);
const systemId = z.enum(INDUSTRY_SYSTEM_IDS);
const dataSourceId = z.enum(DATA_SOURCE_IDS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const perUnit = z.record(unitId, count);
const perChannel = z.record(channelId, count);
const perStage = z.record(stageId, count);

export const MAX_BASELINE_OVERDUE_CASES = 1000;

/** One open case past its current stage's deadline at a baseline's `asOf`. */
export const baselineOverdueCaseSchema = z.object({
  caseId: z.string().min(1).max(40),
  unitId,
  category: categoryId,
  channel: channelId.optional(),
  /** The open stage it is waiting in ('close' is not open). */
  stage: stageId.exclude(['close']),
  /** When it entered that stage, and that stage's deadline (before asOf: that is what makes it overdue). */
  enteredAt: epochMs,
  dueAt: epochMs,
  /** Stages whose deadline it has missed so far, this one included. */
  lateStages: z.number().int().min(1).max(STAGE_IDS.length),
  /** Short place name. Untrusted: render as text only. */
  address: z.string().max(MAX_TEXT_CHARS),
  lon,
  lat,
});
export type BaselineOverdueCase = z.infer<typeof baselineOverdueCaseSchema>;

/** Counts as of the recording start (snapshot): what happened before the first case event. */
export const casesBaselineSchema = z.object({
  asOf: epochMs,
  /** 累计办件: cases closed since the platform started (86.06万 in the reference). */
  cumulativeHandled: count,
  /** Cases received today before asOf, by unit and by channel. */
  todayByUnit: perUnit,
  todayByChannel: perChannel,
  /** Cases closed today before asOf. */
  closedToday: count,
  /** Cases open at each stage at asOf ('close' is always 0 here). */
  openByStage: perStage,
  /** Open cases past their deadline at asOf. */
  overdueOpen: count,
  /** Received and closed per day for the last 7 days, oldest first; the last entry is today so far. */
  trend: z
    .array(z.object({ date: isoDate, received: count, closed: count }))
    .length(7),
  /**
   * The open cases behind `overdueOpen`, one by one, so the wall can list them, count them by unit and
   * escalate them before their next event. Optional: older recordings and sources that keep only the
   * count still validate (the wall then knows them by count alone).
   */
  overdueCases: z.array(baselineOverdueCaseSchema).max(MAX_BASELINE_OVERDUE_CASES).optional(),
}).refine((b) => b.overdueCases === undefined || b.overdueCases.length <= b.overdueOpen, {
  // Fewer is allowed: a source may cap its list (the rest stay in the count); more would contradict it.
  message: 'overdueCases lists more cases than overdueOpen counts',
  path: ['overdueCases'],
});
export type CasesBaseline = z.infer<typeof casesBaselineSchema>;

/** One step of one case through the closed loop (event). */
export const caseEventSchema = z.object({
  caseId: z.string().min(1).max(40),
  /** The stage the case entered. */
  stage: stageId,
  /** The stage it left; null when the case is discovered (enters the loop). */
  prevStage: stageId.nullable(),
  at: epochMs,
  unitId,
  channel: channelId,
  category: categoryId,
  lon,
  lat,
  /** Deadline of the current stage. */
  dueAt: epochMs,
  /** True when the case entered this stage after its previous deadline had passed (超期). */
  overdue: z.boolean(),
  /**
   * When the case entered `prevStage`, and that stage's deadline (absent when prevStage is null). A case
   * system keeps both with every step; with them the wall knows a stage's dwell time and how late an
   * overdue step was without having seen the previous step. Optional: older recordings still validate.
   */
  prevAt: epochMs.optional(),
  prevDueAt: epochMs.optional(),
  /** Short place name, e.g. "西陵区 解放路". Untrusted. */
  address: z.string().max(MAX_TEXT_CHARS),
  /** The citizen's or inspector's description. Untrusted: render as text only. */
  description: z.string().max(MAX_TEXT_CHARS),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

/** 三率 per unit (snapshot). Percentages 0–100. */
export const unitRatesSchema = z.object({
  asOf: epochMs,
  units: z
    .array(z.object({ unitId, response: percent, completion: percent, satisfaction: percent }))
    .min(1)
    .max(UNIT_IDS.length),
});
export type UnitRates = z.infer<typeof unitRatesSchema>;

export const SYSTEM_STATES = ['online', 'degraded', 'offline'] as const;
export type SystemState = (typeof SYSTEM_STATES)[number];

/** Online state and one key figure for each of the 19 industry systems (snapshot). */
export const industrySystemsSchema = z.object({
  asOf: epochMs,
  systems: z
    .array(
      z.object({
        id: systemId,
        state: z.enum(SYSTEM_STATES),
        lastHeartbeat: epochMs,
        keyFigure: z.object({ label: z.string().max(40), value: z.number().finite(), unit: z.string().max(10) }),
        /**
         * The key figure hourly, oldest first: entry i is its value at asOf − (n − 1 − i) h, so the last
         * entry is the value at asOf and the one before it the value an hour ago. Relative to asOf (no
         * re-dating when a feed shifts it). Optional: recordings made before it existed still validate.
         */
        trend: z.array(z.number().finite()).min(2).max(24).optional(),
      }),
    )
    .min(1)
    .max(INDUSTRY_SYSTEM_IDS.length),
});
export type IndustrySystems = z.infer<typeof industrySystemsSchema>;

/** Record counts of the aggregated database by source (snapshot). */
export const dataVolumesSchema = z.object({
  asOf: epochMs,
  tables: count,
  sources: z
    .array(z.object({ id: dataSourceId, records: count, todayIncrement: count }))
    .min(1)
    .max(DATA_SOURCE_IDS.length),
});
export type DataVolumes = z.infer<typeof dataVolumesSchema>;

/**
 * Topics and their kind. A 'snapshot' topic's latest message is the whole truth for that topic;
 * an 'event' topic's state is the fold of every message so far (a seek must replay them all).
 */
export const TOPICS = {
  'cases.baseline': { kind: 'snapshot', schema: casesBaselineSchema },
  'case.event': { kind: 'event', schema: caseEventSchema },
  'rates.units': { kind: 'snapshot', schema: unitRatesSchema },
  'industry.systems': { kind: 'snapshot', schema: industrySystemsSchema },
  'data.volumes': { kind: 'snapshot', schema: dataVolumesSchema },
  'flood.status': { kind: 'snapshot', schema: floodStatusSchema },
  'parking.status': { kind: 'snapshot', schema: parkingStatusSchema },
  'skyeye.status': { kind: 'snapshot', schema: skyeyeStatusSchema },
  'emergency.status': { kind: 'snapshot', schema: emergencyStatusSchema },
  'evaluation.summary': { kind: 'snapshot', schema: evaluationSummarySchema },
  'evaluation.departments': { kind: 'snapshot', schema: departmentRatesSchema },
  'guidance.catalog': { kind: 'snapshot', schema: guidanceCatalogSchema },
  'lifeline.status': { kind: 'snapshot', schema: lifelineStatusSchema },
  'cases.history': { kind: 'snapshot', schema: casesHistorySchema },
  'hotline.summary': { kind: 'snapshot', schema: hotlineSummarySchema },
  'facilities.status': { kind: 'snapshot', schema: facilitiesStatusSchema },
  'facility.change': { kind: 'event', schema: facilityChangeSchema },
} as const;
export type Topic = keyof typeof TOPICS;
export type TopicKind = (typeof TOPICS)[Topic]['kind'];
export type PayloadOf<T extends Topic> = z.infer<(typeof TOPICS)[T]['schema']>;

export function isTopic(name: unknown): name is Topic {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(TOPICS, name);
}

/** A validated message as stores receive it. `receiveTime` is on the source's clock (epoch ms). */
export type Message = { [T in Topic]: { topic: T; receiveTime: number; seq?: number; payload: PayloadOf<T> } }[Topic];

export type ValidationResult =
  | { ok: true; message: Message }
  | { ok: false; topic: string | null; reason: string };

/**
 * Validate one raw message (already JSON-decoded) for a topic. Never throws: a bad message yields a
 * reason that a source counts and logs.
 */
export function validateMessage(topic: unknown, payload: unknown, receiveTime: number, seq?: number): ValidationResult {
  if (!isTopic(topic)) return { ok: false, topic: typeof topic === 'string' ? topic : null, reason: `unknown topic ${JSON.stringify(topic)?.slice(0, 60)}` };
  const parsed = TOPICS[topic].schema.safeParse(payload);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? first.path.join('.') : '(root)';
    return { ok: false, topic, reason: `${topic}: ${where}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, message: { topic, receiveTime, seq, payload: parsed.data } as Message };
}
