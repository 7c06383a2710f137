import { describe, expect, it } from 'vitest';
import { FacilityIdIndex } from './id-index';
import { facilityId, formatFacilityCode, parseFacilityCode } from './schema';

describe('FacilityIdIndex', () => {
  it('finds rows by binary search on an ascending id column, with no extra memory', () => {
    const ids = new Uint32Array([1_000_000, 1_000_001, 1_000_005, 2_000_000, 5_000_123]);
    const index = new FacilityIdIndex(ids, 'manholes');
    expect(index.extraBytes).toBe(0);
    ids.forEach((id, row) => expect(index.indexOf(id)).toBe(row));
    expect(index.indexOf(1_000_002)).toBe(-1);
    expect(index.indexOf(0)).toBe(-1);
    expect(index.indexOf(9_999_999)).toBe(-1);
  });

  it('handles unsorted ids through a Uint32 permutation', () => {
    const ids = new Uint32Array([30, 10, 50, 20, 40]);
    const index = new FacilityIdIndex(ids);
    expect(index.extraBytes).toBe(ids.length * 4);
    ids.forEach((id, row) => expect(index.indexOf(id)).toBe(row));
    expect(index.indexOf(35)).toBe(-1);
  });

  it('resolves display codes of its own kind only', () => {
    const ids = new Uint32Array([facilityId(0, 0), facilityId(1, 417), facilityId(4, 3)]);
    const index = new FacilityIdIndex(ids, 'manholes');
    expect(formatFacilityCode('manholes', ids[1]!)).toBe('JG2000417');
    expect(index.indexOfCode('JG2000417')).toBe(1);
    expect(index.indexOfCode('LD2000417')).toBe(-1);
    expect(index.indexOfCode('JG-2000417')).toBe(-1);
    expect(parseFacilityCode('GX5000003')).toEqual({ kind: 'pipes', id: 5_000_003 });
  });
});
