/** shiftPayload for lifeline.status and cases.history: every time moves, labels and ids follow the loop. */
import { describe, expect, it } from 'vitest';
import { validateMessage, type CaseEvent } from '../data-adapters/schemas';
import type { CasesHistory } from '../data-adapters/topics/history';
import type { LifelineStatus } from '../data-adapters/topics/lifeline';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { DAY } from '../tools/demo-generator/time';
import { demoRecording, LiveStream, shiftPayload } from './stream';

const recording = demoRecording(DEMO_SEED);
const D = recording.header.endTime - recording.header.startTime;
const ORIGIN = Date.UTC(2027, 2, 1, 1, 0);

/** Every number under a key that names a time (asOf, at, stateAt, …), with its path. */
function times(value: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, p: string): void => {
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}.${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
    else if (typeof v === 'number' && /(^|\.)(asOf|at|stateAt)$/.test(p)) out.set(p, v);
  };
  walk(value, path);
  return out;
}

describe('shiftPayload: lifeline.status and cases.history', () => {
  const lifelineLines = recording.lines.filter((l) => l.topic === 'lifeline.status');
  const last = lifelineLines[lifelineLines.length - 2]!.payload as LifelineStatus;

  it('moves every time field of lifeline.status by the shift and keeps it valid', () => {
    const shift = 5 * D + 123_000;
    const shifted = shiftPayload('lifeline.status', last, shift, 5) as LifelineStatus;
    const before = times(last);
    const after = times(shifted);
    expect(before.size).toBeGreaterThan(20);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [k, v] of before) expect(after.get(k), k).toBe(v + shift);
    expect(validateMessage('lifeline.status', shifted, shifted.asOf).ok).toBe(true);
  });

  it('keeps the alarm\'s case id equal to the case events\' id in every loop', () => {
    const stream = new LiveStream({ originTime: ORIGIN }, recording);
    for (const loop of [0, 1, 3]) {
      const perLoopLifeline = stream.perLoop('lifeline.status');
      const perLoopEvents = stream.perLoop('case.event');
      const snap = stream.envelope('lifeline.status', loop * perLoopLifeline + perLoopLifeline).payload as LifelineStatus;
      const ids = new Set(snap.alarms.map((a) => a.caseId).filter((x): x is string => x !== null));
      expect(ids.size).toBe(1);
      const events = Array.from({ length: perLoopEvents }, (_, i) => stream.envelope('case.event', loop * perLoopEvents + i + 1).payload as CaseEvent);
      const gas = events.filter((e) => ids.has(e.caseId));
      expect(gas.map((e) => e.stage)).toEqual(['discover', 'register', 'dispatch', 'handle', 'verify', 'close']);
      const alarm = snap.alarms.find((a) => a.caseId !== null)!;
      expect(alarm.caseStages.map((s) => s.at)).toEqual(gas.map((e) => e.at));
    }
  });

  it('moves asOf of cases.history and re-dates its days and months onto the shifted day', () => {
    const h = recording.lines.find((l) => l.topic === 'cases.history')!.payload as CasesHistory;
    const shift = 100 * DAY;
    const shifted = shiftPayload('cases.history', h, shift, 3) as CasesHistory;
    expect(shifted.asOf).toBe(h.asOf + shift);
    expect(validateMessage('cases.history', shifted, shifted.asOf).ok).toBe(true);
    // 2026-11-26 + 100 days = 2027-03-06: days end 03-05, months end February.
    expect(shifted.daily[shifted.daily.length - 1]?.date).toBe('2027-03-05');
    expect(shifted.cityMonthly[shifted.cityMonthly.length - 1]?.month).toBe('2027-02');
    expect(shifted.monthToDate.month).toBe('2027-03');
  });
});
