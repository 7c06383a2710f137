import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { facilityChangePayload } from '../../data-adapters/topics/facilities-fixtures';
import type { Message } from '../../data-adapters/schemas';
import { useFacilitiesStore } from './facilities';
import { baselineMsg, msg } from './fixtures';

const T = Date.UTC(2026, 10, 26, 1, 40);
const change = (at: number, id = 1) => msg('facility.change', facilityChangePayload(at, { id }), at);

describe('facilities store (facility.change fold)', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('appends changes in place, one version per batch, ignoring other topics', () => {
    const s = useFacilitiesStore();
    const list0 = s.feed.list;
    s.apply([baselineMsg()]);
    expect(s.feed.version).toBe(0);
    s.apply([change(T), change(T + 1000, 2)]);
    expect(s.feed.list).toBe(list0); // same array: consumers tell appends from resets by identity
    expect(s.feed.list.map((c) => c.id)).toEqual([1, 2]);
    expect(s.feed.version).toBe(1);
    expect(s.feed.lastDataTime).toBe(T + 1000);
  });

  it('starts a new list on reset', () => {
    const s = useFacilitiesStore();
    s.apply([change(T)] as Message[]);
    const before = s.feed.list;
    s.reset();
    expect(s.feed.list).not.toBe(before);
    expect(s.feed.list).toHaveLength(0);
    expect(s.feed.lastDataTime).toBeNull();
  });
});
