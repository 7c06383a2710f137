/** Small valid payloads of `lifeline.status` and `cases.history` for boundary tests (hand-made, fixed). */
import { CATEGORY_IDS, UNIT_IDS } from '../domain';
import { HISTORY_CITY_MONTHS, HISTORY_DAYS, HISTORY_UNIT_MONTHS, nextDateLabel, nextMonthLabel, type CasesHistory } from './history';
import { LIFELINE_SECTOR_IDS, type LifelineStatus } from './lifeline';

export function lifelineStatusPayload(t: number): LifelineStatus {
  return {
    asOf: t,
    sectors: LIFELINE_SECTOR_IDS.map((id) => ({ id, sensors: 1000, online: 990, alarmsToday: 3, activeAlarms: id === 'gas' ? 1 : 0 })),
    alarms: [
      {
        id: 'LL20261126-0001', sector: 'gas', level: 'critical', kind: '可燃气体浓度超限', reading: { value: 28, unit: '%LEL' }, unitId: 'xiling',
        place: '西陵区 夷陵大道与珍珠路交叉口 燃气阀井', lon: 111.30624, lat: 30.73062, at: t - 120_000, state: 'ticketed', stateAt: t - 60_000,
        caseId: 'GAS-20261126-001', caseStages: [{ stage: 'discover', at: t - 60_000 }],
      },
    ],
  };
}

export function casesHistoryPayload(t: number): CasesHistory {
  const months = ['2024-11'];
  while (months.length < HISTORY_CITY_MONTHS) months.push(nextMonthLabel(months[months.length - 1] as string));
  const days = ['2026-10-29'];
  while (days.length < HISTORY_DAYS) days.push(nextDateLabel(days[days.length - 1] as string));
  return {
    asOf: t,
    cityMonthly: months.map((month) => ({ month, received: 70_000, completion: 93.5, satisfaction: 95.2 })),
    units: UNIT_IDS.map((unitId) => ({
      unitId,
      monthly: months.slice(-HISTORY_UNIT_MONTHS).map((month) => ({ month, received: 5000, completion: 93.5, satisfaction: 95.2 })),
    })),
    daily: days.map((date) => ({ date, byCategory: Object.fromEntries(CATEGORY_IDS.map((c) => [c, 250])) as CasesHistory['daily'][number]['byCategory'] })),
    monthToDate: { month: '2026-11', received: 61_000, elapsedDays: 25.4 },
  };
}
