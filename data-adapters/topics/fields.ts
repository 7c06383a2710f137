/**
 * Field validators shared by the featured-topic schemas (flood, parking, skyeye, emergency …): the same
 * bounds as data-adapters/schemas.ts, so every topic refuses the same kinds of bad values.
 */
import { z } from 'zod';
import { UNIT_IDS } from '../domain';

export const count = z.number().int().nonnegative();
export const epochMs = z.number().int().nonnegative();
export const percent = z.number().min(0).max(100);
export const lon = z.number().min(-180).max(180);
export const lat = z.number().min(-90).max(90);
export const unitId = z.enum(UNIT_IDS);
/** Ids of things in a feed (stations, car parks, cameras): short, printable, no markup. */
export const thingId = z.string().regex(/^[A-Za-z0-9_.:-]{1,40}$/);
/** A short name or place shown on the wall. Untrusted: rendered as text only. */
export const label = (max = 60) => z.string().min(1).max(max);
