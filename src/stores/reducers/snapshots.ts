/**
 * Reducers for the snapshot topics (`rates.units`, `industry.systems`, `data.volumes`): the newest
 * message is the whole truth for its topic. A message older than the one held (by `asOf`) is dropped,
 * so an out-of-order redelivery cannot roll a figure back. Pure: new state out, previous untouched.
 */
import { DATA_SOURCES, INDUSTRY_SYSTEMS, UNITS, type UnitId } from '../../../data-adapters/domain';
import type { DataVolumes, IndustrySystems, Message, SystemState, UnitRates } from '../../../data-adapters/schemas';

export interface Snapshot<T> {
  value: T | null;
  /** asOf of the value held; the panels' stale marks compare it with the data clock. */
  lastDataTime: number | null;
  outOfOrder: number;
}

export function emptySnapshot<T>(): Snapshot<T> {
  return { value: null, lastDataTime: null, outOfOrder: 0 };
}

export type SnapshotTopic = 'rates.units' | 'industry.systems' | 'data.volumes';

/** Keep the newest message of `topic` in the batch (by asOf, ties go to the later one). */
export function reduceSnapshot<P extends { asOf: number }>(
  prev: Snapshot<P>,
  batch: readonly Message[],
  topic: SnapshotTopic,
): Snapshot<P> {
  let next = prev;
  for (const m of batch) {
    if (m.topic !== topic) continue;
    // The topic fixes the payload type (schemas.ts); the caller names the matching P.
    const payload = m.payload as unknown as P;
    if (next.lastDataTime !== null && payload.asOf < next.lastDataTime) {
      next = { ...next, outOfOrder: next.outOfOrder + 1 };
      continue;
    }
    next = { value: payload, lastDataTime: payload.asOf, outOfOrder: next.outOfOrder };
  }
  return next;
}

// ---- rates selectors ----

export interface UnitRateRow {
  unitId: UnitId;
  unit: string;
  response: number;
  completion: number;
  satisfaction: number;
  /** Mean of the three rates: the ranking key. */
  composite: number;
}

export interface CityRates {
  response: number;
  completion: number;
  satisfaction: number;
  units: number;
}

const UNIT_SHORT = new Map<string, string>(UNITS.map((u) => [u.id, u.short]));

/** Units ranked best first by the mean of their three rates. */
export function rateRanking(r: UnitRates | null): UnitRateRow[] {
  if (!r) return [];
  return r.units
    .map((u) => ({
      unitId: u.unitId,
      unit: UNIT_SHORT.get(u.unitId) ?? u.unitId,
      response: u.response,
      completion: u.completion,
      satisfaction: u.satisfaction,
      composite: (u.response + u.completion + u.satisfaction) / 3,
    }))
    .sort((a, b) => b.composite - a.composite || a.unit.localeCompare(b.unit));
}

/** City figure: the unweighted mean over the reporting units (how the 14 units are compared). */
export function cityRates(r: UnitRates | null): CityRates | null {
  if (!r || r.units.length === 0) return null;
  const n = r.units.length;
  const mean = (f: (u: UnitRates['units'][number]) => number) => r.units.reduce((t, u) => t + f(u), 0) / n;
  return { response: mean((u) => u.response), completion: mean((u) => u.completion), satisfaction: mean((u) => u.satisfaction), units: n };
}

// ---- industry systems selectors ----

export interface SystemChip {
  id: string;
  name: string;
  state: SystemState;
  label: string;
  value: number;
  unit: string;
  lastHeartbeat: number;
}

export function systemChips(s: IndustrySystems | null): SystemChip[] {
  if (!s) return [];
  const byId = new Map(s.systems.map((x) => [x.id, x]));
  const out: SystemChip[] = [];
  // Domain order, so a chip never jumps around between snapshots.
  for (const def of INDUSTRY_SYSTEMS) {
    const x = byId.get(def.id);
    if (!x) continue;
    out.push({
      id: def.id,
      name: def.name,
      state: x.state,
      label: x.keyFigure.label,
      value: x.keyFigure.value,
      unit: x.keyFigure.unit,
      lastHeartbeat: x.lastHeartbeat,
    });
  }
  return out;
}

export function systemCounts(s: IndustrySystems | null): Record<SystemState, number> & { total: number } {
  const out = { online: 0, degraded: 0, offline: 0, total: 0 };
  for (const x of s?.systems ?? []) {
    out[x.state] += 1;
    out.total += 1;
  }
  return out;
}

// ---- data volume selectors ----

export interface VolumeRow {
  id: string;
  name: string;
  records: number;
  todayIncrement: number;
}

/** Sources by record count, largest first. */
export function volumeRows(v: DataVolumes | null): VolumeRow[] {
  if (!v) return [];
  const names = new Map<string, string>(DATA_SOURCES.map((d) => [d.id, d.name]));
  return v.sources
    .map((x) => ({ id: x.id, name: names.get(x.id) ?? x.id, records: x.records, todayIncrement: x.todayIncrement }))
    .sort((a, b) => b.records - a.records);
}

export function volumeTotals(v: DataVolumes | null): { records: number; todayIncrement: number; tables: number } | null {
  if (!v) return null;
  let records = 0;
  let todayIncrement = 0;
  for (const x of v.sources) {
    records += x.records;
    todayIncrement += x.todayIncrement;
  }
  return { records, todayIncrement, tables: v.tables };
}
