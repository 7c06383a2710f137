import { describe, expect, it } from 'vitest';
import type { TourStatus } from '../presenter/protocol';
import { formatCountdown, HubClock, masterInstantOf } from './hub-clock';
import { hubState } from '../presenter/hub-state.fixture';

const tour = (over: Partial<TourStatus>): TourStatus => ({
  tourId: 'briefing',
  title: '领导视察汇报',
  index: 2,
  count: 10,
  playing: true,
  stepEndsAt: null,
  remainingMs: null,
  ...over,
});

describe('HubClock', () => {
  it('is 0 until it learns anything, prefers sync samples with the shortest round trip', () => {
    const clock = new HubClock();
    expect(clock.offset).toBe(0);
    expect(clock.source).toBe('none');
    // Hub 5 s ahead; the second sample has the shorter round trip and wins.
    clock.addSync({ t0: 1000, master: 6100, t1: 1400 });
    clock.addSync({ t0: 2000, master: 7010, t1: 2020 });
    expect(clock.offset).toBe(5000);
    expect(clock.source).toBe('sync');
    expect(clock.masterNow(10_000)).toBe(15_000);
  });

  it('learns the offset from a resume: the step ends what was left after it', () => {
    const clock = new HubClock();
    const paused = hubState({ rev: 3, tour: tour({ playing: false, remainingMs: 40_000 }) });
    // Hub clock 1_000_000 + 40 s at the step end; the state arrives at local 3_000 → offset 997_000.
    const resumed = hubState({ rev: 4, tour: tour({ playing: true, stepEndsAt: 1_040_000 }) });
    clock.observe(paused, resumed, 3_000);
    expect(clock.source).toBe('state');
    expect(clock.offset).toBe(997_000);
    clock.resetHints();
    expect(clock.offset).toBe(0);
  });
});

describe('masterInstantOf', () => {
  it('reads a new handover request and a resume, and nothing from a step that moved on', () => {
    const asked = hubState({ rev: 2, handover: { toClientId: 'b', toName: '李', askedAt: 123_456 } });
    expect(masterInstantOf(hubState(), asked)).toBe(123_456);
    expect(masterInstantOf(asked, { ...asked, rev: 3 })).toBeNull();
    const a = hubState({ tour: tour({ index: 2, stepEndsAt: 50_000 }) });
    const b = hubState({ rev: 2, tour: tour({ index: 3, stepEndsAt: 110_000 }) });
    // A timer at 50 000 or a presenter's 下一页 at any time before it: no hint.
    expect(masterInstantOf(a, b)).toBeNull();
    expect(masterInstantOf(null, b)).toBeNull();
  });
});

describe('formatCountdown', () => {
  it('rounds up to whole seconds and never goes negative', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(-5)).toBe('0:00');
    expect(formatCountdown(3_600_000 + 61_000)).toBe('1:01:01');
  });
});
