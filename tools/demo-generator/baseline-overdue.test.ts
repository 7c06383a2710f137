/** The baseline's overdue list agrees with its count, with the boundaries and with the cases' own events. */
import { beforeAll, describe, expect, it } from 'vitest';
import { casesBaselineSchema, type CaseEvent, type CasesBaseline } from '../../data-adapters/schemas';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording } from './generate';
import { isInUnit, loadBoundaries } from './geography';

describe('cases.baseline overdueCases', () => {
  let baseline: CasesBaseline;
  let events: CaseEvent[];
  beforeAll(() => {
    const rec = buildDemoRecording(DEMO_SEED);
    baseline = rec.lines.find((l) => l.topic === 'cases.baseline')!.payload as CasesBaseline;
    events = rec.lines.filter((l) => l.topic === 'case.event').map((l) => l.payload as CaseEvent);
  }, 60_000);

  it('lists exactly the cases the overdue count counts, each open and past its deadline at asOf', () => {
    expect(casesBaselineSchema.safeParse(baseline).success).toBe(true);
    const list = baseline.overdueCases ?? [];
    expect(baseline.overdueOpen).toBeGreaterThan(0);
    expect(list).toHaveLength(baseline.overdueOpen);
    expect(new Set(list.map((c) => c.caseId)).size).toBe(list.length);
    for (const c of list) {
      expect(c.dueAt).toBeLessThan(DEMO_START_TIME);
      expect(c.enteredAt).toBeLessThanOrEqual(c.dueAt);
      expect(c.lateStages).toBeGreaterThanOrEqual(1);
    }
    expect(list.some((c) => DEMO_START_TIME - c.dueAt > 2 * 3600_000 || c.lateStages >= 2)).toBe(true);
  });

  it('places each case inside its unit, where its later events place it', () => {
    const boundaries = loadBoundaries();
    const list = baseline.overdueCases ?? [];
    for (const c of list) expect(isInUnit(boundaries, c.unitId, c.lon, c.lat), c.caseId).toBe(true);
    const byId = new Map(list.map((c) => [c.caseId, c]));
    const continued = events.filter((e) => byId.has(e.caseId));
    expect(continued.length).toBeGreaterThan(0);
    for (const e of continued) {
      const c = byId.get(e.caseId)!;
      expect([e.lon, e.lat, e.address, e.unitId, e.category, e.channel]).toEqual([c.lon, c.lat, c.address, c.unitId, c.category, c.channel]);
    }
    // The first later step of a listed case leaves the stage the baseline has it in, late.
    const first = new Map<string, CaseEvent>();
    for (const e of continued) if (!first.has(e.caseId)) first.set(e.caseId, e);
    for (const [id, e] of first) {
      expect(e.prevStage).toBe(byId.get(id)!.stage);
      expect(e.prevDueAt).toBe(byId.get(id)!.dueAt);
      expect(e.overdue).toBe(true);
    }
  });
});
