import { describe, expect, it } from 'vitest';
import { LOSS_WINDOW_MS, MAX_REMOUNTS_IN_WINDOW, recordLoss, recoveryPlan, reloadDelay } from './context-loss';

/** sessionStorage's two methods, in memory. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('context-loss recovery policy', () => {
  it('heals the first losses in the page, without waiting', () => {
    for (let n = 1; n <= MAX_REMOUNTS_IN_WINDOW; n++) expect(recoveryPlan(n, { canRemount: true })).toEqual({ mode: 'remount', delayMs: 0 });
  });

  it('reloads, backing off, once losses repeat', () => {
    expect(recoveryPlan(3, { canRemount: true })).toEqual({ mode: 'reload', delayMs: 2000 });
    expect(recoveryPlan(4, { canRemount: true })).toEqual({ mode: 'reload', delayMs: 4000 });
    expect(recoveryPlan(20, { canRemount: true })).toEqual({ mode: 'reload', delayMs: 30_000 });
  });

  it('reloads when no map can rebuild itself, or the rebuild failed', () => {
    expect(recoveryPlan(1, { canRemount: false })).toEqual({ mode: 'reload', delayMs: 0 });
    expect(recoveryPlan(1, { canRemount: true, remountFailed: true })).toEqual({ mode: 'reload', delayMs: 0 });
    // A failed rebuild after repeated losses still backs off.
    expect(recoveryPlan(3, { canRemount: true, remountFailed: true })).toEqual({ mode: 'reload', delayMs: 2000 });
  });

  it('keeps the back-off of the reload path', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(reloadDelay)).toEqual([0, 0, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('counts the losses of the last five minutes in storage (they survive the reloads they cause)', () => {
    const s = memoryStorage();
    expect(recordLoss(s, 1_000_000)).toBe(1);
    expect(recordLoss(s, 1_060_000)).toBe(2);
    expect(recordLoss(s, 1_000_000 + LOSS_WINDOW_MS + 1)).toBe(2); // the first one has aged out
    s.data.set('citywall:kiosk-context-losses', '{not json');
    expect(recordLoss(s, 2_000_000)).toBe(1);
  });
});
