import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GAOXIN_APPROX, UNIT_GEO_NAME, UNIT_IDS } from '../../data-adapters/domain';
import { UNIT_CENTERS, unitCamera, unitCenter } from './unit-centers';
import { cameraSchema } from '../scene/spec';

const geo = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/geo/yichang-counties.geojson', import.meta.url)), 'utf8')) as {
  features: { properties: { name: string; cp: [number, number] } }[];
};

describe('unit centres', () => {
  it('are the label points of the boundaries file the map draws', () => {
    for (const [id, name] of Object.entries(UNIT_GEO_NAME)) {
      const f = geo.features.find((x) => x.properties.name === name);
      expect(f, name).toBeDefined();
      expect(UNIT_CENTERS[id as keyof typeof UNIT_GEO_NAME]).toEqual({ lon: f!.properties.cp[0], lat: f!.properties.cp[1] });
    }
    expect(UNIT_CENTERS.gaoxin).toEqual({ lon: GAOXIN_APPROX.center[0], lat: GAOXIN_APPROX.center[1] });
    expect(Object.keys(UNIT_CENTERS).sort()).toEqual([...UNIT_IDS].sort());
  });

  it('unitCenter refuses ids that are not units (they come from the remote)', () => {
    expect(unitCenter('xiling')).toEqual(UNIT_CENTERS.xiling);
    expect(unitCenter('nowhere')).toBeNull();
    expect(unitCenter('toString')).toBeNull();
    expect(unitCenter('__proto__')).toBeNull();
  });

  it('unitCamera is a valid scene camera, closer for districts than for counties', () => {
    const district = unitCamera('xiling')!;
    const county = unitCamera('xingshan')!;
    expect(cameraSchema.parse(district)).toEqual(district);
    expect(cameraSchema.parse(county)).toEqual(county);
    expect(district.range).toBeLessThan(county.range);
    expect(unitCamera('nowhere')).toBeNull();
  });
});
