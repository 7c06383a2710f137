/** The baseline's overdue list seeds the followed cases: alerts, by-unit figures and escalations from the start. */
import { describe, expect, it } from 'vitest';
import type { BaselineOverdueCase } from '../../../data-adapters/schemas';
import { casesBaselineSchema } from '../../../data-adapters/schemas';
import { emptyCasesState, reduceCases } from './cases';
import { MIN, T0, baseline, baselineMsg, event, eventMsg } from '../fixtures';

const overdue = (caseId: string, unitId: BaselineOverdueCase['unitId'], minutesLate: number, lateStages = 1): BaselineOverdueCase => ({
  caseId, unitId, category: 'sanitation', channel: 'snapshot', stage: 'handle',
  enteredAt: T0 - minutesLate * MIN - 60 * MIN, dueAt: T0 - minutesLate * MIN, lateStages,
  address: '<b>西陵区 解放路</b>', lon: 111.29, lat: 30.7,
});

const LISTED = [overdue('b1', 'xiling', 30), overdue('b2', 'xiling', 150), overdue('b3', 'yidu', 45)];
const seeded = () => reduceCases(emptyCasesState(), [baselineMsg(baseline(T0, { overdueOpen: 7, overdueCases: LISTED }))], false);

describe('reduceCases: baseline overdue list', () => {
  it('lists, counts by unit and escalates the listed cases without counting them again', () => {
    const s = seeded();
    expect(s.overdueOpen).toBe(7);
    expect(s.alerts.map((a) => a.caseId).sort()).toEqual(['b1', 'b2', 'b3']);
    expect(s.overdueByUnit.xiling).toBe(2);
    expect(s.overdueByUnit.yidu).toBe(1);
    expect(s.overdueByUnit.wujiagang).toBe(0);
    const escalated = s.alerts.filter((a) => a.escalated).map((a) => a.caseId);
    expect(escalated).toEqual(['b2']);
    expect(s.escalatedOpen).toBe(1);
    expect(s.escalatedByUnit.xiling).toBe(1);
    expect(s.alerts.find((a) => a.caseId === 'b2')?.lateMinutes).toBe(150);
    expect(s.alerts.find((a) => a.caseId === 'b2')?.address).toBe('<b>西陵区 解放路</b>');
  });

  it('escalates a case late in two stages at once', () => {
    const s = reduceCases(emptyCasesState(), [baselineMsg(baseline(T0, { overdueCases: [overdue('b4', 'yidu', 10, 2)] }))], false);
    expect(s.alerts[0]?.escalated).toBe(true);
    expect(s.escalatedByUnit.yidu).toBe(1);
  });

  it('escalates a listed case when it passes two hours late on the data clock', () => {
    // b3 (45 min late at the baseline) is 125 min late, b1 (30 min) only 110.
    const s = reduceCases(seeded(), [eventMsg(event('other', 'discover', T0 + 80 * MIN))], false);
    expect(s.alerts.find((a) => a.caseId === 'b3')?.escalated).toBe(true);
    expect(s.alerts.find((a) => a.caseId === 'b1')?.escalated).toBe(false);
    expect(s.escalatedOpen).toBe(2);
  });

  it('a later close of a listed case removes it from the list, its unit and the count', () => {
    const close = event('b2', 'close', T0 + 5 * MIN, { unitId: 'xiling', overdue: true, prevDueAt: T0 - 150 * MIN });
    const s = reduceCases(seeded(), [eventMsg(event('b2', 'verify', T0 + 2 * MIN, { unitId: 'xiling', overdue: true })), eventMsg(close)], false);
    expect(s.alerts.map((a) => a.caseId).sort()).toEqual(['b1', 'b3']);
    expect(s.overdueByUnit.xiling).toBe(1);
    expect(s.escalatedOpen).toBe(0);
    expect(s.overdueOpen).toBe(6);
  });

  it('a later step continues the listed case (not a new overdue case)', () => {
    const s = reduceCases(seeded(), [eventMsg(event('b3', 'verify', T0 + 2 * MIN, { unitId: 'yidu', overdue: true }))], false);
    expect(s.overdueOpen).toBe(7);
    expect(s.overdueByUnit.yidu).toBe(1);
    expect(s.alerts.find((a) => a.caseId === 'b3')?.lateMinutes).toBe(47);
  });

  it('the schema refuses a list longer than the count and takes a baseline without one', () => {
    expect(casesBaselineSchema.safeParse(baseline(T0, { overdueOpen: 2, overdueCases: LISTED })).success).toBe(false);
    expect(casesBaselineSchema.safeParse(baseline(T0, { overdueOpen: 3, overdueCases: LISTED })).success).toBe(true);
    expect(casesBaselineSchema.safeParse(baseline(T0)).success).toBe(true);
    const closed = { ...overdue('x', 'yidu', 5), stage: 'close' };
    expect(casesBaselineSchema.safeParse(baseline(T0, { overdueCases: [closed as BaselineOverdueCase] })).success).toBe(false);
  });
});
