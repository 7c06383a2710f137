import { describe, expect, it } from 'vitest';
import { createFakeTicker } from '../fake-ticker';
import { FreshnessTracker } from './freshness';

describe('FreshnessTracker', () => {
  it('live → stale after the threshold → live again on the next message, keeping the as-of time', () => {
    const clock = createFakeTicker(0);
    const f = new FreshnessTracker(['case.event', 'rates.units'], (t) => (t === 'case.event' ? 1_000 : 60_000), clock.now);
    expect(f.judge().freshness['case.event']).toEqual({ freshness: 'live', asOf: null, reason: null });
    f.good('case.event', 5_000);
    clock.advance(999);
    expect(f.judge().freshness['case.event']?.freshness).toBe('live');
    clock.advance(2);
    const stale = f.judge();
    expect(stale.changed).toBe(true);
    expect(stale.freshness['case.event']).toEqual({ freshness: 'stale', asOf: 5_000, reason: null });
    expect(stale.freshness['rates.units']?.freshness).toBe('live');
    expect(f.judge().changed).toBe(false);
    f.good('case.event', 4_000); // an older data time never moves as-of back
    expect(f.judge().freshness['case.event']).toEqual({ freshness: 'live', asOf: 5_000, reason: null });
  });

  it('error until the next confirmation; a 304 confirms without changing as-of', () => {
    const clock = createFakeTicker(0);
    const f = new FreshnessTracker(['rates.units'], () => 1_000, clock.now);
    f.good('rates.units', 7);
    f.fail('rates.units', 'HTTP 503');
    expect(f.judge().freshness['rates.units']).toEqual({ freshness: 'error', asOf: 7, reason: 'HTTP 503' });
    clock.advance(5_000);
    expect(f.judge().freshness['rates.units']?.freshness).toBe('error');
    f.confirm('rates.units');
    expect(f.judge().freshness['rates.units']).toEqual({ freshness: 'live', asOf: 7, reason: null });
  });
});
