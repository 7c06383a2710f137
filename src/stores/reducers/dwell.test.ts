import { describe, expect, it } from 'vitest';
import { DWELL_MAX_MINUTES, addDwell, emptyTally, summarize } from './dwell';

const MIN = 60_000;

describe('dwell tally', () => {
  it('has no figures before the first sample', () => {
    expect(summarize(emptyTally())).toEqual({ samples: 0, meanMinutes: null, medianMinutes: null });
  });

  it('keeps the mean exact in milliseconds and the median on whole minutes (odd and even counts)', () => {
    const t = emptyTally();
    for (const ms of [90_000, 10 * MIN + 59_000, 3 * MIN]) addDwell(t, ms);
    expect(summarize(t)).toEqual({ samples: 3, meanMinutes: (90_000 + 659_000 + 180_000) / 3 / MIN, medianMinutes: 3 });
    addDwell(t, 20 * MIN);
    expect(summarize(t).medianMinutes).toBe((3 + 10) / 2);
  });

  it('holds one counter per distinct minute, however many cases', () => {
    const t = emptyTally();
    for (let i = 0; i < 10_000; i += 1) addDwell(t, (i % 7) * MIN + 1000);
    expect(t.byMinute.size).toBe(7);
    expect(summarize(t).samples).toBe(10_000);
  });

  it('refuses negative and non-finite dwells and caps absurd ones', () => {
    const t = emptyTally();
    expect(addDwell(t, -1)).toBe(false);
    expect(addDwell(t, Number.NaN)).toBe(false);
    expect(addDwell(t, 1e15)).toBe(true);
    expect(summarize(t)).toEqual({ samples: 1, meanMinutes: DWELL_MAX_MINUTES, medianMinutes: DWELL_MAX_MINUTES });
  });
});
