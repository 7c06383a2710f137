import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EnuFrame } from '../map/geo-math';
import { decodeFacilityTable, lonLatAt, tableBytes, transferables, type FacilityTable } from './decode';
import { EnuProjector } from './enu';
import { FACILITY_FILES, FACILITY_KINDS, FACILITY_ORIGIN, type FacilityKind } from './schema';

const bytesOf = (kind: FacilityKind) => new Uint8Array(readFileSync(new URL(`../../public/facilities/${FACILITY_FILES[kind]}`, import.meta.url)));

describe('decodeFacilityTable (the shipped files, under Node)', () => {
  const tables = {
    manholes: decodeFacilityTable('manholes', bytesOf('manholes')),
    streetlights: decodeFacilityTable('streetlights', bytesOf('streetlights')),
    pipes: decodeFacilityTable('pipes', bytesOf('pipes')),
  };

  it('gives columns of the right types and lengths', () => {
    for (const kind of ['manholes', 'streetlights'] as const) {
      const t = tables[kind];
      const c = t.columns;
      expect(c.id).toBeInstanceOf(Uint32Array);
      expect(c.status).toBeInstanceOf(Uint8Array);
      expect(c.unit).toBeInstanceOf(Uint8Array);
      expect(c.dlon).toBeInstanceOf(Float32Array);
      expect(c.positions).toBeInstanceOf(Float32Array);
      expect(c.id.length).toBe(t.length);
      expect(c.status.length).toBe(t.length);
      expect(c.positions.length).toBe(t.length * 3);
    }
    expect(tables.manholes.columns.type).toBeInstanceOf(Uint8Array);
    expect(tables.streetlights.columns.watts).toBeInstanceOf(Uint16Array);
    const p = tables.pipes;
    expect(p.columns.diameter).toBeInstanceOf(Uint16Array);
    expect(p.columns.installYear).toBeInstanceOf(Uint16Array);
    expect(p.columns.network.length).toBe(p.length);
    expect(p.columns.sourcePositions.length).toBe(p.length * 3);
    expect(p.columns.targetPositions.length).toBe(p.length * 3);
    expect(p.origin).toEqual(FACILITY_ORIGIN);
  });

  it("projects into the map's ENU frame exactly as geo-math's EnuFrame does (< 1 cm)", () => {
    const frame = new EnuFrame(FACILITY_ORIGIN.lon, FACILITY_ORIGIN.lat, 0);
    const t = tables.manholes;
    for (let i = 0; i < t.length; i += 9973) {
      const [lon, lat] = lonLatAt(t, i);
      const ref = frame.fromLonLat(lon, lat, 0);
      for (let k = 0; k < 3; k += 1) expect(Math.abs(t.columns.positions[i * 3 + k]! - ref[k]!)).toBeLessThan(0.01);
    }
    // Curvature: a point 10+ km out sits metres below the tangent plane; z must not be dropped.
    const far = new Float32Array(3);
    new EnuProjector(FACILITY_ORIGIN.lon, FACILITY_ORIGIN.lat).project(FACILITY_ORIGIN.lon + 0.14, FACILITY_ORIGIN.lat - 0.17, far, 0);
    expect(far[2]).toBeLessThan(-20);
  });

  it('keeps the stored columns as views of the file bytes and transfers a few buffers, not one per column', () => {
    const bytes = bytesOf('streetlights');
    const t: FacilityTable<'streetlights'> = decodeFacilityTable('streetlights', bytes);
    expect(t.columns.id.buffer).toBe(bytes.buffer);
    expect(t.columns.status.buffer).toBe(bytes.buffer);
    expect(transferables([t])).toHaveLength(2); // the file, the positions
    expect(tableBytes(t)).toBe(bytes.buffer.byteLength + t.length * 12);
  });

  it('uses a caller-given frame origin for the positions', () => {
    const shifted = decodeFacilityTable('streetlights', bytesOf('streetlights'), { lon: FACILITY_ORIGIN.lon + 0.01, lat: FACILITY_ORIGIN.lat });
    const frame = new EnuFrame(FACILITY_ORIGIN.lon + 0.01, FACILITY_ORIGIN.lat, 0);
    const [lon, lat] = lonLatAt(shifted, 0);
    const ref = frame.fromLonLat(lon, lat, 0);
    for (let k = 0; k < 3; k += 1) expect(Math.abs(shifted.columns.positions[k]! - ref[k]!)).toBeLessThan(0.01);
    // 0.01° of longitude at 30.7°N ≈ 957 m between the two frames.
    expect(Math.abs(tables.streetlights.columns.positions[0]! - shifted.columns.positions[0]! - 957)).toBeLessThan(5);
  });

  it('rejects a file of another kind', () => {
    expect(() => decodeFacilityTable('pipes', bytesOf('manholes'))).toThrow(/expected a pipes file/);
    expect(FACILITY_KINDS).toHaveLength(3);
  });
});
