import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { beforeAll, describe, expect, it } from 'vitest';
import { isInUnit, loadBoundaries } from '../demo-generator/geography';
import {
  COLUMN_TYPES,
  FACILITY_FILES,
  FACILITY_KINDS,
  FACILITY_ORIGIN,
  FACILITY_UNITS,
  ID_UNIT_STRIDE,
  MANHOLE_TYPES,
  PIPE_MATERIALS,
  PIPE_NETWORKS,
  type FacilityKind,
} from '../../src/facilities/schema';
import { encodeArrow } from './arrow';
import { FACILITY_SEED, RIVER_HALF_WIDTH_M } from './config';
import { generateFacilities } from './generate';
import { RiverCorridor } from './geometry';

const boundaries = loadBoundaries();
const river = RiverCorridor.load();
const shipped = {} as Record<FacilityKind, Uint8Array>;
type Cols = Record<string, Uint8Array | Uint16Array | Uint32Array | Float32Array>;
const cols = {} as Record<FacilityKind, Cols>;

beforeAll(() => {
  for (const kind of FACILITY_KINDS) {
    shipped[kind] = new Uint8Array(readFileSync(new URL(`../../public/facilities/${FACILITY_FILES[kind]}`, import.meta.url)));
    const table = tableFromIPC(shipped[kind]);
    cols[kind] = Object.fromEntries(Object.keys(COLUMN_TYPES[kind]).map((name) => [name, table.getChild(name)!.toArray()])) as Cols;
  }
});

function shares(codes: ArrayLike<number>, n: number): number[] {
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < codes.length; i += 1) counts[codes[i] as number]! += 1;
  return counts.map((c) => c / codes.length);
}

describe('shipped facility data (public/facilities)', () => {
  it("meets the issue's minimum counts", () => {
    expect(cols.manholes.id!.length).toBeGreaterThanOrEqual(300_000);
    expect(cols.streetlights.id!.length).toBeGreaterThanOrEqual(100_000);
    expect(cols.pipes.id!.length).toBeGreaterThanOrEqual(80_000);
  });

  it('stores every column with its declared type and ids ascending, unit encoded in the id', () => {
    for (const kind of FACILITY_KINDS) {
      const table = tableFromIPC(shipped[kind]);
      expect(table.batches).toHaveLength(1);
      for (const [name, type] of Object.entries(COLUMN_TYPES[kind])) expect(String(table.getChild(name)!.type)).toBe(type);
      const { id, unit } = cols[kind] as { id: Uint32Array; unit: Uint8Array };
      for (let i = 1; i < id.length; i += 1) if (id[i]! <= id[i - 1]!) throw new Error(`${kind}: ids not ascending at row ${i}`);
      for (let i = 0; i < id.length; i += 1) if (Math.floor(id[i]! / ID_UNIT_STRIDE) !== unit[i]! + 1) throw new Error(`${kind}: id ${id[i]} vs unit ${unit[i]}`);
      // Every central district is covered.
      expect(new Set(unit).size).toBe(FACILITY_UNITS.length);
    }
  });

  it('puts every point inside its central district and outside the river corridor', () => {
    const check = (kind: string, unit: Uint8Array, dlon: Float32Array, dlat: Float32Array) => {
      for (let i = 0; i < unit.length; i += 1) {
        const lon = FACILITY_ORIGIN.lon + dlon[i]!;
        const lat = FACILITY_ORIGIN.lat + dlat[i]!;
        const u = FACILITY_UNITS[unit[i]!]!;
        if (!isInUnit(boundaries, u, lon, lat)) throw new Error(`${kind} row ${i} (${lon}, ${lat}) outside ${u}`);
        const d = river.distance(lon, lat);
        if (d < RIVER_HALF_WIDTH_M) throw new Error(`${kind} row ${i} (${lon}, ${lat}) ${d.toFixed(0)} m from the river`);
      }
    };
    const m = cols.manholes as { unit: Uint8Array; dlon: Float32Array; dlat: Float32Array };
    const s = cols.streetlights as { unit: Uint8Array; dlon: Float32Array; dlat: Float32Array };
    const p = cols.pipes as { unit: Uint8Array; dlon0: Float32Array; dlat0: Float32Array; dlon1: Float32Array; dlat1: Float32Array };
    check('manholes', m.unit, m.dlon, m.dlat);
    check('streetlights', s.unit, s.dlon, s.dlat);
    check('pipe starts', p.unit, p.dlon0, p.dlat0);
    check('pipe ends', p.unit, p.dlon1, p.dlat1);
  }, 60_000);

  it('has realistic type and status shares', () => {
    const types = shares(cols.manholes.type!, MANHOLE_TYPES.length);
    for (const t of types) expect(t).toBeGreaterThan(0.05);
    expect(Math.max(...types)).toBe(types[1]); // drainage chambers are the most common
    for (const kind of FACILITY_KINDS) {
      const [normal, alarm, offline, repair] = shares(cols[kind].status!, 4);
      expect(normal).toBeGreaterThan(0.95);
      for (const s of [alarm, offline, repair]) {
        expect(s).toBeGreaterThan(0.001);
        expect(s).toBeLessThan(0.03);
      }
    }
    const networks = shares(cols.pipes.network!, PIPE_NETWORKS.length);
    for (const n of networks) expect(n).toBeGreaterThan(0.15);
  });

  it('gives pipes plausible diameters, materials and install years', () => {
    const { diameter, material, installYear, network } = cols.pipes as Record<string, Uint16Array | Uint8Array>;
    for (let i = 0; i < diameter!.length; i += 1) {
      if (diameter![i]! < 100 || diameter![i]! > 1200) throw new Error(`row ${i}: diameter ${diameter![i]}`);
      if (material![i]! >= PIPE_MATERIALS.length) throw new Error(`row ${i}: material ${material![i]}`);
      if (installYear![i]! < 1980 || installYear![i]! > 2025) throw new Error(`row ${i}: year ${installYear![i]}`);
      if (network![i] === 1 && diameter![i]! >= 800 && material![i] !== 6) throw new Error(`row ${i}: big drain not concrete`);
    }
  });

  it('is what the generator makes from the default seed, byte for byte (determinism across processes)', () => {
    const again = generateFacilities({ seed: FACILITY_SEED, boundaries, river });
    for (const kind of FACILITY_KINDS) expect(Buffer.compare(encodeArrow(kind, again.arrays[kind], FACILITY_SEED), shipped[kind])).toBe(0);
  }, 120_000);
});

describe('generateFacilities', () => {
  it('gives the same bytes for the same seed and different ones for another seed', () => {
    const run = (seed: number) => generateFacilities({ seed, boundaries, river, units: ['dianjun'] });
    const a = run(7);
    const b = run(7);
    const c = run(8);
    for (const kind of FACILITY_KINDS) {
      expect(a.arrays[kind].id.length).toBeGreaterThan(0);
      expect(Buffer.compare(encodeArrow(kind, a.arrays[kind], 7), encodeArrow(kind, b.arrays[kind], 7))).toBe(0);
    }
    expect(Buffer.compare(encodeArrow('manholes', a.arrays.manholes, 7), encodeArrow('manholes', c.arrays.manholes, 7))).not.toBe(0);
    expect(a.roads[0]!.localKm + a.roads[0]!.arterialKm).toBeGreaterThan(100);
  }, 60_000);
});
