/**
 * Snapshot topics: three rates per unit, industry systems, data volumes. Each store keeps the newest
 * payload of its topic behind a shallowRef swapped at most once per batch.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { DataVolumes, IndustrySystems, Message, UnitRates } from '../../data-adapters/schemas';
import {
  cityRates,
  emptySnapshot,
  rateRanking,
  reduceSnapshot,
  systemChips,
  systemCounts,
  volumeRows,
  volumeTotals,
  type Snapshot,
} from './reducers/snapshots';

export const useRatesStore = defineStore('rates', () => {
  const snap = shallowRef<Snapshot<UnitRates>>(emptySnapshot());
  function apply(batch: readonly Message[]): void {
    snap.value = reduceSnapshot(snap.value, batch, 'rates.units');
  }
  function reset(): void {
    snap.value = emptySnapshot();
  }
  const city = computed(() => cityRates(snap.value.value));
  const ranking = computed(() => rateRanking(snap.value.value));
  const lastDataTime = computed(() => snap.value.lastDataTime);
  return { snap, apply, reset, city, ranking, lastDataTime };
});

export const useSystemsStore = defineStore('systems', () => {
  const snap = shallowRef<Snapshot<IndustrySystems>>(emptySnapshot());
  function apply(batch: readonly Message[]): void {
    snap.value = reduceSnapshot(snap.value, batch, 'industry.systems');
  }
  function reset(): void {
    snap.value = emptySnapshot();
  }
  const chips = computed(() => systemChips(snap.value.value));
  const counts = computed(() => systemCounts(snap.value.value));
  const lastDataTime = computed(() => snap.value.lastDataTime);
  return { snap, apply, reset, chips, counts, lastDataTime };
});

export const useVolumesStore = defineStore('volumes', () => {
  const snap = shallowRef<Snapshot<DataVolumes>>(emptySnapshot());
  function apply(batch: readonly Message[]): void {
    snap.value = reduceSnapshot(snap.value, batch, 'data.volumes');
  }
  function reset(): void {
    snap.value = emptySnapshot();
  }
  const rows = computed(() => volumeRows(snap.value.value));
  const totals = computed(() => volumeTotals(snap.value.value));
  const lastDataTime = computed(() => snap.value.lastDataTime);
  return { snap, apply, reset, rows, totals, lastDataTime };
});
