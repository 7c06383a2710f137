/**
 * City components (井盖 / 路灯 / 管线) bindings over `facilities.status` and `facility.change`:
 * facilities per kind and status. The counts follow every change, not just the minute's snapshot: the
 * snapshot's totals moved by the changes after its asOf (the same changes the map colours, element by
 * element). Pure selectors, tested on fixed inputs.
 */
import type { FacilitiesStatus, FacilityChange } from '../../../data-adapters/topics/facilities';
import { totalOf } from '../../../data-adapters/topics/facilities';
import { FACILITY_KINDS, type FacilityKind, type FacilityStatus } from '../../facilities/schema';
import type { KpiItem, TableData } from '../../panels/types';
import type { WallStores } from '../../stores';
import { binding } from '../binding-kit';

const SOURCE = '城市部件物联感知平台';
/** Snapshots come every minute: five missed ones make the panel stale. */
const STALE_MINUTES = 5;

export const FACILITY_KIND_ZH: Readonly<Record<FacilityKind, string>> = { manholes: '井盖', streetlights: '路灯', pipes: '管线' };

/**
 * The snapshot with its totals moved by the changes after its asOf. A change leaves `from` when it says
 * so, else the facility's previous change in the list, else normal. Counts never go below zero (a
 * change the snapshot already held, e.g. a redelivery, cannot make them negative). Pure.
 */
export function liveFacilityStatus(p: FacilitiesStatus, changes: readonly FacilityChange[]): FacilitiesStatus {
  let totals: FacilitiesStatus['totals'] | null = null;
  const last = new Map<string, FacilityStatus>();
  for (const c of changes) {
    const key = `${c.kind}:${c.id}`;
    const prev = c.from ?? last.get(key) ?? 'normal';
    last.set(key, c.status);
    if (c.at <= p.asOf || prev === c.status) continue;
    totals ??= p.totals.map((t) => ({ kind: t.kind, counts: { ...t.counts } }));
    const entry = totals.find((t) => t.kind === c.kind);
    if (!entry || entry.counts[prev] === 0) continue;
    entry.counts[prev] -= 1;
    entry.counts[c.status] += 1;
  }
  return totals ? { ...p, totals } : p;
}

function liveStatus(s: WallStores): FacilitiesStatus | null {
  const p = s.topics.latest('facilities.status');
  return p === null ? null : liveFacilityStatus(p, s.facilities.feed.list);
}

function lastDataTime(s: WallStores): number | null {
  const a = s.topics.asOf('facilities.status');
  const b = s.facilities.feed.lastDataTime;
  return a === null ? b : b === null ? a : Math.max(a, b);
}

/** One row per kind (井盖, 路灯, 管线) with its total and the facilities not normal. */
export function facilityCountsTable(p: FacilitiesStatus): TableData {
  const byKind = new Map(p.totals.map((t) => [t.kind, t.counts]));
  const rows: TableData['rows'] = [];
  for (const kind of FACILITY_KINDS) {
    const c = byKind.get(kind);
    if (!c) continue;
    rows.push({
      id: kind,
      cells: { name: FACILITY_KIND_ZH[kind], total: totalOf(c), alarm: c.alarm, offline: c.offline, repair: c.repair },
      tone: c.alarm > 0 ? 'alert' : 'normal',
    });
  }
  return {
    columns: [
      { id: 'name', label: '部件', align: 'left' },
      { id: 'total', label: '总数', align: 'right' },
      { id: 'alarm', label: '告警', align: 'right' },
      { id: 'offline', label: '离线', align: 'right' },
      { id: 'repair', label: '维修', align: 'right' },
    ],
    rows,
  };
}

/** Facilities in all, and how many are in alarm, offline or under repair now. */
export function facilityKpis(p: FacilitiesStatus): KpiItem[] {
  let total = 0;
  let alarm = 0;
  let offline = 0;
  let repair = 0;
  for (const { counts } of p.totals) {
    total += totalOf(counts);
    alarm += counts.alarm;
    offline += counts.offline;
    repair += counts.repair;
  }
  return [
    { id: 'total', label: '城市部件', unit: '万个', value: total / 10_000, decimals: 1, tone: 'normal' },
    { id: 'alarm', label: '部件告警', unit: '个', value: alarm, decimals: 0, tone: alarm > 0 ? 'alert' : 'normal' },
    { id: 'offline', label: '部件离线', unit: '个', value: offline, decimals: 0, tone: 'normal' },
    { id: 'repair', label: '维修中', unit: '个', value: repair, decimals: 0, tone: 'normal' },
  ];
}

const TOPICS = ['facilities.status', 'facility.change'] as const;

export const FACILITY_BINDINGS = {
  'facilities.counts': binding('table', {
    topics: TOPICS,
    staleMinutes: STALE_MINUTES,
    source: SOURCE,
    lastDataTime,
    select: (s) => {
      const p = liveStatus(s);
      return p === null ? null : facilityCountsTable(p);
    },
  }),
  'facilities.kpis': binding('kpis', {
    topics: TOPICS,
    staleMinutes: STALE_MINUTES,
    source: SOURCE,
    lastDataTime,
    select: (s) => {
      const p = liveStatus(s);
      return p === null ? null : facilityKpis(p);
    },
  }),
} as const;
