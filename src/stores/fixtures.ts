/**
 * Small valid messages for store/scene tests (an ordinary module, not a test). Times are on
 * 2026-11-26 in Beijing time so the "today" rules are exercised with a real calendar day.
 */
import { CHANNEL_IDS, STAGE_IDS, UNIT_IDS, type StageId } from '../../data-adapters/domain';
import type { CaseEvent, CasesBaseline, Message } from '../../data-adapters/schemas';

/** 2026-11-26 09:30:00 Beijing time. */
export const T0 = Date.UTC(2026, 10, 26, 1, 30, 0);
export const MIN = 60_000;

export function baseline(asOf = T0, over: Partial<CasesBaseline> = {}): CasesBaseline {
  const perUnit = Object.fromEntries(UNIT_IDS.map((u, i) => [u, i + 1])) as CasesBaseline['todayByUnit']; // 105 in all
  const perChannel = Object.fromEntries(CHANNEL_IDS.map((c, i) => [c, [40, 30, 20, 10, 5][i] ?? 0])) as CasesBaseline['todayByChannel'];
  const openByStage = Object.fromEntries(STAGE_IDS.map((s, i) => [s, s === 'close' ? 0 : 10 * (i + 1)])) as CasesBaseline['openByStage'];
  return {
    asOf,
    cumulativeHandled: 860_600,
    todayByUnit: perUnit,
    todayByChannel: perChannel,
    closedToday: 50,
    openByStage, // discover 10, register 20, dispatch 30, handle 40, verify 50
    overdueOpen: 7,
    trend: ['20', '21', '22', '23', '24', '25', '26'].map((d) => ({ date: `2026-11-${d}`, received: 100, closed: 90 })),
    ...over,
  };
}

export function event(caseId: string, stage: StageId, at: number, over: Partial<CaseEvent> = {}): CaseEvent {
  const i = STAGE_IDS.indexOf(stage);
  return {
    caseId,
    stage,
    prevStage: i > 0 ? (STAGE_IDS[i - 1] ?? null) : null,
    at,
    unitId: 'wujiagang',
    channel: 'snapshot',
    category: 'sanitation',
    lon: 111.31,
    lat: 30.65,
    dueAt: at + 3_600_000,
    overdue: false,
    address: '伍家岗区 夷陵大道',
    description: '<img src=x onerror=alert(1)> 垃圾满溢',
    ...over,
  };
}

export function msg<M extends Message>(topic: M['topic'], payload: M['payload'], receiveTime: number): Message {
  return { topic, payload, receiveTime } as Message;
}

export const baselineMsg = (b = baseline()) => msg('cases.baseline', b, b.asOf);
export const eventMsg = (e: CaseEvent) => msg('case.event', e, e.at);
