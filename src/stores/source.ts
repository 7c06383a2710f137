/**
 * What the wall knows about its source: kind (recorded shows the DEMO mark), status, data clock and
 * boundary health. The Source object itself never enters Pinia (it is an engine object); only its
 * plain state does.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { SourceState } from '../../data-adapters/source';

export const useSourceStore = defineStore('source', () => {
  const state = shallowRef<SourceState | null>(null);
  function set(next: SourceState): void {
    state.value = next;
  }
  const kind = computed(() => state.value?.kind ?? null);
  const status = computed(() => state.value?.status ?? 'idle');
  const clock = computed(() => state.value?.clock.currentTime ?? null);
  const rejected = computed(() => state.value?.health.rejected ?? 0);
  const lastError = computed(() => state.value?.error ?? state.value?.health.lastError ?? null);
  return { state, set, kind, status, clock, rejected, lastError };
});
