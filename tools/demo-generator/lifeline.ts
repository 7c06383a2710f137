/**
 * `lifeline.status`: the 12 lifeline sectors once a minute, and the alarms behind them.
 *
 * The alarms are planned once for the whole recording (a few raised in the two hours before it, about
 * ten during it), all in the central districts' urban areas and clear of the river. Two stories are
 * scripted because the wall tells them:
 * - at about minute 6 a gas concentration alarm (燃气 可燃气体浓度超限) becomes a 运管服 work order and
 *   travels the closed loop 发现→立案→派单→处置→核查→结案 within the recording; its `case.event` lines
 *   come from here, and the alarm's state follows the case (已转工单 → 处置中 → 已结案);
 * - one drainage inspection well alarms again and again (反复告警), which decision support picks up.
 * The other alarms clear by themselves or after handling in their sector (已解除).
 */
import { readFileSync } from 'node:fs';
import { STAGE_IDS, type UnitId } from '../../data-adapters/domain';
import type { CaseEvent } from '../../data-adapters/schemas';
import {
  LIFELINE_ALARM_WINDOW_MS,
  LIFELINE_SECTOR_IDS,
  MAX_LIFELINE_ALARMS,
  isActiveAlarmState,
  type LifelineAlarm,
  type LifelineAlarmState,
  type LifelineLevel,
  type LifelineSectorId,
  type LifelineStatus,
} from '../../data-adapters/topics/lifeline';
import type { UnitSampler } from './geography';
import { stepTiming, type StageStep } from './lifecycle';
import { makeAddress } from './places';
import { Rng } from './random';
import type { SimCase } from './simulation';
import { addWorkingTime, localCompactDate, localDayStart, MINUTE, toSecond } from './time';

/** The Yangtze's traced centreline (public/geo/yangtze-traced.geojson), lon/lat pairs in order. */
export type RiverLine = readonly (readonly [number, number])[];

export const RIVER_URL = new URL('../../public/geo/yangtze-traced.geojson', import.meta.url);

export function loadRiver(): RiverLine {
  const fc = JSON.parse(readFileSync(RIVER_URL, 'utf8')) as { features: { geometry: { type: string; coordinates: [number, number][] } }[] };
  const line = fc.features.find((f) => f.geometry.type === 'LineString');
  if (!line) throw new Error('river file holds no LineString');
  return line.geometry.coordinates;
}

const KM_PER_DEG_LAT = 111.32;
const KM_PER_DEG_LON = 111.32 * 0.85988;

/** Distance from a point to the river centreline, km (equirectangular: spans of a few km only). */
export function distanceToRiverKm(river: RiverLine, lon: number, lat: number): number {
  let best = Infinity;
  for (let i = 1; i < river.length; i += 1) {
    const a = river[i - 1] as readonly [number, number];
    const b = river[i] as readonly [number, number];
    const ax = (a[0] - lon) * KM_PER_DEG_LON;
    const ay = (a[1] - lat) * KM_PER_DEG_LAT;
    const bx = (b[0] - lon) * KM_PER_DEG_LON;
    const by = (b[1] - lat) * KM_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
    const px = ax + t * dx;
    const py = ay + t * dy;
    best = Math.min(best, Math.sqrt(px * px + py * py));
  }
  return best;
}

/** The river ribbon is 1 km wide; keep alarms a safe margin off its centreline. */
export const MIN_RIVER_DISTANCE_KM = 0.9;

/** The central districts (and 高新区) whose urban areas the lifeline sensors cover most densely. */
export const CENTRAL_UNITS: readonly (readonly [UnitId, number])[] = [
  ['xiling', 5], ['wujiagang', 4], ['yiling', 3], ['gaoxin', 2], ['dianjun', 1.5], ['xiaoting', 1.5],
];

