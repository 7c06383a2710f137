import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS, CHANNEL_IDS, STAGE_IDS } from '../../data-adapters/domain';
import { DEMO_START_TIME } from './config';
import { CATEGORY_MIX, planLifecycle, stepTiming } from './lifecycle';
import { Rng } from './random';
import { DAY, HOUR, MINUTE } from './time';

describe('case life cycle', () => {
  it('sensors raise only lifeline alarms; every category is reachable', () => {
    expect(CATEGORY_MIX.sensor).toEqual([['lifeline', 1]]);
    const reachable = new Set(CHANNEL_IDS.flatMap((c) => CATEGORY_MIX[c].map(([cat]) => cat)));
    expect(reachable).toEqual(new Set(CATEGORY_IDS));
  });

  it('registers and dispatches within minutes, handles within minutes to hours', () => {
    for (const channel of CHANNEL_IDS) {
      for (const [category] of CATEGORY_MIX[channel]) {
        for (const stage of ['discover', 'register'] as const) expect(stepTiming(stage, channel, category).limit).toBeLessThanOrEqual(60);
        const handle = stepTiming('handle', channel, category);
        expect(handle.min).toBeGreaterThanOrEqual(10);
        expect(handle.max).toBeLessThanOrEqual(handle.limit);
      }
    }
  });

  it('walks the stages in order with consistent times, deadlines and overdue flags; ~4–5% of steps late', () => {
    let transitions = 0;
    let late = 0;
    let closedWithin30 = 0;
    const n = 3000;
    const problems: string[] = [];
    const check = (ok: boolean, what: string): void => {
      if (!ok && problems.length < 10) problems.push(what);
    };
    for (let i = 0; i < n; i += 1) {
      const rng = Rng.derive(1, 'life', i);
      const channel = rng.pick(CHANNEL_IDS);
      const category = rng.weighted(CATEGORY_MIX[channel]);
      const start = DEMO_START_TIME + rng.int(-12, 12) * HOUR;
      const steps = planLifecycle(rng, channel, category, start, start + 10 * DAY);
      check(steps.map((s) => s.stage).join() === STAGE_IDS.join(), `case ${i}: stages ${steps.map((s) => s.stage).join()}`);
      steps.forEach((s, k) => {
        check(s.dueAt >= s.at, `case ${i} ${s.stage}: due before entry`);
        check(s.at % 1000 === 0, `case ${i} ${s.stage}: not whole seconds`);
        const prev = steps[k - 1];
        if (!prev) {
          check(!s.overdue, `case ${i}: discovered overdue`);
          return;
        }
        check(s.at >= prev.at, `case ${i} ${s.stage}: time goes back`);
        check(s.overdue === s.at > prev.dueAt, `case ${i} ${s.stage}: overdue flag disagrees with times`);
        transitions += 1;
        if (s.overdue) late += 1;
      });
      const close = steps[steps.length - 1];
      if (close && close.at - start <= 30 * MINUTE) closedWithin30 += 1;
    }
    expect(problems).toEqual([]);
    expect(late / transitions).toBeGreaterThan(0.03);
    expect(late / transitions).toBeLessThan(0.06);
    // Most cases take longer than half an hour from discovery to closing.
    expect(closedWithin30 / n).toBeLessThan(0.1);
  });

  it('stops at the horizon', () => {
    const rng = Rng.derive(2, 'horizon');
    const steps = planLifecycle(rng, 'inspector', 'facility', DEMO_START_TIME, DEMO_START_TIME + 20 * MINUTE);
    expect(steps.length).toBeLessThan(STAGE_IDS.length);
    expect(steps.slice(0, -1).every((s) => s.at <= DEMO_START_TIME + 20 * MINUTE)).toBe(true);
  });
});
