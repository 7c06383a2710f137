/**
 * Live status of the city components (井盖 manholes, 路灯 streetlights, 管线 pipe segments; the shipped
 * columns in public/facilities, docs/facilities.md). Two topics, in the pattern of cases.baseline +
 * case.event:
 * - `facilities.status` (snapshot, once a minute): facilities per kind × status now (the shipped files'
 *   status column plus every change so far), and the most recent changes for lists;
 * - `facility.change` (event): one facility entered a status. The wall folds every change so far (a seek
 *   replays them all) and hands the new ones to the map as single-element updates.
 * A change names the facility by kind and asset id (the file's Uint32 `id`; display code JG/LD/GX + id).
 */
import { z } from 'zod';
import { FACILITY_KINDS, FACILITY_STATUSES } from '../../src/facilities/schema';
import { count, epochMs } from './fields';

/** Changes carried in a `facilities.status` snapshot, newest first. */
export const MAX_RECENT_FACILITY_CHANGES = 30;

export const facilityKindSchema = z.enum(FACILITY_KINDS);
export const facilityStatusSchema = z.enum(FACILITY_STATUSES);

export const facilityChangeSchema = z.strictObject({
  kind: facilityKindSchema,
  /** Asset number as stored in the file's `id` column (Uint32). */
  id: z.number().int().min(0).max(0xffff_ffff),
  /** The status it entered. */
  status: facilityStatusSchema,
  /**
   * The status it left, when the source knows it. Optional: with it, panels move their counts on every
   * change between two snapshots; without it the wall takes the facility's previous change, or normal.
   */
  from: facilityStatusSchema.optional(),
  at: epochMs,
  /** Why, in a few words (e.g. 可燃气体浓度超限, 传感器离线). Untrusted: rendered as text only. */
  reason: z.string().min(1).max(40).optional(),
});
export type FacilityChange = z.infer<typeof facilityChangeSchema>;

const perStatus = z.strictObject({ normal: count, alarm: count, offline: count, repair: count });
export type FacilityStatusCounts = z.infer<typeof perStatus>;

export const facilitiesStatusSchema = z
  .object({
    asOf: epochMs,
    /** One entry per kind: how many facilities are in each status at asOf. */
    totals: z.array(z.object({ kind: facilityKindSchema, counts: perStatus })).min(1).max(FACILITY_KINDS.length),
    /** The latest changes up to asOf, newest first. */
    recent: z.array(facilityChangeSchema).max(MAX_RECENT_FACILITY_CHANGES),
  })
  .refine((p) => new Set(p.totals.map((t) => t.kind)).size === p.totals.length, { message: 'a kind is listed twice', path: ['totals'] })
  .refine((p) => p.recent.every((c) => c.at <= p.asOf), { message: 'a recent change is after asOf', path: ['recent'] });
export type FacilitiesStatus = z.infer<typeof facilitiesStatusSchema>;

export function totalOf(c: FacilityStatusCounts): number {
  return c.normal + c.alarm + c.offline + c.repair;
}
