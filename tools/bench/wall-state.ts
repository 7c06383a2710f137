/**
 * The wall's data state as the four stores hold it, built only from the stores' pure reducers (no Pinia,
 * no Vue), so the seek rows measure exactly the folding work the stores do and nothing else.
 * `applyBatch` mirrors src/data/connect.ts: each batch reaches each store's reducer once.
 */
import type { DataVolumes, IndustrySystems, Message, UnitRates } from '../../data-adapters/schemas';
import { emptyCasesState, reduceCases, type CasesState } from '../../src/stores/reducers/cases';
import { emptySnapshot, reduceSnapshot, type Snapshot } from '../../src/stores/reducers/snapshots';

export interface WallState {
  cases: CasesState;
  rates: Snapshot<UnitRates>;
  systems: Snapshot<IndustrySystems>;
  volumes: Snapshot<DataVolumes>;
}

export function emptyWallState(): WallState {
  return { cases: emptyCasesState(), rates: emptySnapshot(), systems: emptySnapshot(), volumes: emptySnapshot() };
}

/** One reducer call per store for the whole batch, as connectSource does per delivered batch. */
export function applyBatch(s: WallState, batch: readonly Message[], backfill: boolean): WallState {
  return {
    cases: reduceCases(s.cases, batch, backfill),
    rates: reduceSnapshot(s.rates, batch, 'rates.units'),
    systems: reduceSnapshot(s.systems, batch, 'industry.systems'),
    volumes: reduceSnapshot(s.volumes, batch, 'data.volumes'),
  };
}

/**
 * A plain-JSON view of a state (Sets as sorted arrays) so two ways of reaching "the state at time t"
 * can be compared for equality before either is timed: a fast seek that built a different state
 * would be a bug, not a speed-up.
 */
export function comparable(s: WallState): string {
  const { seen, overdueIds, ...rest } = s.cases;
  return JSON.stringify({
    cases: { ...rest, seen: [...seen].sort(), overdueIds: [...overdueIds].sort() },
    rates: s.rates,
    systems: s.systems,
    volumes: s.volumes,
  });
}
