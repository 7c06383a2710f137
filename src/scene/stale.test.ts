import { describe, expect, it } from 'vitest';
import { liveStaleness, panelStaleness, staleness } from './stale';

const T = Date.UTC(2024, 5, 3, 1, 41, 7); // 09:41:07 in Yichang

describe('stale marks', () => {
  it('recorded: judged on the data clock (unchanged rule)', () => {
    expect(staleness(T, T + 16 * 60_000, 15)).toEqual({ minutes: 16 });
    expect(panelStaleness(['rates.units'], undefined, T, T + 60_000, 15)).toBeNull();
  });

  it('live: null while every topic is live; the worst state and the oldest as-of otherwise', () => {
    const live = { freshness: 'live' as const, asOf: T, reason: null };
    expect(liveStaleness(['cases.baseline', 'case.event'], { 'cases.baseline': live, 'case.event': live }, T)).toBeNull();
    const stale = liveStaleness(['cases.baseline', 'case.event'], { 'cases.baseline': { freshness: 'stale', asOf: T, reason: null }, 'case.event': { freshness: 'stale', asOf: T + 5_000, reason: null } }, T + 10 * 60_000);
    expect(stale).toEqual({ state: 'stale', asOf: T, reason: null, minutes: 10 });
    const err = liveStaleness(['cases.baseline', 'case.event'], { 'cases.baseline': { freshness: 'stale', asOf: T, reason: null }, 'case.event': { freshness: 'error', asOf: T, reason: 'HTTP 503' } }, T);
    expect(err).toMatchObject({ state: 'error', reason: 'HTTP 503' });
    expect(liveStaleness(['rates.units'], { 'rates.units': { freshness: 'stale', asOf: null, reason: null } }, T)).toEqual({ state: 'stale', asOf: null, reason: null, minutes: null });
  });

  it('live freshness wins over the data-clock rule when the source provides it', () => {
    expect(panelStaleness(['rates.units'], { 'rates.units': { freshness: 'live', asOf: T - 86_400_000, reason: null } }, T - 86_400_000, T, 15)).toBeNull();
  });
});