interface SectorSpec {
  sensors: number;
  /** Share of sensors reporting, around which the online count wanders. */
  onlineShare: number;
  /** Alarms already raised today by 09:30, before the planned ones: [min, max]. */
  earlier: readonly [number, number];
  /** Relative frequency of new alarms. */
  weight: number;
  /** Facility noun appended to the address. */
  facility: string;
  kinds: readonly { kind: string; unit: string; range: readonly [number, number]; decimals: number }[];
  /** Units where this sector's alarms happen (geohazards in the hilly districts). */
  units?: readonly UnitId[];
}

/** Sensor counts are plausible for a city of Yichang's size, not measured. */
const SECTORS: Readonly<Record<LifelineSectorId, SectorSpec>> = {
  gas: {
    sensors: 12_460, onlineShare: 0.986, earlier: [4, 9], weight: 3, facility: '燃气阀井',
    kinds: [{ kind: '可燃气体浓度超限', unit: '%LEL', range: [8, 35], decimals: 0 }, { kind: '管网压力异常', unit: 'kPa', range: [1.2, 2.9], decimals: 2 }],
  },
  water: {
    sensors: 2_380, onlineShare: 0.982, earlier: [2, 6], weight: 2, facility: '供水管网监测点',
    kinds: [{ kind: '管网压力骤降', unit: 'MPa', range: [0.12, 0.2], decimals: 2 }, { kind: '流量突变疑似爆管', unit: 'm³/h', range: [380, 920], decimals: 0 }],
  },
  drainage: {
    sensors: 3_150, onlineShare: 0.978, earlier: [6, 12], weight: 2.5, facility: '排水检查井',
    kinds: [{ kind: '管网液位超限', unit: 'm', range: [1.6, 2.6], decimals: 2 }, { kind: '泵站运行异常', unit: '', range: [0, 0], decimals: 0 }],
  },
  bridge: {
    sensors: 1_860, onlineShare: 0.991, earlier: [0, 3], weight: 0.8, facility: '桥梁监测点',
    kinds: [{ kind: '结构应变超限', unit: 'με', range: [160, 260], decimals: 0 }, { kind: '挠度异常', unit: 'mm', range: [18, 36], decimals: 1 }],
  },
  tunnel: {
    sensors: 640, onlineShare: 0.988, earlier: [1, 4], weight: 0.8, facility: '下穿通道',
    kinds: [{ kind: '通道积水', unit: 'cm', range: [12, 30], decimals: 0 }, { kind: 'CO浓度超限', unit: 'ppm', range: [60, 140], decimals: 0 }],
  },
  flood: {
    sensors: 486, onlineShare: 0.979, earlier: [0, 3], weight: 0.6, facility: '易涝点',
    kinds: [{ kind: '积水深度超警', unit: 'cm', range: [15, 32], decimals: 0 }],
  },
  pipeGallery: {
    sensors: 3_620, onlineShare: 0.993, earlier: [1, 4], weight: 0.8, facility: '综合管廊舱段',
    kinds: [{ kind: '舱内氧含量偏低', unit: '%', range: [18.2, 19.4], decimals: 1 }, { kind: '舱内温湿度异常', unit: '%RH', range: [86, 97], decimals: 0 }],
  },
  elevator: {
    // At least the industry system's largest 在线电梯 figure (its walk is bounded at 18,800).
    sensors: 18_820, onlineShare: 0.99, earlier: [9, 18], weight: 3, facility: '住宅电梯',
    kinds: [{ kind: '困人告警', unit: '', range: [0, 0], decimals: 0 }, { kind: '运行故障', unit: '', range: [0, 0], decimals: 0 }],
  },
  hazchem: {
    sensors: 940, onlineShare: 0.984, earlier: [0, 2], weight: 0.5, facility: '危化品储存点',
    kinds: [{ kind: '储罐液位异常', unit: '%', range: [91, 98], decimals: 0 }, { kind: '有毒气体检测超限', unit: 'ppm', range: [12, 40], decimals: 0 }],
  },
  geohazard: {
    // Mountain sites report over weak mobile links: the lowest online share of the sectors.
    sensors: 620, onlineShare: 0.934, earlier: [1, 4], weight: 0.7, facility: '边坡监测点', units: ['yiling', 'dianjun'],
    kinds: [{ kind: '位移速率超限', unit: 'mm/d', range: [3.2, 9.5], decimals: 1 }, { kind: '累计雨量超限', unit: 'mm', range: [55, 90], decimals: 0 }],
  },
  crowded: {
    sensors: 2_310, onlineShare: 0.981, earlier: [2, 6], weight: 1.2, facility: '商业综合体',
    kinds: [{ kind: '客流密度超限', unit: '人/㎡', range: [2.6, 4.2], decimals: 1 }, { kind: '烟感报警', unit: '', range: [0, 0], decimals: 0 }],
  },
  traffic: {
    sensors: 1_540, onlineShare: 0.987, earlier: [5, 11], weight: 2, facility: '路口',
    kinds: [{ kind: '严重拥堵', unit: 'km/h', range: [4, 11], decimals: 0 }, { kind: '交通事故报警', unit: '', range: [0, 0], decimals: 0 }],
  },
};

