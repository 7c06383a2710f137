import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../data-adapters/schemas';
import { parkingStatusSchema } from '../../data-adapters/topics/parking';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { isInUnit } from './geography';
import { buildParking, fitToTotal } from './parking';
import { localDayStart, MINUTE } from './time';
import { CENTRAL_UNITS, offRiver, RIBBON_MARGIN_M, topicGeo } from './topic-points';

const times = Array.from({ length: 31 }, (_, m) => DEMO_START_TIME + m * MINUTE);
const free = times.map((_, m) => 8600 - m * 23 - (m % 3));
const geo = topicGeo();

describe('fitToTotal', () => {
  it('hits the total exactly, within every cap, close to the wish', () => {
    const out = fitToTotal([5, 10, 2.5], [10, 10, 10], 20);
    expect(out.reduce((a, b) => a + b, 0)).toBe(20);
    out.forEach((x, i) => expect(x).toBeLessThanOrEqual([10, 10, 10][i]!));
    expect(out[1]).toBe(10);
    expect(fitToTotal([5, 5], [10, 10], 4)).toEqual([2, 2]);
  });

  it('clamps an impossible total to 0…Σcap', () => {
    expect(fitToTotal([1, 1], [3, 4], 99)).toEqual([3, 4]);
    expect(fitToTotal([1, 1], [3, 4], -5)).toEqual([0, 0]);
    expect(fitToTotal([0, 0], [3, 4], 0)).toEqual([0, 0]);
  });
});

describe.each([DEMO_SEED, 7])('parking.status, seed %i', (seed) => {
  const snaps = buildParking(seed, times, free);

  it('is deterministic and depends on the seed', () => {
    expect(JSON.stringify(buildParking(seed, times, free))).toBe(JSON.stringify(snaps));
    expect(JSON.stringify(buildParking(seed + 1, times, free))).not.toBe(JSON.stringify(snaps));
  });

  it('validates and stays well under the message cap', () => {
    snaps.forEach((s, m) => {
      const r = parkingStatusSchema.safeParse(s);
      if (!r.success) throw new Error(`minute ${m}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
      expect(JSON.stringify(s).length).toBeLessThan(MAX_MESSAGE_BYTES / 4);
    });
  });

  it('leaves exactly the free berths the 停车 system reports, never more cars than berths', () => {
    snaps.forEach((s, m) => {
      let berths = 0;
      let occupied = 0;
      for (const c of s.carParks) {
        expect(c.occupied).toBeLessThanOrEqual(c.berths);
        berths += c.berths;
        occupied += c.occupied;
      }
      expect(berths - occupied).toBe(free[m]);
      expect(occupied / berths).toBeGreaterThan(0.4);
      expect(occupied / berths).toBeLessThan(0.9);
    });
  });

  it('has 150–300 car parks, most in the central districts, all inside their unit and off the river', () => {
    const parks = snaps[0]!.carParks;
    expect(parks.length).toBeGreaterThanOrEqual(150);
    expect(parks.length).toBeLessThanOrEqual(300);
    expect(parks.filter((c) => CENTRAL_UNITS.includes(c.unitId)).length / parks.length).toBeGreaterThan(0.6);
    expect(new Set(parks.map((c) => c.name)).size).toBe(parks.length);
    for (const c of parks) {
      expect(isInUnit(geo.boundaries, c.unitId, c.lon, c.lat), `${c.id} in ${c.unitId}`).toBe(true);
      expect(offRiver(geo, c.lon, c.lat, RIBBON_MARGIN_M), `${c.id} off the river`).toBe(true);
    }
  });

  it('counts entries up only and carries one hourly value per hour since midnight', () => {
    for (let m = 1; m < snaps.length; m += 1) {
      snaps[m]!.carParks.forEach((c, i) => expect(c.entriesToday).toBeGreaterThanOrEqual(snaps[m - 1]!.carParks[i]!.entriesToday));
    }
    for (const s of snaps) {
      expect(s.hourly.hourStart).toBe(localDayStart(s.asOf));
      expect(s.hourly.pct).toHaveLength(Math.floor((s.asOf - s.hourly.hourStart) / 3_600_000) + 1);
      expect(s.hourly.dayBeforePct).toHaveLength(s.hourly.pct.length);
    }
  });
});
