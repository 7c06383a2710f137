import { describe, expect, it } from 'vitest';
import { RESPONDER_STATES, emergencyStatusSchema } from '../../data-adapters/topics/emergency';
import { DEMO_SEED, DEMO_START_TIME } from './config';
import { buildEmergency, INCIDENT_SITE, teamPosition, teamState } from './emergency';
import { approxDistanceKm, isInUnit } from './geography';
import { MINUTE } from './time';
import { offRiver, topicGeo } from './topic-points';

const times = Array.from({ length: 31 }, (_, m) => DEMO_START_TIME + m * MINUTE);
const geo = topicGeo();

describe('emergency pure helpers', () => {
  it('moves a team from its base to the scene in a straight line', () => {
    const base = [111.3, 30.7] as const;
    const scene = [111.32, 30.72] as const;
    expect(teamPosition(base, scene, 100, 300, 50)).toEqual([111.3, 30.7]);
    expect(teamPosition(base, scene, 100, 300, 200)).toEqual([111.31, 30.71]);
    expect(teamPosition(base, scene, 100, 300, 400)).toEqual([111.32, 30.72]);
  });

  it('steps a team through 已响应, 在途, 到场, 处置中', () => {
    expect(teamState(100, 200, 50)).toBe('acknowledged');
    expect(teamState(100, 200, 150)).toBe('enroute');
    expect(teamState(100, 200, 200)).toBe('onsite');
    expect(teamState(100, 200, 200 + 2 * MINUTE)).toBe('working');
  });

  it('puts the incident inside 西陵 and well off the river', () => {
    expect(isInUnit(geo.boundaries, INCIDENT_SITE.unitId, INCIDENT_SITE.lon, INCIDENT_SITE.lat)).toBe(true);
    expect(offRiver(geo, INCIDENT_SITE.lon, INCIDENT_SITE.lat, 800)).toBe(true);
  });
});

describe.each([DEMO_SEED, 7, 42])('emergency.status, seed %i', (seed) => {
  const snaps = buildEmergency(seed, DEMO_START_TIME, times);

  it('is deterministic and validates', () => {
    expect(JSON.stringify(buildEmergency(seed, DEMO_START_TIME, times))).toBe(JSON.stringify(snaps));
    snaps.forEach((s, m) => {
      const r = emergencyStatusSchema.safeParse(s);
      if (!r.success) throw new Error(`minute ${m}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}`);
    });
  });

  it('tells the story in order and never ahead of time', () => {
    for (const s of snaps) {
      expect(s.incident.reportedAt).toBeLessThan(DEMO_START_TIME);
      let last = 0;
      for (const e of s.timeline) {
        expect(e.at).toBeLessThanOrEqual(s.asOf);
        expect(e.at).toBeGreaterThanOrEqual(last);
        last = e.at;
      }
      for (const v of s.readings.values) expect(v.at).toBeLessThanOrEqual(s.asOf);
    }
    for (let m = 1; m < snaps.length; m += 1) expect(snaps[m]!.timeline.length).toBeGreaterThanOrEqual(snaps[m - 1]!.timeline.length);
    expect(snaps[0]!.incident.state).toBe('responding');
    expect(snaps[30]!.incident.state).toBe('controlled');
    expect(snaps[30]!.readings.values.at(-1)!.value).toBeLessThan(snaps[30]!.readings.alarm);
  });

  it('brings every team in: states only move forward, positions stay off the river and end at the scene', () => {
    const rank = (s: string) => RESPONDER_STATES.indexOf(s as (typeof RESPONDER_STATES)[number]);
    for (let m = 1; m < snaps.length; m += 1) {
      for (const r of snaps[m]!.responders) {
        const before = snaps[m - 1]!.responders.find((x) => x.id === r.id);
        if (before) expect(rank(r.state)).toBeGreaterThanOrEqual(rank(before.state));
      }
    }
    for (const s of snaps) for (const r of s.responders) expect(offRiver(geo, r.lon, r.lat), `${r.id} at ${s.asOf}`).toBe(true);
    const end = snaps[30]!;
    expect(end.responders.length).toBeGreaterThanOrEqual(6);
    for (const r of end.responders) {
      expect(r.state).toBe('working');
      expect(r.arrivedAt).not.toBeNull();
      expect(approxDistanceKm([r.lon, r.lat], [INCIDENT_SITE.lon, INCIDENT_SITE.lat])).toBeLessThan(0.1);
    }
    expect(snaps[0]!.responders.some((r) => r.state === 'enroute')).toBe(true);
  });
});
