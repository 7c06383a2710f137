/**
 * Facility status changes (`facility.change`), folded into one append-only list: every change so far,
 * in arrival order. The map applies the changes it has not applied yet as single-element updates
 * (src/facilities/status-glue.ts), and re-applies the whole list after a remount; the list is short (a few
 * hundred changes in the demo's 30 minutes), the facilities are hundreds of thousands.
 *
 * Reactivity: the list is one plain array appended in place (never proxied); `feed` is a shallowRef
 * swapped once per batch that carries it with a version, so a watcher fires once per batch. A reset
 * (seek, reconnect) starts a new array: consumers tell a reset from an append by the array's identity.
 */
import { defineStore } from 'pinia';
import { markRaw, shallowRef } from 'vue';
import type { Message } from '../../data-adapters/schemas';
import type { FacilityChange } from '../../data-adapters/topics/facilities';

export interface FacilityChangeFeed {
  /** Every change so far, oldest first; appended in place until the next reset. */
  readonly list: readonly FacilityChange[];
  /** Bumped by every batch that added changes and by every reset. */
  readonly version: number;
  /** Data time of the newest change, or null. */
  readonly lastDataTime: number | null;
}

/** Keeps the fold bounded if a feed misbehaves: the oldest changes go first (their facilities' latest change stays). */
export const MAX_FACILITY_CHANGES = 200_000;

export const useFacilitiesStore = defineStore('facilities', () => {
  let list: FacilityChange[] = markRaw([]);
  let version = 0;
  const feed = shallowRef<FacilityChangeFeed>({ list, version, lastDataTime: null });

  function apply(batch: readonly Message[]): void {
    let added = 0;
    let last = feed.value.lastDataTime;
    for (const m of batch) {
      if (m.topic !== 'facility.change') continue;
      list.push(m.payload);
      added += 1;
      if (last === null || m.payload.at > last) last = m.payload.at;
    }
    if (added === 0) return;
    if (list.length > MAX_FACILITY_CHANGES) {
      // Rare: a new array, so consumers re-apply from the start (a reset) instead of missing the cut.
      list = markRaw(list.slice(list.length - MAX_FACILITY_CHANGES));
    }
    version += 1;
    feed.value = { list, version, lastDataTime: last };
  }
  function reset(): void {
    list = markRaw([]);
    version += 1;
    feed.value = { list, version, lastDataTime: null };
  }
  return { feed, apply, reset };
});
