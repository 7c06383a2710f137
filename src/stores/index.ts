/** The stores the data layer feeds, as one bundle for connectSource() and the scene bindings. */
import { useCasesStore } from './cases';
import { useFacilitiesStore } from './facilities';
import { useRatesStore, useSystemsStore, useVolumesStore } from './snapshots';
import { useSourceStore } from './source';
import { useTopicsStore } from './topics';

export interface WallStores {
  cases: ReturnType<typeof useCasesStore>;
  rates: ReturnType<typeof useRatesStore>;
  systems: ReturnType<typeof useSystemsStore>;
  volumes: ReturnType<typeof useVolumesStore>;
  source: ReturnType<typeof useSourceStore>;
  /** Newest payload of every snapshot topic (generic; domains without a store of their own read here). */
  topics: ReturnType<typeof useTopicsStore>;
  /** Facility status changes so far (facility.change), for the map's single-element updates. */
  facilities: ReturnType<typeof useFacilitiesStore>;
}

/** Call inside an active Pinia (a component's setup or after setActivePinia). */
export function useWallStores(): WallStores {
  return {
    cases: useCasesStore(),
    rates: useRatesStore(),
    systems: useSystemsStore(),
    volumes: useVolumesStore(),
    source: useSourceStore(),
    topics: useTopicsStore(),
    facilities: useFacilitiesStore(),
  };
}

/** Plain JSON of the key figures, for the `wall` hook (tests, bench, operator console). */
export function snapshotFigures(s: WallStores) {
  return {
    casesToday: s.cases.today,
    cumulativeHandled: s.cases.cumulativeHandled,
    open: s.cases.open,
    overdueOpen: s.cases.overdueOpen,
    closedToday: s.cases.closedToday,
    stageCounts: { ...s.cases.stageCounts },
    tickerLength: s.cases.ticker.length,
    pingsLength: s.cases.pings.length,
    cityRates: s.rates.city ? { ...s.rates.city } : null,
    systems: { ...s.systems.counts },
    dataRecords: s.volumes.totals?.records ?? null,
    healthRejected: s.source.rejected,
    status: s.source.status,
    kind: s.source.kind,
    clock: s.source.clock,
  };
}
