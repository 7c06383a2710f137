/**
 * `facilities.status` and `facility.change`: live status of the city components in the shipped Arrow
 * files (public/facilities, tools/facility-generator), over the recording.
 *
 * The changes are episodes: a facility that is normal in the files leaves normal (alarm, offline, repair)
 * and comes back before the recording ends, sometimes via repair. Every episode closes inside the
 * recording, so the feed server's loops (server/stream.ts) start each loop from the files' statuses
 * again. One burst: a district's power dip takes a run of streetlights offline within seconds, and they
 * come back minutes later. One scripted story ties the feed to the lifeline scene: the gas alarm's
 * manhole (the nearest normal gas manhole to where the alarm is placed, which then moves onto it) turns
 * alarm when the alarm fires, repair when the work order is dispatched, normal when it is closed (结案).
 *
 * Deterministic: the files are fixed bytes, every draw comes from streams derived from the seed.
 */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import type { FacilitiesStatus, FacilityChange, FacilityStatusCounts } from '../../data-adapters/topics/facilities';
import { MAX_RECENT_FACILITY_CHANGES } from '../../data-adapters/topics/facilities';
import {
  FACILITY_FILES,
  FACILITY_KINDS,
  FACILITY_ORIGIN,
  FACILITY_STATUSES,
  FACILITY_UNITS,
  STATUS_CODE,
  formatFacilityCode,
  type FacilityKind,
  type FacilityStatus,
} from '../../src/facilities/schema';
import { Rng } from './random';
import { MINUTE, toSecond } from './time';

const FILES_URL = new URL('../../public/facilities/', import.meta.url);

/** The columns this generator reads from the shipped files. */
export interface FacilityStatusBase {
  kind: FacilityKind;
  id: Uint32Array;
  unit: Uint8Array;
  status: Uint8Array;
  /** Manholes only: MANHOLE_TYPES code; and the point (degrees) for the gas manhole search. */
  type?: Uint8Array;
  dlon?: Float32Array;
  dlat?: Float32Array;
}

export type FacilityBases = Record<FacilityKind, FacilityStatusBase>;

let cached: FacilityBases | null = null;
/** The shipped files' id, unit and status columns (read once per process). */
export function loadFacilityBases(): FacilityBases {
  if (cached) return cached;
  const out = {} as FacilityBases;
  for (const kind of FACILITY_KINDS) {
    const table = tableFromIPC(readFileSync(new URL(FACILITY_FILES[kind], FILES_URL)));
    const col = <T>(name: string): T => {
      const v = table.getChild(name);
      if (!v) throw new Error(`${kind}: column ${name} missing`);
      return v.toArray() as T;
    };
    out[kind] = {
      kind,
      id: col<Uint32Array>('id'),
      unit: col<Uint8Array>('unit'),
      status: col<Uint8Array>('status'),
      ...(kind === 'manholes' ? { type: col<Uint8Array>('type'), dlon: col<Float32Array>('dlon'), dlat: col<Float32Array>('dlat') } : {}),
    };
  }
  cached = out;
  return out;
}

const GAS_MANHOLE_TYPE = 2;
const NORMAL = STATUS_CODE.normal;

/** The gas manhole the scripted alarm sits on. */
export interface GasManhole {
  index: number;
  id: number;
  code: string;
  lon: number;
  lat: number;
}

/**
 * The normal gas manhole of district `unit` nearest to (lon, lat) that `ok` accepts (the lifeline
 * generator keeps alarms clear of the river). Linear scan: once per recording.
 */
export function nearestGasManhole(bases: FacilityBases, unit: string, lon: number, lat: number, ok: (lon: number, lat: number) => boolean): GasManhole | null {
  const m = bases.manholes;
  const unitCode = FACILITY_UNITS.indexOf(unit as (typeof FACILITY_UNITS)[number]);
  if (unitCode < 0 || !m.type || !m.dlon || !m.dlat) return null;
  // cos(30.7°): the generators use no trigonometry (same bytes on every engine), see random.ts.
  const kx = 0.85988;
  let best: GasManhole | null = null;
  let bestD = Infinity;
  for (let i = 0; i < m.id.length; i += 1) {
    if (m.type[i] !== GAS_MANHOLE_TYPE || m.unit[i] !== unitCode || m.status[i] !== NORMAL) continue;
    const plon = FACILITY_ORIGIN.lon + (m.dlon[i] as number);
    const plat = FACILITY_ORIGIN.lat + (m.dlat[i] as number);
    const dx = (plon - lon) * kx;
    const dy = plat - lat;
    const d = dx * dx + dy * dy;
    if (d >= bestD || !ok(plon, plat)) continue;
    bestD = d;
    const id = m.id[i] as number;
    // Rounded like every coordinate in the feed (1e-6° ≈ 0.1 m): the alarm and the case sit on the manhole.
    best = { index: i, id, code: formatFacilityCode('manholes', id), lon: Math.round(plon * 1e6) / 1e6, lat: Math.round(plat * 1e6) / 1e6 };
  }
  return best;
}