interface Transition {
  state: LifelineAlarmState;
  at: number;
}

export interface PlannedAlarm {
  id: string;
  sector: LifelineSectorId;
  level: LifelineLevel;
  kind: string;
  reading: { value: number; unit: string } | null;
  unitId: UnitId;
  place: string;
  lon: number;
  lat: number;
  at: number;
  /** In time order; the first is 'pending' at `at`. */
  transitions: Transition[];
  caseId: string | null;
}

export interface LifelinePlan {
  alarms: readonly PlannedAlarm[];
  /** The gas alarm's work order as a simulated case, so the day's counters (DayLedger) include it. */
  gasCase: SimCase;
  /** Its `case.event` lines, discovery first. */
  gasEvents: CaseEvent[];
}

export interface LifelineOptions {
  sampler: UnitSampler;
  river: RiverLine;
  /** Index for the gas case after the simulated ones (a stable sort key). */
  caseIndex: number;
  /**
   * Puts the scripted gas alarm on a real gas manhole of the facility data: given where the alarm was
   * placed and a check its position must pass (clear of the river), the manhole's point and display code
   * (JG…), or null to leave the alarm where it was placed.
   */
  gasManhole?: (lon: number, lat: number, ok: (lon: number, lat: number) => boolean) => { lon: number; lat: number; code: string } | null;
}

const roundTo = (x: number, decimals: number): number => {
  const f = decimals === 0 ? 1 : decimals === 1 ? 10 : 100;
  return Math.round(x * f) / f;
};

/** A point in `unitId`'s urban area, clear of the river, with its address. */
function placeAlarm(rng: Rng, opts: LifelineOptions, unitId: UnitId, facility: string): Pick<PlannedAlarm, 'unitId' | 'lon' | 'lat' | 'place'> {
  for (let i = 0; i < 500; i += 1) {
    const p = opts.sampler.sample(rng, unitId);
    if (!p.urban || distanceToRiverKm(opts.river, p.lon, p.lat) < MIN_RIVER_DISTANCE_KM) continue;
    const { address } = makeAddress(rng, unitId, true);
    return { unitId, lon: p.lon, lat: p.lat, place: `${address} ${facility}`.slice(0, 80) };
  }
  throw new Error(`no urban point clear of the river in ${unitId}`);
}

function reading(rng: Rng, spec: SectorSpec['kinds'][number]): PlannedAlarm['reading'] {
  if (spec.unit === '') return null;
  return { value: roundTo(rng.range(spec.range[0], spec.range[1]), spec.decimals), unit: spec.unit };
}

/** An alarm that clears on its own or after handling in its sector, `lifeMin` minutes after it was raised. */
function clearingTransitions(rng: Rng, at: number, lifeMin: number): Transition[] {
  const out: Transition[] = [{ state: 'pending', at }];
  if (rng.chance(0.4)) out.push({ state: 'handling', at: toSecond(at + lifeMin * rng.range(0.25, 0.5) * MINUTE) });
  out.push({ state: 'cleared', at: toSecond(at + lifeMin * MINUTE) });
  return out;
}

