/**
 * Folds `cases.baseline` and `case.event` messages into the figures of the wall. Pure: a batch in, a new
 * state out (the previous state is not modified), so a store can swap one shallowRef per batch.
 *
 * Contracts the figures rely on:
 * - The baseline is the truth as of `asOf`; events at or before `asOf` are already in it and are ignored.
 * - A case enters the loop with `prevStage === null` (normally `stage: 'discover'`): one more case today.
 * - A transition moves one case from `prevStage` to `stage`; reaching `close` adds one to today's and to
 *   the cumulative closes. `stageCounts.close` is therefore "closed today", not "open at close".
 * - The same (caseId, stage) twice is a duplicate and is dropped (a source may redeliver on reconnect).
 * - A case is overdue (超期) from the first event that says so until it closes. Cases already overdue at
 *   the baseline are only known by count: a late close of an unseen case takes one off that count.
 * - "Today" is the calendar day in China Standard Time; an event on a later day rolls the 7-day trend.
 */
import {
  CATEGORIES,
  CATEGORY_IDS,
  CHANNELS,
  CHANNEL_IDS,
  STAGE_IDS,
  UNITS,
  UNIT_IDS,
  type CategoryId,
  type ChannelId,
  type StageId,
  type UnitId,
} from '../../../data-adapters/domain';
import type { CaseEvent, CasesBaseline, Message } from '../../../data-adapters/schemas';
import { cstDate, nextDate } from './time';

export const TICKER_CAPACITY = 50;
export const PING_CAPACITY = 300;

export type TickerKind = 'discover' | 'close' | 'overdue';

export interface TickerItem {
  /** Stable key: caseId + stage. */
  key: string;
  kind: TickerKind;
  at: number;
  unitId: UnitId;
  unit: string;
  channel: string;
  category: string;
  /** Untrusted citizen text: render with text interpolation only. */
  address: string;
  description: string;
  /** Arrived in a backfill (seek/loop): shown without an entrance animation. */
  backfill: boolean;
}

export interface Ping {
  id: string;
  lon: number;
  lat: number;
  /** Data-clock epoch ms of the discovery. */
  at: number;
  channel: ChannelId;
}

export interface TrendDay {
  date: string;
  received: number;
  closed: number;
}

export interface CasesState {
  baselineAsOf: number | null;
  /** Current calendar day (CST), 'YYYY-MM-DD'; null until a baseline or an event sets it. */
  today: string | null;
  todayByUnit: Record<UnitId, number>;
  todayByChannel: Record<ChannelId, number>;
  /** Only events since the baseline carry a category: this counts those, not the whole day. */
  byCategorySinceBaseline: Record<CategoryId, number>;
  closedToday: number;
  cumulativeHandled: number;
  /** Open cases at each stage; `close` holds today's closes. */
  stageCounts: Record<StageId, number>;
  overdueOpen: number;
  /** 7 days, oldest first, last is today. Empty until a baseline arrives. */
  trend: TrendDay[];
  /** Newest last, at most TICKER_CAPACITY. */
  ticker: TickerItem[];
  /** Newest last, at most PING_CAPACITY. */
  pings: Ping[];
  /** Data time of the newest message folded in (baseline asOf or event at); for the stale marks. */
  lastDataTime: number | null;
  duplicates: number;
  /** Events older than the baseline (already counted in it). */
  superseded: number;
  /** Internal bookkeeping; never rendered. Shared between successive states (append-only per state). */
  seen: Set<string>;
  overdueIds: Set<string>;
}

function zeros<K extends string>(ids: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const id of ids) out[id] = 0;
  return out;
}

function fill<K extends string>(ids: readonly K[], from: Partial<Record<K, number>>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const id of ids) out[id] = from[id] ?? 0;
  return out;
}

export function emptyCasesState(): CasesState {
  return {
    baselineAsOf: null,
    today: null,
    todayByUnit: zeros(UNIT_IDS),
    todayByChannel: zeros(CHANNEL_IDS),
    byCategorySinceBaseline: zeros(CATEGORY_IDS),
    closedToday: 0,
    cumulativeHandled: 0,
    stageCounts: zeros(STAGE_IDS),
    overdueOpen: 0,
    trend: [],
    ticker: [],
    pings: [],
    lastDataTime: null,
    duplicates: 0,
    superseded: 0,
    seen: new Set(),
    overdueIds: new Set(),
  };
}

const UNIT_SHORT = new Map<string, string>(UNITS.map((u) => [u.id, u.short]));
const CHANNEL_NAME = new Map<string, string>(CHANNELS.map((c) => [c.id, c.name]));
const CATEGORY_NAME = new Map<string, string>(CATEGORIES.map((c) => [c.id, c.name]));

/** Copy everything a batch may write, once per batch (records are tiny; rings are bounded). */
function copyForBatch(s: CasesState): CasesState {
  return {
    ...s,
    todayByUnit: { ...s.todayByUnit },
    todayByChannel: { ...s.todayByChannel },
    byCategorySinceBaseline: { ...s.byCategorySinceBaseline },
    stageCounts: { ...s.stageCounts },
    trend: s.trend.map((d) => ({ ...d })),
    ticker: s.ticker.slice(),
    pings: s.pings.slice(),
  };
}

