import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../data-adapters/schemas';
import { floodStatusSchema, YICHANG_STATION } from '../../data-adapters/topics/flood';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { buildFlood, piecewise, spotDepth } from './flood';
import { isInUnit } from './geography';
import { HOUR, MINUTE } from './time';
import { offRiver, RIBBON_MARGIN_M, topicGeo } from './topic-points';

const times = Array.from({ length: 31 }, (_, m) => DEMO_START_TIME + m * MINUTE);
const geo = topicGeo();

describe('flood pure helpers', () => {
  it('interpolates piecewise-linearly and stays flat beyond the ends', () => {
    const knots = [[0, 0], [10, 20], [20, 0]] as const;
    expect(piecewise(knots, -5)).toBe(0);
    expect(piecewise(knots, 5)).toBe(10);
    expect(piecewise(knots, 15)).toBe(10);
    expect(piecewise(knots, 25)).toBe(0);
  });

  it('moves a waterlogging spot through rising, steady, receding and cleared, then drops it', () => {
    const s = { onset: 0, riseMin: 10, peakCm: 40, holdMin: 5, recedeMin: 20 };
    expect(spotDepth(s, -1)).toBeNull();
    expect(spotDepth(s, 5)).toEqual({ depthCm: 20, trend: 'rising' });
    expect(spotDepth(s, 12)).toEqual({ depthCm: 40, trend: 'steady' });
    expect(spotDepth(s, 25)).toEqual({ depthCm: 20, trend: 'receding' });
    expect(spotDepth(s, 36)).toEqual({ depthCm: 0, trend: 'cleared' });
    expect(spotDepth(s, 46)).toBeNull();
  });
});

describe.each([DEMO_SEED, 7, 42])('flood.status, seed %i', (seed) => {
  const snaps = buildFlood(seed, DEMO_START_TIME, times);

  it('is deterministic and depends on the seed', () => {
    expect(JSON.stringify(buildFlood(seed, DEMO_START_TIME, times))).toBe(JSON.stringify(snaps));
    expect(JSON.stringify(buildFlood(seed + 1, DEMO_START_TIME, times))).not.toBe(JSON.stringify(snaps));
  });

  it('validates, stays small and carries asOf', () => {
    snaps.forEach((s, m) => {
      const r = floodStatusSchema.safeParse(s);
      if (!r.success) throw new Error(`minute ${m}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
      expect(s.asOf).toBe(times[m]);
      expect(JSON.stringify(s).length).toBeLessThan(MAX_MESSAGE_BYTES / 8);
    });
  });

  it('places gauges, pumps and waterlogging inside their units and off the Yangtze', () => {
    const s = snaps[snaps.length - 1]!;
    const all = [...s.rain.gauges, ...s.pumps, ...snaps.flatMap((x) => x.waterlogging)];
    for (const p of all) {
      expect(isInUnit(geo.boundaries, p.unitId, p.lon, p.lat), `${p.id} in ${p.unitId}`).toBe(true);
      expect(offRiver(geo, p.lon, p.lat, RIBBON_MARGIN_M), `${p.id} off the river`).toBe(true);
    }
  });

  it('keeps the Yangtze high and rising but under its warning level', () => {
    for (const s of snaps) {
      expect(s.river.warningLevelM).toBe(YICHANG_STATION.warningLevelM);
      for (const r of s.river.readings) {
        expect(r.levelM).toBeGreaterThan(45);
        expect(r.levelM).toBeLessThan(YICHANG_STATION.warningLevelM);
        expect(r.at).toBeLessThanOrEqual(s.asOf);
      }
      expect(s.river.readings.at(-1)!.at).toBe(s.asOf);
    }
    const level = (i: number) => snaps[i]!.river.readings.at(-1)!.levelM;
    expect(level(30)).toBeGreaterThan(level(0));
  });

  it('rains like a rainstorm, and an hour already past never changes', () => {
    for (const g of snaps[0]!.rain.gauges) {
      expect(g.last24hMm).toBeGreaterThan(40);
      expect(g.last24hMm).toBeLessThan(250);
      expect(g.hourlyMm).toHaveLength(24);
    }
    for (let m = 1; m < snaps.length; m += 1) {
      const a = snaps[m - 1]!.rain;
      const b = snaps[m]!.rain;
      const offset = (b.hourStart - a.hourStart) / HOUR; // 0, or 1 when a new hour began
      a.gauges.forEach((ga, i) => {
        const gb = b.gauges[i]!;
        // Every completed hour of `a` is identical in `b`; the current one only grows.
        for (let h = offset; h < 23; h += 1) expect(gb.hourlyMm[h - offset], `${ga.id} hour ${h}`).toBe(ga.hourlyMm[h]);
        if (offset === 0) expect(gb.hourlyMm[23]!).toBeGreaterThanOrEqual(ga.hourlyMm[23]!);
      });
    }
  });

  it('runs the pumps within capacity, with one fault during the recording', () => {
    for (const s of snaps) {
      for (const p of s.pumps) {
        expect(p.flowM3h).toBeLessThanOrEqual(p.capacityM3h);
        if (p.state !== 'running') expect(p.flowM3h).toBe(0);
      }
    }
    expect(snaps.some((s) => s.pumps.some((p) => p.state === 'fault'))).toBe(true);
    expect(snaps[0]!.pumps.some((p) => p.state === 'fault')).toBe(false);
  });

  it('has waterlogging all along, reported no later than it is shown', () => {
    for (const s of snaps) {
      expect(s.waterlogging.filter((w) => w.trend !== 'cleared').length).toBeGreaterThan(0);
      for (const w of s.waterlogging) expect(w.since).toBeLessThanOrEqual(s.asOf);
    }
  });
});
