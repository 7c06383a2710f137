import { describe, expect, it } from 'vitest';
import { Backoff, backoffDelay } from './backoff';

const policy = { baseMs: 100, maxMs: 5_000, factor: 2, jitter: 0.5 };

describe('backoffDelay', () => {
  it('grows exponentially and stays within [(1 - jitter) × d, d]', () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      const d = Math.min(5_000, 100 * 2 ** attempt);
      expect(backoffDelay(attempt, policy, () => 0)).toBe(d);
      expect(backoffDelay(attempt, policy, () => 0.999999)).toBeGreaterThanOrEqual(Math.floor(d * 0.5));
      for (let i = 0; i < 50; i += 1) {
        const v = backoffDelay(attempt, policy);
        expect(v).toBeGreaterThanOrEqual(Math.floor(d * 0.5));
        expect(v).toBeLessThanOrEqual(d);
      }
    }
  });

  it('is capped at maxMs even for absurd attempt numbers, and never NaN', () => {
    expect(backoffDelay(10_000, policy, () => 0)).toBe(5_000);
    expect(backoffDelay(-3, policy, () => 0)).toBe(100);
    expect(Number.isFinite(backoffDelay(1e9, { baseMs: 1, maxMs: 1e6 }, () => 0.5))).toBe(true);
  });

  it('jitter really spreads the delays (a fleet does not retry in step)', () => {
    const values = new Set(Array.from({ length: 100 }, () => backoffDelay(5, policy)));
    expect(values.size).toBeGreaterThan(20);
  });

  it('full jitter reaches down to 0; jitter 0 is deterministic', () => {
    expect(backoffDelay(3, { ...policy, jitter: 1 }, () => 0.999999)).toBe(0);
    expect(backoffDelay(3, { ...policy, jitter: 0 }, () => 0.7)).toBe(800);
  });
});

describe('Backoff', () => {
  it('counts failures and starts over after reset', () => {
    const b = new Backoff(policy, () => 0);
    expect([b.next(), b.next(), b.next()]).toEqual([100, 200, 400]);
    expect(b.failures).toBe(3);
    b.reset();
    expect(b.failures).toBe(0);
    expect(b.next()).toBe(100);
  });
});
