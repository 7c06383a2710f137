/**
 * `cases.history`: the long view behind 决策建议 (situation, trends, the monthly report): city totals for
 * the last 24 complete months, received / completion / satisfaction per unit for the last 13 complete
 * months, new cases per category for the last 28 complete days, and the current month so far.
 */
import { z } from 'zod';
import { CATEGORY_IDS, UNIT_IDS } from '../domain';

export const HISTORY_CITY_MONTHS = 24;
export const HISTORY_UNIT_MONTHS = 13;
export const HISTORY_DAYS = 28;

const count = z.number().int().nonnegative();
const percent = z.number().min(0).max(100);
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Months and days must be strictly increasing (oldest first) and continuous. */
function consecutive(labels: readonly string[], next: (label: string) => string): boolean {
  for (let i = 1; i < labels.length; i += 1) if (labels[i] !== next(labels[i - 1] as string)) return false;
  return true;
}

export function nextMonthLabel(label: string): string {
  const [y, m] = label.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function nextDateLabel(label: string): string {
  const [y, m, d] = label.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const unitMonth = z.object({ month, received: count, completion: percent, satisfaction: percent });

export const casesHistorySchema = z
  .object({
    asOf: z.number().int().nonnegative(),
    /** City totals, oldest first; the last is the month before asOf's month. */
    cityMonthly: z
      .array(z.object({ month, received: count, completion: percent, satisfaction: percent }))
      .length(HISTORY_CITY_MONTHS)
      .refine((ms) => consecutive(ms.map((m) => m.month), nextMonthLabel), 'months must be consecutive, oldest first'),
    units: z
      .array(
        z.object({
          unitId: z.enum(UNIT_IDS),
          monthly: z
            .array(unitMonth)
            .length(HISTORY_UNIT_MONTHS)
            .refine((ms) => consecutive(ms.map((m) => m.month), nextMonthLabel), 'months must be consecutive, oldest first'),
        }),
      )
      .min(1)
      .max(UNIT_IDS.length),
    /** New cases per category per day, oldest first; the last is the day before asOf's day. */
    daily: z
      .array(z.object({ date: isoDate, byCategory: z.record(z.enum(CATEGORY_IDS), count) }))
      .length(HISTORY_DAYS)
      .refine((ds) => consecutive(ds.map((d) => d.date), nextDateLabel), 'days must be consecutive, oldest first'),
    /** asOf's month so far. */
    monthToDate: z.object({ month, received: count, elapsedDays: z.number().min(0).max(31) }),
  })
  .refine((h) => h.units.every((u) => u.monthly[u.monthly.length - 1]?.month === h.cityMonthly[h.cityMonthly.length - 1]?.month), {
    message: 'unit months must end with the city months',
    path: ['units'],
  });
export type CasesHistory = z.infer<typeof casesHistorySchema>;
