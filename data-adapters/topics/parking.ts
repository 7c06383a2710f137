/**
 * 停车 — "the whole city as one car park" (全市一个停车场): every connected car park with its berths and
 * occupancy, and the city's occupancy hour by hour, as one snapshot topic `parking.status`.
 */
import { z } from 'zod';
import { count, epochMs, label, lat, lon, percent, thingId, unitId } from './fields';

export const CAR_PARK_KINDS = [
  { id: 'street', name: '路内泊位' },
  { id: 'mall', name: '商业综合体' },
  { id: 'office', name: '机关写字楼' },
  { id: 'hospital', name: '医院' },
  { id: 'residential', name: '居住小区' },
  { id: 'transport', name: '交通枢纽' },
  { id: 'scenic', name: '景区公园' },
] as const;
export type CarParkKind = (typeof CAR_PARK_KINDS)[number]['id'];
export const CAR_PARK_KIND_IDS = CAR_PARK_KINDS.map((k) => k.id) as unknown as readonly [CarParkKind, ...CarParkKind[]];

export const parkingStatusSchema = z
  .object({
    asOf: epochMs,
    carParks: z
      .array(
        z.object({
          id: thingId,
          name: label(30),
          unitId,
          kind: z.enum(CAR_PARK_KIND_IDS),
          lon,
          lat,
          berths: z.number().int().min(1).max(20_000),
          occupied: count,
          /** Vehicles that entered since local midnight (for the turnover rate). */
          entriesToday: count,
        }),
      )
      .min(1)
      .max(400),
    /**
     * City occupancy per hour, oldest first, from `hourStart` (the recording starts them at local midnight);
     * the last entry is the current hour so far. `dayBeforePct`: the same hours one day earlier.
     */
    hourly: z.object({
      hourStart: epochMs,
      pct: z.array(percent).min(1).max(24),
      dayBeforePct: z.array(percent).min(1).max(24),
    }),
  })
  .superRefine((p, ctx) => {
    if (p.hourly.dayBeforePct.length !== p.hourly.pct.length) {
      ctx.addIssue({ code: 'custom', path: ['hourly', 'dayBeforePct'], message: 'needs one value per hour of pct' });
    }
    p.carParks.forEach((c, i) => {
      if (c.occupied > c.berths) ctx.addIssue({ code: 'custom', path: ['carParks', i, 'occupied'], message: 'more occupied than berths' });
    });
  });
export type ParkingStatus = z.infer<typeof parkingStatusSchema>;