/** The lifeline story's instants the gas manhole follows. */
export interface GasManholeStory {
  manhole: GasManhole;
  alarmAt: number;
  dispatchAt: number;
  closeAt: number;
}

interface EpisodeSpec {
  /** Weight of the kind among the random episodes. */
  weight: number;
  /** What a facility of this kind reports, per status it enters. */
  reasons: Readonly<Record<Exclude<FacilityStatus, 'normal'>, readonly string[]>>;
  /** Relative frequency of the status an episode starts with. */
  mix: readonly (readonly [Exclude<FacilityStatus, 'normal'>, number])[];
}

const EPISODES: Readonly<Record<FacilityKind, EpisodeSpec>> = {
  manholes: {
    weight: 5,
    reasons: {
      alarm: ['井盖位移', '井盖倾斜', '井内液位超限', '井盖异常开启'],
      offline: ['传感器离线', '电池电量低'],
      repair: ['井盖破损维修', '井座沉降维修'],
    },
    mix: [['alarm', 4], ['offline', 4], ['repair', 1]],
  },
  streetlights: {
    weight: 3.5,
    reasons: {
      alarm: ['灯具故障', '漏电告警', '白天亮灯'],
      offline: ['单灯控制器离线', '通信中断'],
      repair: ['更换灯具', '线路检修'],
    },
    mix: [['alarm', 4], ['offline', 4], ['repair', 1.5]],
  },
  pipes: {
    weight: 1.5,
    reasons: {
      alarm: ['管网压力异常', '疑似渗漏', '流量突变'],
      offline: ['监测终端离线'],
      repair: ['管段抢修', '阀门检修'],
    },
    mix: [['alarm', 5], ['offline', 3], ['repair', 1]],
  },
};

const KIND_MIX = FACILITY_KINDS.map((k) => [k, EPISODES[k].weight] as const);
/** Random episodes over the recording (each gives 2–3 changes). */
const EPISODE_COUNT: readonly [number, number] = [100, 120];
/** The power dip: streetlights of one district go offline within seconds and come back together. */
const BURST = { unit: 'wujiagang', lights: [36, 48] as const, at: 14 * MINUTE + 20_000, spreadMs: 25_000, backAfter: [3.5, 5.5] as const };
/** Every episode is over this long before the recording ends (the loop seam). */
const END_MARGIN_MS = 20_000;

function pickNormal(rng: Rng, base: FacilityStatusBase, taken: Set<string>, unitCode?: number): number {
  for (let tries = 0; tries < 10_000; tries += 1) {
    const i = rng.int(0, base.id.length - 1);
    if (base.status[i] !== NORMAL) continue;
    if (unitCode !== undefined && base.unit[i] !== unitCode) continue;
    const key = `${base.kind}:${i}`;
    if (taken.has(key)) continue;
    taken.add(key);
    return i;
  }
  throw new Error(`no free normal ${base.kind}`);
}

