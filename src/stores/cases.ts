/**
 * Case figures (cases.baseline + case.event). The state is one plain object behind a shallowRef that is
 * swapped once per message batch: one reactive update per batch, no deep proxies over the rings.
 */
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { CATEGORIES, CHANNELS, STAGES, UNITS } from '../../data-adapters/domain';
import type { Message } from '../../data-adapters/schemas';
import { casesToday, emptyCasesState, openCases, reduceCases, type CasesState } from './reducers/cases';

export interface NamedCount {
  id: string;
  name: string;
  value: number;
}

export const useCasesStore = defineStore('cases', () => {
  const state = shallowRef<CasesState>(emptyCasesState());
  /** Whether the last batch was a backfill: the map and ticker skip entrance effects for it. */
  const lastBatchBackfill = shallowRef(false);

  function apply(batch: readonly Message[], backfill: boolean): void {
    const next = reduceCases(state.value, batch, backfill);
    if (next !== state.value) {
      lastBatchBackfill.value = backfill;
      state.value = next;
    }
  }
  function reset(): void {
    state.value = emptyCasesState();
  }

  const hasData = computed(() => state.value.lastDataTime !== null);
  const today = computed(() => casesToday(state.value));
  const cumulativeHandled = computed(() => state.value.cumulativeHandled);
  const open = computed(() => openCases(state.value));
  const overdueOpen = computed(() => state.value.overdueOpen);
  const closedToday = computed(() => state.value.closedToday);
  const stageCounts = computed(() => state.value.stageCounts);
  const stages = computed<NamedCount[]>(() => STAGES.map((s) => ({ id: s.id, name: s.name, value: state.value.stageCounts[s.id] })));
  /** Today's cases by unit, most first (short unit names). */
  const byUnit = computed<NamedCount[]>(() =>
    UNITS.map((u) => ({ id: u.id, name: u.short, value: state.value.todayByUnit[u.id] })).sort((a, b) => b.value - a.value),
  );
  const byChannel = computed<NamedCount[]>(() => CHANNELS.map((c) => ({ id: c.id, name: c.name, value: state.value.todayByChannel[c.id] })));
  const byCategory = computed<NamedCount[]>(() =>
    CATEGORIES.map((c) => ({ id: c.id, name: c.name, value: state.value.byCategorySinceBaseline[c.id] })).sort((a, b) => b.value - a.value),
  );
  const trend = computed(() => state.value.trend);
  const ticker = computed(() => state.value.ticker);
  const pings = computed(() => state.value.pings);
  const densityByUnit = computed(() => state.value.todayByUnit);
  const lastDataTime = computed(() => state.value.lastDataTime);
  // Command & coordination. The reducer keeps these objects' identity while they do not change, so a
  // batch that only moves other figures reaches no panel through them.
  const escalatedOpen = computed(() => state.value.escalatedOpen);
  const overdueByUnit = computed(() => state.value.overdueByUnit);
  const escalatedByUnit = computed(() => state.value.escalatedByUnit);
  const alerts = computed(() => state.value.alerts);
  const dwell = computed(() => state.value.dwell);

  return {
    state,
    lastBatchBackfill,
    apply,
    reset,
    hasData,
    today,
    cumulativeHandled,
    open,
    overdueOpen,
    closedToday,
    stageCounts,
    stages,
    byUnit,
    byChannel,
    byCategory,
    trend,
    ticker,
    pings,
    densityByUnit,
    lastDataTime,
    escalatedOpen,
    overdueByUnit,
    escalatedByUnit,
    alerts,
    dwell,
  };
});
