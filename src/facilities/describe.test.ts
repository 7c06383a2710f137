import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFacilityTable } from './decode';
import { describeRow } from './describe';
import { FACILITY_FILES, INSPECTION_OVERDUE_DAYS, inspectionDate, inspectionDay, type FacilityKind } from './schema';

const bytesOf = (kind: FacilityKind) => new Uint8Array(readFileSync(new URL(`../../public/facilities/${FACILITY_FILES[kind]}`, import.meta.url)));
const tables = {
  manholes: decodeFacilityTable('manholes', bytesOf('manholes')),
  streetlights: decodeFacilityTable('streetlights', bytesOf('streetlights')),
  pipes: decodeFacilityTable('pipes', bytesOf('pipes')),
};
/** The data's "today" (the demo recording's day). */
const TODAY = inspectionDay(Date.UTC(2026, 10, 26));

describe('inspected column (last inspection)', () => {
  it('is decoded for every kind, plausible: most within the last year, some overdue, none in the future', () => {
    for (const t of Object.values(tables)) {
      const days = t.columns.inspected;
      expect(days).toBeInstanceOf(Uint16Array);
      expect(days.length).toBe(t.length);
      let overdue = 0;
      for (let i = 0; i < days.length; i += 1) {
        const d = days[i]!;
        if (d > TODAY || d < TODAY - 1200) throw new Error(`${t.kind} row ${i}: inspected day ${d}`);
        if (TODAY - d > INSPECTION_OVERDUE_DAYS) overdue += 1;
      }
      expect(overdue / t.length).toBeGreaterThan(0.02);
      expect(overdue / t.length).toBeLessThan(0.15);
    }
  });

  it('converts day numbers to dates and back', () => {
    expect(inspectionDate(0)).toBe('2020-01-01');
    expect(inspectionDate(TODAY)).toBe('2026-11-26');
    expect(inspectionDay(Date.UTC(2020, 0, 2, 23, 59))).toBe(1);
  });
});

describe('describeRow', () => {
  it('returns every column of a manhole row as plain values', () => {
    const r = describeRow(tables.manholes, 0);
    expect(r).toMatchObject({ kind: 'manholes', index: 0, unit: 'xiling', code: `JG${tables.manholes.columns.id[0]}` });
    if (r?.kind !== 'manholes') throw new Error('not a manhole');
    expect(['water', 'drainage', 'gas', 'power', 'telecom']).toContain(r.type);
    expect(r.inspected).toMatch(/^20\d\d-\d\d-\d\d$/);
    expect(r.lon).toBeCloseTo(111.29 + tables.manholes.columns.dlon[0]!, 9);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r); // plain data
  });

  it('gives streetlight lamp and watts, pipe extras and midpoint', () => {
    const s = describeRow(tables.streetlights, 5);
    expect(s?.kind === 'streetlights' && ['led', 'sodium'].includes(s.lamp) && s.watts > 0).toBe(true);
    const p = describeRow(tables.pipes, tables.pipes.length - 1);
    if (p?.kind !== 'pipes') throw new Error('not a pipe');
    expect(p.code).toMatch(/^GX\d+$/);
    expect(p.diameter).toBeGreaterThanOrEqual(100);
    expect(p.installYear).toBeGreaterThanOrEqual(1980);
    expect(p.lon).toBeCloseTo((p.lon0 + p.lon1) / 2, 12);
  });

  it('is null out of range', () => {
    expect(describeRow(tables.manholes, -1)).toBeNull();
    expect(describeRow(tables.manholes, tables.manholes.length)).toBeNull();
    expect(describeRow(tables.manholes, 1.5)).toBeNull();
  });
});
