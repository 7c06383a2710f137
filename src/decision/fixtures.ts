/** Fixed, hand-made facts for the decision tests (not generated: every figure is chosen). */
import { CATEGORY_IDS, UNIT_IDS, type CategoryId, type UnitId } from '../../data-adapters/domain';
import { HISTORY_CITY_MONTHS, HISTORY_UNIT_MONTHS, nextDateLabel, nextMonthLabel, type CasesHistory } from '../../data-adapters/topics/history';
import { LIFELINE_SECTOR_IDS, type LifelineAlarm, type LifelineStatus } from '../../data-adapters/topics/lifeline';

export const AS_OF = Date.UTC(2026, 10, 26, 2, 0); // 2026-11-26 10:00 CST

function months(from: string, n: number): string[] {
  const out = [from];
  while (out.length < n) out.push(nextMonthLabel(out[out.length - 1] as string));
  return out;
}

/**
 * A history where every unit is flat (completion 94, satisfaction 95) except what `tweak` changes;
 * city intake grows by exactly `slope` a month from `base`; every category has 100 cases a day.
 */
export function flatHistory(opts: {
  completion?: Partial<Record<UnitId, readonly number[]>>;
  satisfaction?: Partial<Record<UnitId, readonly number[]>>;
  base?: number;
  slope?: number;
  weekly?: Partial<Record<CategoryId, readonly [number, number]>>;
} = {}): CasesHistory {
  const cityMonths = months('2024-11', HISTORY_CITY_MONTHS);
  const unitMonths = cityMonths.slice(-HISTORY_UNIT_MONTHS);
  const base = opts.base ?? 60_000;
  const slope = opts.slope ?? 500;
  const tail = (values: readonly number[] | undefined, fill: number): number[] => {
    const v = values ?? [];
    return unitMonths.map((_, i) => v[i - (unitMonths.length - v.length)] ?? fill);
  };
  const days: string[] = ['2026-10-29'];
  while (days.length < 28) days.push(nextDateLabel(days[days.length - 1] as string));
  return {
    asOf: AS_OF,
    cityMonthly: cityMonths.map((month, i) => ({ month, received: base + slope * i, completion: 94, satisfaction: 95 })),
    units: UNIT_IDS.map((unitId) => {
      const c = tail(opts.completion?.[unitId], 94);
      const s = tail(opts.satisfaction?.[unitId], 95);
      return { unitId, monthly: unitMonths.map((month, i) => ({ month, received: 1000, completion: c[i] ?? 94, satisfaction: s[i] ?? 95 })) };
    }),
    daily: days.map((date, i) => ({
      date,
      byCategory: Object.fromEntries(
        CATEGORY_IDS.map((c) => {
          const w = opts.weekly?.[c];
          // Days 14–20 are last week, 21–27 this week: [lastWeek, thisWeek] totals spread evenly.
          if (w && i >= 14) return [c, Math.round((i < 21 ? w[0] : w[1]) / 7)];
          return [c, 100];
        }),
      ) as Record<CategoryId, number>,
    })),
    monthToDate: { month: '2026-11', received: 60_000, elapsedDays: 25.4 },
  };
}

export function alarm(over: Partial<LifelineAlarm> & Pick<LifelineAlarm, 'id'>): LifelineAlarm {
  return {
    sector: 'drainage', level: 'major', kind: '管网液位超限', reading: { value: 2.1, unit: 'm' }, unitId: 'wujiagang',
    place: '伍家岗区 东山大道160号附近 排水检查井', lon: 111.34, lat: 30.66, at: AS_OF - 10 * 60_000, state: 'pending',
    stateAt: AS_OF - 10 * 60_000, caseId: null, caseStages: [], ...over,
  };
}

export function lifeline(alarms: LifelineAlarm[], online: Partial<Record<(typeof LIFELINE_SECTOR_IDS)[number], number>> = {}): LifelineStatus {
  return {
    asOf: AS_OF,
    sectors: LIFELINE_SECTOR_IDS.map((id) => ({ id, sensors: 1000, online: online[id] ?? 990, alarmsToday: 5, activeAlarms: 0 })),
    alarms,
  };
}
