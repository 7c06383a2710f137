/**
 * The case life-cycle model: which categories a channel brings, and how long each step of the
 * closed loop 发现→立案→派单→处置→核查→结案 takes against its deadline.
 *
 * Semantics, as the `case.event` schema defines them: an event says the case *entered* `stage`;
 * `dueAt` is the deadline of that stage (by when the case should enter the next one); `overdue` says
 * the case entered `stage` after the previous stage's deadline. 立案 = accepted; 派单 = sent to the
 * responsible department; 处置 = the department signed for it and is on it; 核查 = reported done,
 * awaiting verification (on-site check or 12345 call-back); 结案 = closed.
 */
import { STAGE_IDS, type CategoryId, type ChannelId, type StageId } from '../../data-adapters/domain';
import { OVERDUE_PROBABILITY } from './config';
import type { Rng } from './random';
import { addWorkingTime, toSecond, type Calendar } from './time';

/** What each channel brings in (weights). Sensors only raise lifeline alarms. */
export const CATEGORY_MIX: Readonly<Record<ChannelId, readonly (readonly [CategoryId, number])[]>> = {
  hotline12345: [
    ['noise', 20], ['facility', 20], ['environment', 12], ['sanitation', 12], ['construction', 12],
    ['parking', 10], ['streetvendor', 6], ['greenery', 5], ['lifeline', 3],
  ],
  inspector: [
    ['environment', 22], ['sanitation', 18], ['facility', 20], ['streetvendor', 15], ['parking', 10],
    ['greenery', 8], ['construction', 7],
  ],
  snapshot: [
    ['environment', 25], ['parking', 25], ['streetvendor', 20], ['sanitation', 12], ['facility', 10], ['greenery', 8],
  ],
  police110: [['noise', 45], ['parking', 25], ['streetvendor', 15], ['construction', 15]],
  sensor: [['lifeline', 1]],
};

/** One step's timing: duration range and mode (working minutes), deadline, calendar. */
interface StepTiming {
  min: number;
  mode: number;
  max: number;
  limit: number;
  calendar: Calendar;
}

const step = (min: number, mode: number, max: number, limit: number, calendar: Calendar): StepTiming => ({
  min, mode, max, limit, calendar,
});

/** 处置 (handling) time by category, in the handling department's working minutes. */
const HANDLING: Readonly<Record<CategoryId, StepTiming>> = {
  parking: step(12, 30, 100, 120, 'office'),
  streetvendor: step(15, 35, 110, 120, 'office'),
  environment: step(25, 70, 220, 240, 'office'),
  sanitation: step(20, 55, 220, 240, 'office'),
  noise: step(25, 60, 220, 240, 'office'),
  greenery: step(60, 160, 460, 480, 'office'),
  construction: step(50, 140, 460, 480, 'office'),
  facility: step(90, 300, 1150, 1200, 'office'),
  lifeline: step(30, 70, 220, 240, 'always'),
};

const ROUND_THE_CLOCK: ReadonlySet<ChannelId> = new Set(['hotline12345', 'police110', 'sensor']);

/** Timing of leaving `stage` (the step from `stage` to the next one). */
export function stepTiming(stage: Exclude<StageId, 'close'>, channel: ChannelId, category: CategoryId): StepTiming {
  const desk: Calendar = ROUND_THE_CLOCK.has(channel) ? 'always' : 'ops';
  switch (stage) {
    case 'discover': // → 立案
      if (channel === 'sensor') return step(1, 2, 8, 15, 'always');
      if (channel === 'snapshot') return step(4, 12, 50, 60, 'ops');
      return step(2, 6, 25, 30, desk);
    case 'register': // → 派单
      return step(1, 4, 25, 30, desk);
    case 'dispatch': // → 处置 (签收)
      return category === 'lifeline' ? step(3, 8, 28, 30, 'always') : step(5, 15, 55, 60, 'office');
    case 'handle': // → 核查
      return HANDLING[category];
    case 'verify': // → 结案: 12345 and 110 cases close after a call-back, the others after an on-site check
      return channel === 'hotline12345' || channel === 'police110' ? step(15, 50, 220, 240, 'office') : step(8, 25, 110, 120, 'ops');
  }
}

export interface StageStep {
  stage: StageId;
  at: number;
  dueAt: number;
  overdue: boolean;
}

/**
 * Plan a case's steps from its discovery until it closes or passes `horizon` (steps after the horizon
 * are not needed and not computed). Each step misses its deadline with OVERDUE_PROBABILITY; `overdue`
 * is then read off the times themselves, so flag and times can never disagree.
 */
export function planLifecycle(rng: Rng, channel: ChannelId, category: CategoryId, discoverAt: number, horizon: number): StageStep[] {
  const steps: StageStep[] = [];
  let at = discoverAt;
  let prevDue: number | null = null;
  for (const stage of STAGE_IDS) {
    const overdue = prevDue !== null && at > prevDue;
    if (stage === 'close') {
      steps.push({ stage, at, dueAt: at, overdue });
      break;
    }
    const timing = stepTiming(stage, channel, category);
    const dueAt = toSecond(addWorkingTime(at, timing.limit, timing.calendar));
    steps.push({ stage, at, dueAt, overdue });
    const late = rng.chance(OVERDUE_PROBABILITY);
    const minutes = late
      ? timing.limit * rng.range(1.08, 1.9)
      : Math.min(rng.triangular(timing.min, timing.mode, timing.max), timing.limit * 0.97);
    const next = toSecond(addWorkingTime(at, minutes, timing.calendar));
    prevDue = dueAt;
    at = Math.max(next, at);
    if (at > horizon) break;
  }
  return steps;
}
