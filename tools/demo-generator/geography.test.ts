import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { describe, expect, it } from 'vitest';
import { GAOXIN_APPROX, UNIT_IDS, type UnitId } from '../../data-adapters/domain';
import { UNIT_CORES } from './config';
import { loadBoundaries, UnitSampler } from './geography';
import { makeAddress, ROADS, TOWNS } from './places';
import { Rng } from './random';
import { haversineKm } from './test-support';

const boundaries = loadBoundaries();

describe('geography', () => {
  it('finds all 13 bounded units in the geojson, each core inside its unit', () => {
    for (const [unitId, core] of Object.entries(UNIT_CORES) as [Exclude<UnitId, 'gaoxin'>, (typeof UNIT_CORES)[keyof typeof UNIT_CORES]][]) {
      expect(booleanPointInPolygon([...core.center], boundaries[unitId]), unitId).toBe(true);
    }
  });

  it('samples points inside each unit, mostly near the urban core', () => {
    const sampler = new UnitSampler(boundaries);
    for (const unitId of UNIT_IDS) {
      const rng = Rng.derive(9, 'geo', unitId);
      let urban = 0;
      for (let i = 0; i < 150; i += 1) {
        const p = sampler.sample(rng, unitId);
        if (p.urban) urban += 1;
        if (unitId === 'gaoxin') expect(haversineKm([p.lon, p.lat], GAOXIN_APPROX.center)).toBeLessThanOrEqual(GAOXIN_APPROX.radiusKm);
        else expect(booleanPointInPolygon([p.lon, p.lat], boundaries[unitId]), `${unitId} ${p.lon},${p.lat}`).toBe(true);
      }
      expect(urban / 150, unitId).toBeGreaterThan(0.5);
    }
  });

  it('rejects a point outside (the check can fail)', () => {
    // The Three Gorges Dam area is in 夷陵, not 西陵; Wuhan is in neither.
    expect(booleanPointInPolygon([114.3, 30.6], boundaries.xiling)).toBe(false);
    expect(booleanPointInPolygon([UNIT_CORES.yiling.center[0], UNIT_CORES.yiling.center[1]], boundaries.wufeng)).toBe(false);
  });

  it('writes addresses with the unit name and its own roads or towns', () => {
    const rng = Rng.derive(5, 'addr');
    for (const unitId of UNIT_IDS) {
      for (const urban of [true, false]) {
        const { address, road } = makeAddress(rng, unitId, urban);
        expect(address.startsWith(unitId === 'gaoxin' ? '高新区 ' : '')).toBe(true);
        expect([...ROADS[unitId], ...TOWNS[unitId]]).toContain(road);
        expect(address).toContain(road);
        expect(address.length).toBeLessThan(40);
      }
    }
  });
});
