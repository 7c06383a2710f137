/** shiftPayload for cases.baseline's overdue list: its times move and its ids take the loop suffix. */
import { describe, expect, it } from 'vitest';
import { validateMessage, type CasesBaseline } from '../data-adapters/schemas';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { demoRecording, shiftPayload } from './stream';

const SHIFT = 2 * 86_400_000 + 5 * 60_000;

describe('shiftPayload: cases.baseline overdueCases', () => {
  const baseline = demoRecording(DEMO_SEED).lines.find((l) => l.topic === 'cases.baseline')!.payload as CasesBaseline;

  it('moves enteredAt and dueAt, suffixes case ids like the loop suffixes case events, keeps the rest', () => {
    const list = baseline.overdueCases ?? [];
    expect(list.length).toBeGreaterThan(0);
    for (const loop of [0, 2]) {
      const shifted = shiftPayload('cases.baseline', baseline, SHIFT, loop) as CasesBaseline;
      const r = validateMessage('cases.baseline', shifted, 0);
      if (!r.ok) throw new Error(r.reason);
      expect(shifted.overdueCases).toHaveLength(list.length);
      shifted.overdueCases!.forEach((c, i) => {
        const o = list[i]!;
        expect(c).toEqual({
          ...o,
          caseId: loop === 0 ? o.caseId : `${o.caseId}-L${loop}`,
          enteredAt: o.enteredAt + SHIFT,
          dueAt: o.dueAt + SHIFT,
        });
      });
    }
  });

  it('leaves a baseline without a list without one', () => {
    const { overdueCases: _dropped, ...bare } = baseline;
    const shifted = shiftPayload('cases.baseline', bare, SHIFT, 1) as CasesBaseline;
    expect('overdueCases' in shifted).toBe(false);
  });
});
