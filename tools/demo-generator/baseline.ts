/** `cases.baseline`: the state of the case system just before the recording starts. */
import {
  CASES_HANDLED_REFERENCE, CHANNEL_IDS, STAGE_IDS, UNIT_IDS, type ChannelId, type StageId, type UnitId,
} from '../../data-adapters/domain';
import type { BaselineOverdueCase, CasesBaseline } from '../../data-adapters/schemas';
import { casePlace } from './case-place';
import type { UnitSampler } from './geography';
import { Rng } from './random';
import type { StageStep } from './lifecycle';
import { stepBefore, type SimCase } from './simulation';
import { DAY, localDayStart, localIsoDate } from './time';

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => {
  const out = {} as Record<K, number>;
  for (const k of keys) out[k] = 0;
  return out;
};

export function buildBaseline(seed: number, cases: readonly SimCase[], startTime: number, sampler: UnitSampler): CasesBaseline {
  const today = localDayStart(startTime);
  const todayByUnit = zeros<UnitId>(UNIT_IDS);
  const todayByChannel = zeros<ChannelId>(CHANNEL_IDS);
  const openByStage = zeros<StageId>(STAGE_IDS);
  let closedToday = 0;
  const overdueCases: BaselineOverdueCase[] = [];

  const days = Array.from({ length: 7 }, (_, i) => today - (6 - i) * DAY);
  const received = days.map(() => 0);
  const closed = days.map(() => 0);
  const dayIndex = (t: number): number => (t < startTime ? days.indexOf(localDayStart(t)) : -1);

  for (const c of cases) {
    const discovered = c.steps[0];
    if (!discovered || discovered.at >= startTime) continue;
    const closeStep = c.steps.find((s) => s.stage === 'close');
    const di = dayIndex(discovered.at);
    if (di >= 0) received[di] = (received[di] ?? 0) + 1;
    if (closeStep) {
      const ci = dayIndex(closeStep.at);
      if (ci >= 0) closed[ci] = (closed[ci] ?? 0) + 1;
    }
    if (discovered.at >= today) {
      todayByUnit[c.unitId] += 1;
      todayByChannel[c.channel] += 1;
    }
    if (closeStep && closeStep.at < startTime) {
      if (closeStep.at >= today) closedToday += 1;
      continue;
    }
    const current = stepBefore(c, startTime);
    if (!current) continue;
    openByStage[current.stage] += 1;
    if (current.dueAt < startTime) overdueCases.push(overdueCase(seed, sampler, c, current));
  }

  return {
    asOf: startTime,
    // The reference's 86.06万 plus what closed since its last count: a figure just above 860,600.
    cumulativeHandled: CASES_HANDLED_REFERENCE + Rng.derive(seed, 'cumulative').int(12, 96),
    todayByUnit,
    todayByChannel,
    closedToday,
    openByStage,
    overdueOpen: overdueCases.length,
    trend: days.map((d, i) => ({ date: localIsoDate(d), received: received[i] ?? 0, closed: closed[i] ?? 0 })),
    overdueCases,
  };
}

/** An open case past its deadline at `startTime`, placed exactly where its events will place it. */
function overdueCase(seed: number, sampler: UnitSampler, c: SimCase, current: StageStep): BaselineOverdueCase {
  if (current.stage === 'close') throw new Error(`${c.id}: a closed case cannot be overdue`);
  // Earlier stages that ran late are the steps entered past the previous deadline; the current one is late too.
  const lateStages = c.steps.slice(0, c.steps.indexOf(current) + 1).filter((s) => s.overdue).length + 1;
  const { lon, lat, place } = casePlace(seed, sampler, c);
  return {
    caseId: c.id,
    unitId: c.unitId,
    category: c.category,
    channel: c.channel,
    stage: current.stage,
    enteredAt: current.at,
    dueAt: current.dueAt,
    lateStages,
    address: place.address,
    lon,
    lat,
  };
}