function applyBaseline(s: CasesState, b: CasesBaseline): void {
  if (s.baselineAsOf !== null && b.asOf < s.baselineAsOf) {
    s.superseded += 1;
    return;
  }
  s.baselineAsOf = b.asOf;
  s.today = cstDate(b.asOf);
  s.todayByUnit = fill(UNIT_IDS, b.todayByUnit);
  s.todayByChannel = fill(CHANNEL_IDS, b.todayByChannel);
  s.byCategorySinceBaseline = zeros(CATEGORY_IDS);
  s.closedToday = b.closedToday;
  s.cumulativeHandled = b.cumulativeHandled;
  s.stageCounts = fill(STAGE_IDS, b.openByStage);
  s.stageCounts.close = b.closedToday;
  s.overdueOpen = b.overdueOpen;
  s.trend = b.trend.map((d) => ({ ...d }));
  s.overdueIds = new Set();
  s.seen = new Set();
  s.lastDataTime = Math.max(s.lastDataTime ?? 0, b.asOf);
}

/** Move "today" forward to `date`, shifting the 7-day trend and zeroing the day's counters. */
function rollTo(s: CasesState, date: string): void {
  if (s.today === null) {
    s.today = date;
    return;
  }
  let guard = 0;
  while (s.today < date && guard++ < 8) {
    const next = nextDate(s.today);
    s.today = next;
    if (s.trend.length > 0) {
      s.trend.shift();
      s.trend.push({ date: next, received: 0, closed: 0 });
    }
  }
  s.today = date;
  s.todayByUnit = zeros(UNIT_IDS);
  s.todayByChannel = zeros(CHANNEL_IDS);
  s.byCategorySinceBaseline = zeros(CATEGORY_IDS);
  s.closedToday = 0;
  s.stageCounts.close = 0;
}

function pushBounded<T>(ring: T[], item: T, capacity: number): void {
  ring.push(item);
  if (ring.length > capacity) ring.splice(0, ring.length - capacity);
}

function tickerItem(e: CaseEvent, kind: TickerKind, backfill: boolean): TickerItem {
  return {
    key: `${e.caseId}:${e.stage}`,
    kind,
    at: e.at,
    unitId: e.unitId,
    unit: UNIT_SHORT.get(e.unitId) ?? e.unitId,
    channel: CHANNEL_NAME.get(e.channel) ?? e.channel,
    category: CATEGORY_NAME.get(e.category) ?? e.category,
    address: e.address,
    description: e.description,
    backfill,
  };
}

function applyEvent(s: CasesState, e: CaseEvent, backfill: boolean): void {
  if (s.baselineAsOf !== null && e.at <= s.baselineAsOf) {
    s.superseded += 1;
    return;
  }
  const key = `${e.caseId}:${e.stage}`;
  if (s.seen.has(key)) {
    s.duplicates += 1;
    return;
  }
  s.seen.add(key);

  const day = cstDate(e.at);
  if (s.today === null || day > s.today) rollTo(s, day);
  s.lastDataTime = Math.max(s.lastDataTime ?? 0, e.at);

  const today = s.trend[s.trend.length - 1];
  if (e.prevStage === null) {
    s.todayByUnit[e.unitId] += 1;
    s.todayByChannel[e.channel] += 1;
    s.byCategorySinceBaseline[e.category] += 1;
    if (today) today.received += 1;
    pushBounded(s.pings, { id: e.caseId, lon: e.lon, lat: e.lat, at: e.at, channel: e.channel }, PING_CAPACITY);
  } else if (e.prevStage !== 'close') {
    s.stageCounts[e.prevStage] = Math.max(0, s.stageCounts[e.prevStage] - 1);
  }

  let kind: TickerKind | null = e.prevStage === null ? 'discover' : null;
  if (e.stage === 'close') {
    s.closedToday += 1;
    s.cumulativeHandled += 1;
    s.stageCounts.close = s.closedToday;
    if (today) today.closed += 1;
    if (s.overdueIds.delete(e.caseId)) s.overdueOpen = Math.max(0, s.overdueOpen - 1);
    else if (e.overdue) s.overdueOpen = Math.max(0, s.overdueOpen - 1);
    kind = 'close';
  } else {
    s.stageCounts[e.stage] += 1;
    if (e.overdue && !s.overdueIds.has(e.caseId)) {
      s.overdueIds.add(e.caseId);
      s.overdueOpen += 1;
      kind = 'overdue';
    }
  }
  if (kind) pushBounded(s.ticker, tickerItem(e, kind, backfill), TICKER_CAPACITY);
}

/** Fold one batch. Messages on other topics pass through untouched; returns `prev` if nothing applied. */
export function reduceCases(prev: CasesState, batch: readonly Message[], backfill: boolean): CasesState {
  let s: CasesState | null = null;
  for (const m of batch) {
    if (m.topic === 'cases.baseline') {
      s ??= copyForBatch(prev);
      applyBaseline(s, m.payload);
    } else if (m.topic === 'case.event') {
      s ??= copyForBatch(prev);
      applyEvent(s, m.payload, backfill);
    }
  }
  return s ?? prev;
}

// ---- selectors (pure, over a state) ----

export function sum(rec: Record<string, number>): number {
  let t = 0;
  for (const v of Object.values(rec)) t += v;
  return t;
}

export function casesToday(s: CasesState): number {
  return sum(s.todayByUnit);
}

/** Open cases in the loop (every stage except close). */
export function openCases(s: CasesState): number {
  let t = 0;
  for (const id of STAGE_IDS) if (id !== 'close') t += s.stageCounts[id];
  return t;
}