const SECTOR_MIX = LIFELINE_SECTOR_IDS.map((id) => [id, SECTORS[id].weight] as const);

function randomAlarm(seed: number, opts: LifelineOptions, label: string, at: number): Omit<PlannedAlarm, 'id'> {
  const rng = Rng.derive(seed, 'lifeline', 'alarm', label);
  const sector = rng.weighted(SECTOR_MIX);
  const spec = SECTORS[sector];
  const kindSpec = rng.pick(spec.kinds);
  const units = spec.units ? CENTRAL_UNITS.filter(([u]) => spec.units?.includes(u)) : CENTRAL_UNITS;
  const unitId = rng.weighted(units);
  const level = rng.weighted<LifelineLevel>([['critical', 1], ['major', 3], ['minor', 6]]);
  const life = rng.triangular(5, 16, 70);
  return {
    sector, level, kind: kindSpec.kind, reading: reading(rng, kindSpec), ...placeAlarm(rng, opts, unitId, spec.facility),
    at, transitions: clearingTransitions(rng, at, life), caseId: null,
  };
}

/** Minutes from the recording's start of the scripted gas story (seconds included: not on a snapshot tick). */
const GAS_STORY = {
  raised: 6 * MINUTE + 12_000,
  steps: [
    { stage: 'discover', at: 7 * MINUTE + 35_000 },
    { stage: 'register', at: 8 * MINUTE + 40_000 },
    { stage: 'dispatch', at: 9 * MINUTE + 50_000 },
    { stage: 'handle', at: 13 * MINUTE + 5_000 },
    { stage: 'verify', at: 21 * MINUTE + 30_000 },
    { stage: 'close', at: 26 * MINUTE + 45_000 },
  ],
} as const;

/** The repeated drainage alarms at one inspection well, minutes from the start. */
const DRAINAGE_REPEATS_MIN = [-48, -22, 9, 21] as const;

function planAlarms(seed: number, start: number, end: number, opts: LifelineOptions): { alarms: PlannedAlarm[]; gas: PlannedAlarm } {
  const rng = Rng.derive(seed, 'lifeline', 'plan');
  const planned: Omit<PlannedAlarm, 'id'>[] = [];

  // Raised in the two hours before the recording: most cleared, some still open at the start.
  const before = rng.int(6, 9);
  for (let i = 0; i < before; i += 1) planned.push(randomAlarm(seed, opts, `before-${i}`, toSecond(start - rng.range(3, 115) * MINUTE)));
  // Raised during the recording, away from the scripted gas minute.
  const during = rng.int(8, 11);
  for (let i = 0; i < during; i += 1) {
    let at = toSecond(start + rng.range(0.5, (end - start) / MINUTE - 1.5) * MINUTE);
    if (Math.abs(at - (start + GAS_STORY.raised)) < 1.5 * MINUTE) at += 3 * MINUTE;
    planned.push(randomAlarm(seed, opts, `during-${i}`, at));
  }

  // The drainage well that keeps overflowing: same place, short-lived alarms.
  const wellRng = Rng.derive(seed, 'lifeline', 'drainage-well');
  const well = placeAlarm(wellRng, opts, 'wujiagang', SECTORS.drainage.facility);
  for (const m of DRAINAGE_REPEATS_MIN) {
    const at = toSecond(start + m * MINUTE + wellRng.int(0, 50) * 1000);
    planned.push({
      sector: 'drainage', level: 'major', kind: '管网液位超限', reading: { value: roundTo(wellRng.range(1.9, 2.5), 2), unit: 'm' }, ...well,
      at, transitions: clearingTransitions(wellRng, at, wellRng.range(7, 12)), caseId: null,
    });
  }

  // The gas alarm that becomes a work order.
  const gasRng = Rng.derive(seed, 'lifeline', 'gas-story');
  const gasAt = start + GAS_STORY.raised;
  const stepAt = (stage: string): number => start + (GAS_STORY.steps.find((s) => s.stage === stage)?.at ?? 0);
  const gasReading = { value: gasRng.int(24, 32), unit: '%LEL' };
  let gasPlace = placeAlarm(gasRng, opts, 'xiling', SECTORS.gas.facility);
  const manhole = opts.gasManhole?.(gasPlace.lon, gasPlace.lat, (lon, lat) => distanceToRiverKm(opts.river, lon, lat) >= MIN_RIVER_DISTANCE_KM);
  // The place names the manhole's code, so the work order and the facility card point at each other.
  if (manhole) gasPlace = { ...gasPlace, lon: manhole.lon, lat: manhole.lat, place: `${gasPlace.place} ${manhole.code}`.slice(0, 80) };
  const gas: Omit<PlannedAlarm, 'id'> = {
    sector: 'gas', level: 'critical', kind: '可燃气体浓度超限', reading: gasReading,
    ...gasPlace,
    at: gasAt,
    transitions: [
      { state: 'pending', at: gasAt },
      { state: 'ticketed', at: stepAt('discover') },
      { state: 'handling', at: stepAt('handle') },
      { state: 'closed', at: stepAt('close') },
    ],
    caseId: `GAS-${localCompactDate(start)}-001`,
  };
  planned.push(gas);

  // Ids in order of raising, like a sensor platform numbers them.
  const sorted = planned.map((p, i) => ({ p, i })).sort((a, b) => a.p.at - b.p.at || a.i - b.i);
  const alarms = sorted.map(({ p }, n) => ({ ...p, id: `LL${localCompactDate(p.at)}-${String(n + 1).padStart(4, '0')}` }));
  const gasAlarm = alarms.find((a) => a.caseId !== null);
  if (!gasAlarm) throw new Error('gas alarm lost');
  return { alarms, gas: gasAlarm };
}

