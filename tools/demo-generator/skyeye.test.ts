import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../../data-adapters/schemas';
import { skyeyeStatusSchema } from '../../data-adapters/topics/skyeye';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { isInUnit } from './geography';
import { apportion, buildSkyeye, detectionState, RECENT_MAX } from './skyeye';
import { MINUTE } from './time';
import { offRiver, RIBBON_MARGIN_M, topicGeo } from './topic-points';

const times = Array.from({ length: 31 }, (_, m) => DEMO_START_TIME + m * MINUTE);
const detected = times.map((_, m) => 627 + m * 4 + (m % 4 === 0 ? 2 : 0) - (m === 0 ? 2 : 0));
const geo = topicGeo();

describe('skyeye pure helpers', () => {
  it('apportions a total exactly by weight', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [3, 0, 1])).toEqual([5, 0, 2]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });

  it('reviews a detection, then dispatches it if confirmed', () => {
    const d = { reviewedAt: 100, confirmed: true, dispatchedAt: 200 };
    expect(detectionState(d, 50)).toBe('pending');
    expect(detectionState(d, 100)).toBe('confirmed');
    expect(detectionState(d, 200)).toBe('dispatched');
    expect(detectionState({ ...d, confirmed: false, dispatchedAt: null }, 150)).toBe('dismissed');
  });
});

describe.each([DEMO_SEED, 7])('skyeye.status, seed %i', (seed) => {
  const snaps = buildSkyeye(seed, times, detected);

  it('is deterministic and depends on the seed', () => {
    expect(JSON.stringify(buildSkyeye(seed, times, detected))).toBe(JSON.stringify(snaps));
    expect(JSON.stringify(buildSkyeye(seed + 1, times, detected))).not.toBe(JSON.stringify(snaps));
  });

  it('validates and stays well under the message cap', () => {
    snaps.forEach((s, m) => {
      const r = skyeyeStatusSchema.safeParse(s);
      if (!r.success) throw new Error(`minute ${m}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
      expect(JSON.stringify(s).length).toBeLessThan(MAX_MESSAGE_BYTES / 4);
    });
  });

  it('counts exactly what the 天眼查 system reports, by type too, and converts a plausible share', () => {
    snaps.forEach((s, m) => {
      expect(s.today.detected).toBe(detected[m]);
      expect(s.byType.reduce((a, t) => a + t.count, 0)).toBe(detected[m]);
      expect(s.today.confirmed / s.today.detected).toBeGreaterThan(0.6);
      expect(s.today.confirmed / s.today.detected).toBeLessThan(0.95);
      expect(s.cameras.online).toBeLessThanOrEqual(s.cameras.total);
    });
    for (let m = 1; m < snaps.length; m += 1) {
      expect(snaps[m]!.today.confirmed).toBeGreaterThanOrEqual(snaps[m - 1]!.today.confirmed);
      expect(snaps[m]!.today.dispatched).toBeGreaterThanOrEqual(snaps[m - 1]!.today.dispatched);
    }
  });

  it('lists the newest detections of the last two hours, each inside its unit and off the river', () => {
    for (const s of snaps) {
      expect(s.recent.length).toBeGreaterThan(50);
      expect(s.recent.length).toBeLessThanOrEqual(RECENT_MAX);
      let last = 0;
      for (const d of s.recent) {
        expect(d.at).toBeLessThanOrEqual(s.asOf);
        expect(d.at).toBeGreaterThan(s.asOf - 120 * MINUTE);
        expect(d.at).toBeGreaterThanOrEqual(last);
        last = d.at;
        expect(isInUnit(geo.boundaries, d.unitId, d.lon, d.lat), `${d.id} in ${d.unitId}`).toBe(true);
        expect(offRiver(geo, d.lon, d.lat, RIBBON_MARGIN_M), `${d.id} off the river`).toBe(true);
      }
    }
    // A detection seen at minute m is the same detection later, only its state moves on.
    const first = snaps[10]!.recent.at(-1)!;
    const later = snaps[20]!.recent.find((d) => d.id === first.id)!;
    expect({ ...later, state: first.state }).toEqual(first);
  });
});
