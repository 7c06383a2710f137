import { describe, expect, it } from 'vitest';
import { DEMO_START_TIME } from './config';
import { addWorkingTime, localCompactDate, localDayStart, localIsoDate, localMinuteOfDay, localWeekday, MINUTE, shanghaiTime, toSecond } from './time';

describe('Shanghai time', () => {
  it('puts the demo on Thursday 2026-11-26 09:30 (01:30 UTC)', () => {
    expect(new Date(DEMO_START_TIME).toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(localWeekday(DEMO_START_TIME)).toBe(4);
    expect(localIsoDate(DEMO_START_TIME)).toBe('2026-11-26');
    expect(localCompactDate(DEMO_START_TIME)).toBe('20261126');
    expect(localMinuteOfDay(DEMO_START_TIME)).toBe(9 * 60 + 30);
  });

  it('finds the local day across the UTC date line', () => {
    const t = shanghaiTime(2026, 11, 26, 3, 0); // 2026-11-25 19:00 UTC
    expect(localIsoDate(t)).toBe('2026-11-26');
    expect(localDayStart(t)).toBe(shanghaiTime(2026, 11, 26));
  });
});

describe('addWorkingTime', () => {
  const at = (h: number, m = 0): number => shanghaiTime(2026, 11, 26, h, m);
  it('counts every minute on the always calendar', () => {
    expect(addWorkingTime(at(23, 50), 30, 'always')).toBe(shanghaiTime(2026, 11, 27, 0, 20));
  });
  it('waits for the office to open and carries over to the next day', () => {
    expect(addWorkingTime(at(6), 30, 'office')).toBe(at(8, 30));
    expect(addWorkingTime(at(17, 30), 60, 'office')).toBe(shanghaiTime(2026, 11, 27, 8, 30));
    expect(addWorkingTime(at(22), 10, 'ops')).toBe(shanghaiTime(2026, 11, 27, 7, 40));
    // 1,200 working minutes = two full 10-hour office days.
    expect(addWorkingTime(at(8), 1200, 'office')).toBe(shanghaiTime(2026, 11, 27, 18, 0));
  });
  it('is monotonic in the duration', () => {
    let prev = 0;
    for (let m = 0; m < 2000; m += 7) {
      const t = addWorkingTime(at(16, 45), m, 'office');
      expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
    }
  });
  it('rounds to whole seconds', () => {
    expect(toSecond(at(9) + 1499)).toBe(at(9) + 1000);
    expect(toSecond(at(9) + 1500)).toBe(at(9) + 2000);
    expect(MINUTE).toBe(60_000);
  });
});
