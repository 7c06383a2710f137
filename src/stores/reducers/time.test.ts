import { describe, expect, it } from 'vitest';
import { cstDate, formatWallClock, nextDate } from './time';

describe('wall clock (China Standard Time)', () => {
  it('formats date, weekday and time in UTC+8 whatever the machine zone', () => {
    const t = Date.UTC(2026, 10, 26, 1, 41, 7); // 09:41:07 CST
    expect(formatWallClock(t)).toEqual({ date: '2026年11月26日', weekday: '星期四', time: '09:41:07' });
  });
  it('puts 16:00 UTC on the next Beijing day', () => {
    expect(cstDate(Date.UTC(2026, 10, 26, 15, 59, 59))).toBe('2026-11-26');
    expect(cstDate(Date.UTC(2026, 10, 26, 16, 0, 0))).toBe('2026-11-27');
  });
  it('steps dates across month and year ends', () => {
    expect(nextDate('2026-11-30')).toBe('2026-12-01');
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });
});
