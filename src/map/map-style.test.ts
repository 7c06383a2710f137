import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS, UNIT_IDS } from '../../data-adapters/domain';
import { anyRingActive, CHANNEL_COLORS, DOT_MS, dotAlpha, normaliseDensity, rampColor, RING_MAX_M, RING_MIN_M, RING_MS, ringAlpha, ringRadius } from './map-style';

describe('normaliseDensity', () => {
  it('scales by the busiest unit and fills missing units with 0', () => {
    const d = normaliseDensity({ xiling: 50, wujiagang: 100 }, UNIT_IDS);
    expect(d.get('wujiagang')).toBe(1);
    expect(d.get('xiling')).toBe(0.5);
    expect(d.get('wufeng')).toBe(0);
    expect(d.size).toBe(UNIT_IDS.length);
  });
  it('is all zero for empty, zero or junk input', () => {
    for (const input of [{}, { xiling: 0 }, { xiling: -5, yidu: Number.NaN, dangyang: Infinity }]) {
      expect([...normaliseDensity(input, UNIT_IDS).values()].every((v) => v === 0)).toBe(true);
    }
  });
});

describe('rampColor', () => {
  it('runs from faint blue to opaque amber and clamps', () => {
    expect(rampColor(-1)).toEqual(rampColor(0));
    expect(rampColor(2)).toEqual(rampColor(1));
    expect(rampColor(0)[3]).toBeLessThan(rampColor(1)[3]);
    expect(rampColor(1)[0]).toBe(255);
    const mid = rampColor(0.25);
    expect(mid[2]).toBeGreaterThan(140);
  });
});

describe('ping animation', () => {
  it('ring grows from min to max radius and fades over RING_MS, then vanishes', () => {
    expect(ringRadius(0)).toBe(RING_MIN_M);
    expect(ringRadius(RING_MS / 2)).toBeGreaterThan((RING_MIN_M + RING_MAX_M) / 2); // ease-out
    expect(ringRadius(RING_MS - 1)).toBeCloseTo(RING_MAX_M, -1);
    expect(ringRadius(RING_MS)).toBe(0);
    expect(ringRadius(-10)).toBe(0);
    expect(ringAlpha(0)).toBe(255);
    expect(ringAlpha(RING_MS)).toBe(0);
  });
  it('dot stays solid for a minute, then fades out by DOT_MS', () => {
    expect(dotAlpha(0)).toBe(255);
    expect(dotAlpha(60_000)).toBe(255);
    expect(dotAlpha((60_000 + DOT_MS) / 2)).toBeGreaterThan(100);
    expect(dotAlpha(DOT_MS)).toBe(0);
    expect(dotAlpha(-5000)).toBe(255);
  });
  it('has a colour for every channel', () => {
    for (const c of CHANNEL_IDS) expect(CHANNEL_COLORS[c]).toHaveLength(3);
  });
});

describe('anyRingActive', () => {
  it('is true only while some ping is younger than a ring (order does not matter)', () => {
    expect(anyRingActive([], 10_000)).toBe(false);
    expect(anyRingActive([{ at: 10_000 - RING_MS - 1 }, { at: 0 }], 10_000)).toBe(false);
    expect(anyRingActive([{ at: 9_000 }, { at: 0 }], 10_000)).toBe(true);
    // a future ping (clock skew) has no ring yet
    expect(anyRingActive([{ at: 11_000 }], 10_000)).toBe(false);
  });
});
