import { describe, expect, it } from 'vitest';
import { FacilityStatusGlue, type FacilityStatusChange, type FacilityStatusTarget } from './status-glue';

class FakeMap implements FacilityStatusTarget {
  calls: [string, number, number][] = [];
  status = new Map<string, number>();
  setFacilityStatusById(kind: string, id: number, code: number): boolean {
    this.calls.push([kind, id, code]);
    const key = `${kind}:${id}`;
    const changed = this.status.get(key) !== code;
    this.status.set(key, code);
    return changed;
  }
}

const c = (id: number, status: FacilityStatusChange['status'], kind: FacilityStatusChange['kind'] = 'manholes'): FacilityStatusChange => ({ kind, id, status });

describe('FacilityStatusGlue', () => {
  it('applies only the changes not applied yet, one element each', () => {
    const glue = new FacilityStatusGlue();
    const map = new FakeMap();
    const list: FacilityStatusChange[] = [c(1, 'alarm'), c(2, 'offline', 'streetlights')];
    expect(glue.sync(map, list)).toEqual({ applied: 2, mode: 'target' });
    list.push(c(1, 'repair'));
    expect(glue.sync(map, list)).toEqual({ applied: 1, mode: 'append' });
    expect(map.calls).toEqual([['manholes', 1, 1], ['streetlights', 2, 2], ['manholes', 1, 3]]);
    // Same version seen again (a re-render): nothing.
    expect(glue.sync(map, list)).toEqual({ applied: 0, mode: 'none' });
    expect(map.calls).toHaveLength(3);
  });

  it('re-applies every status from the start on a new map (remount)', () => {
    const glue = new FacilityStatusGlue();
    const first = new FakeMap();
    const list = [c(1, 'alarm'), c(1, 'repair'), c(7, 'offline', 'pipes')];
    glue.sync(first, list);
    const second = new FakeMap();
    expect(glue.sync(second, list)).toEqual({ applied: 3, mode: 'target' });
    expect(second.status.get('manholes:1')).toBe(3);
    expect(second.status.get('pipes:7')).toBe(2);
  });

  it('on a reset list restores what it changed, then applies the new list', () => {
    const glue = new FacilityStatusGlue();
    const map = new FakeMap();
    glue.sync(map, [c(1, 'alarm'), c(2, 'offline')]);
    const fresh = [c(2, 'offline')];
    expect(glue.sync(map, fresh)).toEqual({ applied: 1, mode: 'reset' });
    expect(map.status.get('manholes:1')).toBe(0);
    expect(map.status.get('manholes:2')).toBe(2);
  });

  it('uses the map’s own restore when it has one', () => {
    const glue = new FacilityStatusGlue();
    const map = new FakeMap();
    let restored = 0;
    const target: FacilityStatusTarget = { setFacilityStatusById: (k, i, code) => map.setFacilityStatusById(k, i, code), resetFacilityStatuses: () => (restored += 1) };
    glue.sync(target, [c(1, 'alarm')]);
    glue.sync(target, []);
    expect(restored).toBe(1);
    expect(map.calls).toEqual([['manholes', 1, 1]]);
  });

  it('does nothing without a map', () => {
    expect(new FacilityStatusGlue().sync(null, [c(1, 'alarm')])).toEqual({ applied: 0, mode: 'none' });
  });
});