/** Every change of the recording, in time order (ties: the order they were planned in). */
export function planFacilityChanges(seed: number, start: number, end: number, bases: FacilityBases, gas: GasManholeStory | null): FacilityChange[] {
  const planned: FacilityChange[] = [];
  const taken = new Set<string>();
  const add = (kind: FacilityKind, index: number, status: FacilityStatus, at: number, reason: string): void => {
    planned.push({ kind, id: bases[kind].id[index] as number, status, at: toSecond(at), reason });
  };
  const last = end - END_MARGIN_MS;

  if (gas) {
    taken.add(`manholes:${gas.manhole.index}`);
    add('manholes', gas.manhole.index, 'alarm', gas.alarmAt, '可燃气体浓度超限');
    add('manholes', gas.manhole.index, 'repair', gas.dispatchAt, '工单派遣 抢修');
    add('manholes', gas.manhole.index, 'normal', gas.closeAt, '结案 恢复正常');
  }

  const rng = Rng.derive(seed, 'facilities', 'episodes');
  const n = rng.int(EPISODE_COUNT[0], EPISODE_COUNT[1]);
  for (let e = 0; e < n; e += 1) {
    const er = Rng.derive(seed, 'facilities', 'episode', e);
    const kind = er.weighted(KIND_MIX);
    const spec = EPISODES[kind];
    const index = pickNormal(er, bases[kind], taken);
    const status = er.weighted(spec.mix);
    const at = start + er.range(0.2, 26) * MINUTE;
    const life = er.triangular(1.5, 5, 14) * MINUTE;
    add(kind, index, status, at, er.pick(spec.reasons[status]));
    let t = at + life;
    // Some alarms are worked on before they clear: alarm → repair → normal.
    if (status === 'alarm' && er.chance(0.3)) {
      add(kind, index, 'repair', Math.min(t, last - MINUTE), er.pick(spec.reasons.repair));
      t += er.range(2, 6) * MINUTE;
    }
    add(kind, index, 'normal', Math.min(t, last), status === 'offline' ? '恢复在线' : '恢复正常');
  }

  // The power dip (bursts are what a live feed must absorb without a rebuild).
  const br = Rng.derive(seed, 'facilities', 'burst');
  const unitCode = FACILITY_UNITS.indexOf(BURST.unit as (typeof FACILITY_UNITS)[number]);
  const lights = br.int(BURST.lights[0], BURST.lights[1]);
  const back = start + BURST.at + br.range(BURST.backAfter[0], BURST.backAfter[1]) * MINUTE;
  for (let k = 0; k < lights; k += 1) {
    const index = pickNormal(br, bases.streetlights, taken, unitCode);
    add('streetlights', index, 'offline', start + BURST.at + br.range(0, BURST.spreadMs), '片区供电波动');
    add('streetlights', index, 'normal', back + br.range(0, BURST.spreadMs), '供电恢复');
  }

  const ordered = planned
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.at - b.c.at || a.i - b.i)
    .map(({ c }) => c);
  // Every planned facility starts from its status in the files (normal); each change says what it left.
  const current = new Map<string, FacilityStatus>();
  return ordered.map((c) => {
    const key = `${c.kind}:${c.id}`;
    const from = current.get(key) ?? 'normal';
    current.set(key, c.status);
    return { kind: c.kind, id: c.id, status: c.status, from, at: c.at, ...(c.reason === undefined ? {} : { reason: c.reason }) };
  });
}

function baseCounts(base: FacilityStatusBase): FacilityStatusCounts {
  const counts = [0, 0, 0, 0];
  for (let i = 0; i < base.status.length; i += 1) counts[base.status[i] as number]! += 1;
  return { normal: counts[0]!, alarm: counts[1]!, offline: counts[2]!, repair: counts[3]! };
}

/**
 * One `facilities.status` per time: the files' counts moved by every change up to t, and the latest
 * changes. A change moves one facility from the status it had (the file's, or its previous change's).
 */
export function facilitiesSnapshots(bases: FacilityBases, changes: readonly FacilityChange[], times: readonly number[]): FacilitiesStatus[] {
  const counts = Object.fromEntries(FACILITY_KINDS.map((k) => [k, baseCounts(bases[k])])) as Record<FacilityKind, FacilityStatusCounts>;
  const current = new Map<string, FacilityStatus>();
  const statusOf = (c: FacilityChange): FacilityStatus => {
    const key = `${c.kind}:${c.id}`;
    const seen = current.get(key);
    if (seen) return seen;
    // Ids ascend in the files: binary search, once per facility (later changes read `current`).
    const ids = bases[c.kind].id;
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = ids[mid] as number;
      if (v === c.id) {
        return FACILITY_STATUSES[bases[c.kind].status[mid] as number] as FacilityStatus;
      }
      if (v < c.id) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`${c.kind} ${c.id} is not in the shipped files`);
  };
  const out: FacilitiesStatus[] = [];
  let next = 0;
  for (const t of times) {
    while (next < changes.length && (changes[next] as FacilityChange).at <= t) {
      const c = changes[next] as FacilityChange;
      const from = statusOf(c);
      counts[c.kind][from] -= 1;
      counts[c.kind][c.status] += 1;
      current.set(`${c.kind}:${c.id}`, c.status);
      next += 1;
    }
    const recent = changes.slice(Math.max(0, next - MAX_RECENT_FACILITY_CHANGES), next).reverse();
    out.push({
      asOf: t,
      totals: FACILITY_KINDS.map((kind) => ({ kind, counts: { ...counts[kind] } })),
      recent: recent.map((c) => ({ ...c })),
    });
  }
  return out;
}