function stateAt(a: PlannedAlarm, t: number): Transition {
  let cur = a.transitions[0] as Transition;
  for (const tr of a.transitions) if (tr.at <= t) cur = tr;
  return cur;
}

function gasWorkOrder(a: PlannedAlarm, start: number, caseIndex: number): { gasCase: SimCase; gasEvents: CaseEvent[] } {
  const steps: StageStep[] = [];
  let prevDue: number | null = null;
  for (const { stage, at: offset } of GAS_STORY.steps) {
    const at = start + offset;
    const overdue = prevDue !== null && at > prevDue;
    const dueAt = stage === 'close' ? at : toSecond(addWorkingTime(at, stepTiming(stage, 'sensor', 'lifeline').limit, stepTiming(stage, 'sensor', 'lifeline').calendar));
    steps.push({ stage, at, dueAt, overdue });
    prevDue = dueAt;
  }
  const caseId = a.caseId as string;
  const gasCase: SimCase = { id: caseId, index: caseIndex, channel: 'sensor', unitId: a.unitId, category: 'lifeline', steps };
  const description = `城市生命线燃气监测：${a.place}可燃气体浓度${a.reading?.value ?? ''}%LEL，超过一级报警阈值，系统自动推送运管服平台。`;
  const gasEvents = steps.map((s): CaseEvent => {
    const i = STAGE_IDS.indexOf(s.stage);
    return {
      caseId,
      stage: s.stage,
      prevStage: i === 0 ? null : (STAGE_IDS[i - 1] ?? null),
      at: s.at,
      unitId: a.unitId,
      channel: 'sensor',
      category: 'lifeline',
      lon: a.lon,
      lat: a.lat,
      dueAt: s.dueAt,
      overdue: s.overdue,
      address: a.place,
      description,
    };
  });
  return { gasCase, gasEvents };
}

