import { describe, expect, it } from 'vitest';
import { anyPulse, drawablePoints, markerScale, PULSE_MS, pulseAlpha, pulsePhase, pulseScale, samePointInputs, TONE_COLORS, type PointLayerInput } from './point-layers';
import type { MapPointsData } from '../panels/types';

const data = (points: Partial<MapPointsData['points'][number]>[]): MapPointsData => ({
  points: points.map((p, i) => ({ id: `p${i}`, lon: 111.3, lat: 30.7, tone: 'normal', ...p })),
});

describe('pulse curves', () => {
  it('cycles every PULSE_MS of data time, for negative times too', () => {
    expect(pulsePhase(0)).toBe(0);
    expect(pulsePhase(PULSE_MS / 2)).toBeCloseTo(0.5);
    expect(pulsePhase(PULSE_MS * 7 + PULSE_MS / 4)).toBeCloseTo(0.25);
    expect(pulsePhase(-PULSE_MS / 4)).toBeCloseTo(0.75);
    expect(pulsePhase(Number.NaN)).toBe(0);
  });
  it('swells from the dot to 3.5× and fades to nothing', () => {
    expect(pulseScale(0)).toBe(1);
    expect(pulseScale(1)).toBeCloseTo(3.5);
    expect(pulseScale(0.5)).toBeGreaterThan(pulseScale(0.25));
    expect(pulseAlpha(0)).toBe(230);
    expect(pulseAlpha(1)).toBe(0);
    expect(pulseAlpha(2)).toBe(0);
  });
});

describe('points', () => {
  it('drops points that are not on the globe and caches per payload object', () => {
    const d = data([{}, { lon: Number.NaN }, { lat: 95 }, { lon: -181 }, { lon: 112 }]);
    const pts = drawablePoints(d);
    expect(pts.map((p) => p.id)).toEqual(['p0', 'p4']);
    expect(drawablePoints(d)).toBe(pts);
    expect(drawablePoints(null)).toEqual([]);
  });
  it('clamps the marker size to 0.5–3', () => {
    expect(markerScale(undefined)).toBe(1);
    expect(markerScale(0.1)).toBe(0.5);
    expect(markerScale(9)).toBe(3);
    expect(markerScale(Number.POSITIVE_INFINITY)).toBe(1);
  });
  it('has a colour for every tone', () => {
    for (const tone of ['normal', 'good', 'warn', 'alert'] as const) expect(TONE_COLORS[tone]).toHaveLength(3);
  });
});

describe('redraw gating', () => {
  const withPoints = data([{ tone: 'alert' }]);
  it('pulses only when a pulse layer has a drawable point', () => {
    expect(anyPulse([{ id: 'a', style: 'pulse', data: withPoints }])).toBe(true);
    expect(anyPulse([{ id: 'a', style: 'pulse', data: null }])).toBe(false);
    expect(anyPulse([{ id: 'a', style: 'pulse', data: data([{ lon: Number.NaN }]) }])).toBe(false);
    expect(anyPulse([{ id: 'a', style: 'dot', data: withPoints }, { id: 'b', style: 'ring', data: withPoints }])).toBe(false);
  });
  it('compares inputs by layer id, style and payload identity', () => {
    const a: PointLayerInput[] = [{ id: 'a', style: 'dot', data: withPoints }];
    expect(samePointInputs(a, [{ id: 'a', style: 'dot', data: withPoints }])).toBe(true);
    expect(samePointInputs(a, [{ id: 'a', style: 'pulse', data: withPoints }])).toBe(false);
    expect(samePointInputs(a, [{ id: 'a', style: 'dot', data: data([{ tone: 'alert' }]) }])).toBe(false);
    expect(samePointInputs(a, [])).toBe(false);
  });
});