/** Alarms counted in `alarmsToday` per sector at `t`: those planned today up to t, on top of the earlier ones. */
function sectorFigures(seed: number, alarms: readonly PlannedAlarm[], times: readonly number[], elevatorsOnline?: readonly number[]): LifelineStatus['sectors'][] {
  const first = times[0] ?? 0;
  const dayStart = localDayStart(first);
  const out: LifelineStatus['sectors'][] = times.map(() => []);
  for (const id of LIFELINE_SECTOR_IDS) {
    const spec = SECTORS[id];
    const rng = Rng.derive(seed, 'lifeline', 'sector', id);
    const earlier = rng.int(spec.earlier[0], spec.earlier[1]);
    const mine = alarms.filter((a) => a.sector === id && a.at >= dayStart);
    const drift = Math.max(1, Math.round(spec.sensors * 0.002));
    let online = Math.round(spec.sensors * spec.onlineShare);
    times.forEach((t, m) => {
      if (m > 0) online = Math.min(spec.sensors, Math.max(Math.round(spec.sensors * (spec.onlineShare - 0.01)), online + rng.int(-drift, drift)));
      const fromIndustry = id === 'elevator' ? elevatorsOnline?.[m] : undefined;
      const shown = fromIndustry !== undefined ? Math.min(spec.sensors, fromIndustry) : online;
      const raised = mine.filter((a) => a.at <= t);
      out[m]?.push({
        id,
        sensors: spec.sensors,
        online: shown,
        alarmsToday: earlier + raised.length,
        activeAlarms: raised.filter((a) => isActiveAlarmState(stateAt(a, t).state)).length,
      });
    });
  }
  return out;
}

/** Plan the recording's alarms and the gas work order (once; snapshots are read off the plan). */
export function planLifeline(seed: number, start: number, end: number, opts: LifelineOptions): LifelinePlan {
  const { alarms, gas } = planAlarms(seed, start, end, opts);
  return { alarms, ...gasWorkOrder(gas, start, opts.caseIndex) };
}

/**
 * One snapshot per time. `elevatorsOnline` (在线电梯 per time, from the industry systems) makes the
 * elevator sector agree with the overview.
 */
export function lifelineSnapshots(seed: number, plan: LifelinePlan, times: readonly number[], elevatorsOnline?: readonly number[]): LifelineStatus[] {
  const { alarms, gasCase } = plan;
  const sectors = sectorFigures(seed, alarms, times, elevatorsOnline);
  return times.map((t, m): LifelineStatus => {
    const shown: LifelineAlarm[] = [];
    for (const a of alarms) {
      if (a.at > t) continue;
      const s = stateAt(a, t);
      if (!isActiveAlarmState(s.state) && a.at < t - LIFELINE_ALARM_WINDOW_MS) continue;
      shown.push({
        id: a.id, sector: a.sector, level: a.level, kind: a.kind, reading: a.reading, unitId: a.unitId, place: a.place,
        lon: a.lon, lat: a.lat, at: a.at, state: s.state, stateAt: s.at, caseId: a.caseId !== null && s.state !== 'pending' ? a.caseId : null,
        caseStages: a.caseId === gasCase.id ? gasCase.steps.filter((st) => st.at <= t).map((st) => ({ stage: st.stage, at: st.at })) : [],
      });
    }
    shown.sort((x, y) => y.at - x.at || (x.id < y.id ? 1 : -1));
    return { asOf: t, sectors: sectors[m] ?? [], alarms: shown.slice(0, MAX_LIFELINE_ALARMS) };
  });
}

/** The `lifeline.status` payload moved by `shift` ms into loop `loop` (case ids as on `case.event`). */
export function shiftLifelineStatus(p: LifelineStatus, shift: number, loop: number): LifelineStatus {
  const suffix = (id: string): string => (loop === 0 ? id : `${id}-L${loop}`);
  return {
    ...p,
    asOf: p.asOf + shift,
    alarms: p.alarms.map((a) => ({
      ...a,
      id: suffix(a.id),
      at: a.at + shift,
      stateAt: a.stateAt + shift,
      caseId: a.caseId === null ? null : suffix(a.caseId),
      caseStages: a.caseStages.map((st) => ({ ...st, at: st.at + shift })),
    })),
  };
}
