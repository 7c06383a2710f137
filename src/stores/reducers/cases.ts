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
 * - A case is overdue (超期) from the first deadline it is known to miss until it closes: an event that says
 *   it entered its stage late, or its current stage's deadline passing on the data clock (checked as
 *   events advance it). Cases already overdue at the baseline are in its count; those its `overdueCases`
 *   lists are followed from the baseline on (listed, by unit, escalated; their events continue them).
 *   An unseen case whose first event shows it was past its deadline at the baseline is in that count
 *   too (so it is not counted again, and its close takes one off it).
 * - 督办升级 (escalated): an open case that has missed the deadlines of at least two stages, or is more than
 *   ESCALATION_LATE_MS past one deadline (finished late by that much, or still waiting that long). The
 *   wall can only say this of cases it has followed or whose event carries `prevDueAt`: figures by unit,
 *   escalations and the alert list cover cases the baseline lists or seen since, not a bare count.
 * - Dwell times (how long a case stayed in a stage) are measured from each transition since the baseline
 *   (today): from `prevAt` when the event carries it, else from the entry the wall saw itself.
 * - "Today" is the calendar day in China Standard Time; an event on a later day rolls the 7-day trend.
 * - Folding a list of messages in one batch gives the same state as folding them one by one: deadline
 *   checks run after every event, at the newest data time, whatever the batching.
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
import type { BaselineOverdueCase, CaseEvent, CasesBaseline, Message } from '../../../data-adapters/schemas';
import { addDwell, EMPTY_DWELL_SUMMARY, emptyTally, summarize, type DwellSummary, type DwellTally } from './dwell';
import { cstDate, nextDate } from './time';

export const TICKER_CAPACITY = 50;
export const PING_CAPACITY = 300;
/** 督办升级 threshold: more than this past a stage's deadline (on top of the "two stages late" rule). */
export const ESCALATION_LATE_MS = 2 * 3600_000;
/**
 * Open cases followed individually (stage, deadline, lateness). A city has a few thousand open at most;
 * beyond this the least recently updated is forgotten (it stays in the totals, not in the lists).
 */
export const TRACKED_CAPACITY = 5000;
/** Overdue/escalated cases in the alert list, newest first. */
export const ALERT_CAPACITY = 40;

export type OpenStageId = Exclude<StageId, 'close'>;
export const OPEN_STAGE_IDS = STAGE_IDS.filter((s): s is OpenStageId => s !== 'close');

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

/** An open case known to be overdue, for the alert list (plain data; the binding words it). */
export interface CaseAlert {
  caseId: string;
  unitId: UnitId;
  category: CategoryId;
  /** Untrusted: render as text only. */
  address: string;
  /** Where the case is (decision support clusters overdue cases by place). */
  lon: number;
  lat: number;
  /** When it became overdue (the missed deadline), or when it was escalated: what the list sorts by. */
  since: number;
  escalated: boolean;
  /** How late it is, as of the newest data time: the worst known overrun of a stage, whole minutes. */
  lateMinutes: number;
}

/** Internal per-case record of an open case the wall follows. */
interface TrackedCase {
  caseId: string;
  unitId: UnitId;
  category: CategoryId;
  address: string;
  lon: number;
  lat: number;
  stage: StageId;
  enteredAt: number;
  dueAt: number;
  /** Missed a deadline at some point (then it is in overdueOpen and overdueByUnit). */
  overdue: boolean;
  overdueSince: number;
  /** Stages whose deadline it is known to have missed. */
  lateStages: number;
  /** The current stage's deadline has passed (already counted in lateStages). */
  currentLate: boolean;
  /** Largest known overrun of a finished stage (ms). */
  worstLateMs: number;
  escalatedAt: number | null;
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
  /** Open overdue cases known individually (seen since the baseline), by unit. */
  overdueByUnit: Record<UnitId, number>;
  /** Open escalated (督办升级) cases, in all and by unit; known individually, like overdueByUnit. */
  escalatedOpen: number;
  escalatedByUnit: Record<UnitId, number>;
  /** Overdue and escalated open cases, newest first, at most ALERT_CAPACITY. Same array while unchanged. */
  alerts: CaseAlert[];
  /** Dwell time of each stage over today's transitions since the baseline. Same object while unchanged. */
  dwell: Record<OpenStageId, DwellSummary>;
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
  /** Ids of the followed cases that are overdue. */
  overdueIds: Set<string>;
  /** Open cases followed individually, least recently updated first (bounded by TRACKED_CAPACITY). */
  tracked: Map<string, TrackedCase>;
  dwellTallies: Record<OpenStageId, DwellTally>;
  /** Earliest data time at which a followed case turns late or escalates without an event (∞ if none). */
  nextDeadline: number;
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

function emptyDwell(): Record<OpenStageId, DwellSummary> {
  const out = {} as Record<OpenStageId, DwellSummary>;
  for (const id of OPEN_STAGE_IDS) out[id] = EMPTY_DWELL_SUMMARY;
  return out;
}

function emptyTallies(): Record<OpenStageId, DwellTally> {
  const out = {} as Record<OpenStageId, DwellTally>;
  for (const id of OPEN_STAGE_IDS) out[id] = emptyTally();
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
    overdueByUnit: zeros(UNIT_IDS),
    escalatedOpen: 0,
    escalatedByUnit: zeros(UNIT_IDS),
    alerts: [],
    dwell: emptyDwell(),
    trend: [],
    ticker: [],
    pings: [],
    lastDataTime: null,
    duplicates: 0,
    superseded: 0,
    seen: new Set(),
    overdueIds: new Set(),
    tracked: new Map(),
    dwellTallies: emptyTallies(),
    nextDeadline: Infinity,
  };
}

/** What one batch touched, so unchanged outputs keep their identity (narrow reactivity downstream). */
interface BatchMarks {
  byUnitCopied: boolean;
  dwellDirty: Set<OpenStageId>;
  alertsDirty: boolean;
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

/** Forget everything followed since the previous baseline (a baseline is the whole truth as of asOf). */
function resetFollowed(s: CasesState, marks: BatchMarks): void {
  s.overdueByUnit = zeros(UNIT_IDS);
  s.escalatedByUnit = zeros(UNIT_IDS);
  marks.byUnitCopied = true;
  s.escalatedOpen = 0;
  s.overdueIds = new Set();
  s.tracked = new Map();
  s.nextDeadline = Infinity;
  marks.alertsDirty = true;
  resetDwell(s, marks);
}

function resetDwell(s: CasesState, marks: BatchMarks): void {
  s.dwellTallies = emptyTallies();
  for (const id of OPEN_STAGE_IDS) marks.dwellDirty.add(id);
}

function applyBaseline(s: CasesState, b: CasesBaseline, marks: BatchMarks): void {
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
  s.seen = new Set();
  resetFollowed(s, marks);
  s.lastDataTime = Math.max(s.lastDataTime ?? 0, b.asOf);
  for (const o of b.overdueCases ?? []) followBaselineOverdue(s, marks, o, b.asOf);
}

/** Follow a case the baseline lists as overdue; it is already in the baseline's overdueOpen. */
function followBaselineOverdue(s: CasesState, marks: BatchMarks, o: BaselineOverdueCase, asOf: number): void {
  if (s.tracked.has(o.caseId) || s.tracked.size >= TRACKED_CAPACITY) return;
  const c: TrackedCase = {
    caseId: o.caseId, unitId: o.unitId, category: o.category, address: o.address, lon: o.lon, lat: o.lat,
    stage: o.stage, enteredAt: o.enteredAt, dueAt: o.dueAt,
    overdue: false, overdueSince: o.dueAt, lateStages: o.lateStages, currentLate: true, worstLateMs: 0, escalatedAt: null,
  };
  s.tracked.set(o.caseId, c);
  markOverdue(s, marks, c, o.dueAt, true);
  // When an earlier stage ran late is not in the baseline: the current deadline stands in for it.
  if (o.lateStages >= 2) escalate(s, marks, c, o.dueAt);
  else if (asOf > o.dueAt + ESCALATION_LATE_MS) escalate(s, marks, c, o.dueAt + ESCALATION_LATE_MS);
  s.nextDeadline = Math.min(s.nextDeadline, nextDeadlineOf(c));
}

/** Move "today" forward to `date`, shifting the 7-day trend and zeroing the day's counters. */
function rollTo(s: CasesState, date: string, marks: BatchMarks): void {
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
  resetDwell(s, marks);
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

function bumpUnit(s: CasesState, marks: BatchMarks, which: 'overdueByUnit' | 'escalatedByUnit', unit: UnitId, by: 1 | -1): void {
  if (!marks.byUnitCopied) {
    s.overdueByUnit = { ...s.overdueByUnit };
    s.escalatedByUnit = { ...s.escalatedByUnit };
    marks.byUnitCopied = true;
  }
  s[which][unit] = Math.max(0, s[which][unit] + by);
}

/** Whether an unseen case's first event shows it was already overdue at the baseline (so in its count). */
function inBaselineCount(s: CasesState, e: CaseEvent): boolean {
  if (s.baselineAsOf === null || e.prevStage === null || !e.overdue) return false;
  return e.prevDueAt === undefined || e.prevDueAt < s.baselineAsOf;
}

/** `counted`: already in overdueOpen (the baseline's count). */
function markOverdue(s: CasesState, marks: BatchMarks, c: TrackedCase, since: number, counted: boolean): void {
  if (c.overdue) return;
  c.overdue = true;
  c.overdueSince = since;
  if (!counted) s.overdueOpen += 1;
  s.overdueIds.add(c.caseId);
  bumpUnit(s, marks, 'overdueByUnit', c.unitId, 1);
  marks.alertsDirty = true;
}

function escalate(s: CasesState, marks: BatchMarks, c: TrackedCase, at: number): void {
  if (c.escalatedAt !== null) return;
  c.escalatedAt = at;
  s.escalatedOpen += 1;
  bumpUnit(s, marks, 'escalatedByUnit', c.unitId, 1);
  marks.alertsDirty = true;
}

/** Forget a followed case (closed, or pushed out by the capacity): its unit figures go with it. */
function release(s: CasesState, marks: BatchMarks, c: TrackedCase): void {
  s.tracked.delete(c.caseId);
  if (c.overdue) {
    s.overdueIds.delete(c.caseId);
    bumpUnit(s, marks, 'overdueByUnit', c.unitId, -1);
    marks.alertsDirty = true;
  }
  if (c.escalatedAt !== null) {
    s.escalatedOpen = Math.max(0, s.escalatedOpen - 1);
    bumpUnit(s, marks, 'escalatedByUnit', c.unitId, -1);
  }
}

/** Next data time at which `c` changes without an event: its deadline, then the escalation threshold. */
function nextDeadlineOf(c: TrackedCase): number {
  if (!c.currentLate) return c.dueAt;
  return c.escalatedAt === null ? c.dueAt + ESCALATION_LATE_MS : Infinity;
}

/** Cases whose deadline (or escalation threshold) passed by `now` without an event: strictly after it. */
function checkDeadlines(s: CasesState, marks: BatchMarks, now: number): void {
  if (!(now > s.nextDeadline)) return;
  let next = Infinity;
  for (const c of s.tracked.values()) {
    if (!c.currentLate && now > c.dueAt) {
      c.currentLate = true;
      c.lateStages += 1;
      markOverdue(s, marks, c, c.dueAt, false);
      if (c.lateStages >= 2) escalate(s, marks, c, c.dueAt);
    }
    if (c.currentLate && now > c.dueAt + ESCALATION_LATE_MS) escalate(s, marks, c, c.dueAt + ESCALATION_LATE_MS);
    next = Math.min(next, nextDeadlineOf(c));
  }
  s.nextDeadline = next;
}

/** Follow a case into `e.stage`. Returns true when this event made it overdue (a ticker item). */
function follow(s: CasesState, marks: BatchMarks, e: CaseEvent): boolean {
  let c = s.tracked.get(e.caseId);
  const known = c !== undefined && c.stage === e.prevStage;
  const prevDue = e.prevDueAt ?? (known ? c?.dueAt : undefined);
  let newlyOverdue = false;
  if (c) {
    s.tracked.delete(e.caseId); // re-insert below: the map stays ordered by last update
  } else {
    c = {
      caseId: e.caseId, unitId: e.unitId, category: e.category, address: e.address, lon: e.lon, lat: e.lat,
      stage: e.stage, enteredAt: e.at, dueAt: e.dueAt,
      overdue: false, overdueSince: e.at, lateStages: 0, currentLate: false, worstLateMs: 0, escalatedAt: null,
    };
    if (inBaselineCount(s, e)) markOverdue(s, marks, c, prevDue ?? e.at, true);
  }
  s.tracked.set(e.caseId, c);
  if (e.prevStage !== null && e.overdue) {
    if (!(known && c.currentLate)) c.lateStages += 1;
    if (prevDue !== undefined) c.worstLateMs = Math.max(c.worstLateMs, e.at - prevDue);
    if (!c.overdue) {
      markOverdue(s, marks, c, prevDue ?? e.at, false);
      newlyOverdue = true;
    }
    if (c.lateStages >= 2) escalate(s, marks, c, prevDue ?? e.at);
    else if (prevDue !== undefined && c.worstLateMs > ESCALATION_LATE_MS) escalate(s, marks, c, prevDue + ESCALATION_LATE_MS);
  }
  c.stage = e.stage;
  c.enteredAt = e.at;
  c.dueAt = e.dueAt;
  c.currentLate = false;
  if (c.overdue) marks.alertsDirty = true;
  s.nextDeadline = Math.min(s.nextDeadline, nextDeadlineOf(c));
  const oldest = s.tracked.size > TRACKED_CAPACITY ? s.tracked.values().next().value : undefined;
  if (oldest) release(s, marks, oldest);
  return newlyOverdue;
}

/** A dwell sample for the stage the case left, when its entry time is known. */
function measureDwell(s: CasesState, marks: BatchMarks, e: CaseEvent): void {
  if (e.prevStage === null || e.prevStage === 'close') return;
  const c = s.tracked.get(e.caseId);
  const enteredAt = e.prevAt ?? (c && c.stage === e.prevStage ? c.enteredAt : undefined);
  if (enteredAt !== undefined && addDwell(s.dwellTallies[e.prevStage], e.at - enteredAt)) marks.dwellDirty.add(e.prevStage);
}

function applyEvent(s: CasesState, e: CaseEvent, backfill: boolean, marks: BatchMarks): void {
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
  if (s.today === null || day > s.today) rollTo(s, day, marks);
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
  measureDwell(s, marks, e);

  let kind: TickerKind | null = e.prevStage === null ? 'discover' : null;
  if (e.stage === 'close') {
    s.closedToday += 1;
    s.cumulativeHandled += 1;
    s.stageCounts.close = s.closedToday;
    if (today) today.closed += 1;
    const c = s.tracked.get(e.caseId);
    if (c) {
      if (c.overdue) s.overdueOpen = Math.max(0, s.overdueOpen - 1);
      release(s, marks, c);
    } else if (inBaselineCount(s, e)) {
      s.overdueOpen = Math.max(0, s.overdueOpen - 1);
    }
    kind = 'close';
  } else {
    s.stageCounts[e.stage] += 1;
    if (follow(s, marks, e)) kind = 'overdue';
  }
  if (kind) pushBounded(s.ticker, tickerItem(e, kind, backfill), TICKER_CAPACITY);
  checkDeadlines(s, marks, s.lastDataTime);
}

function alertOf(c: TrackedCase, now: number): CaseAlert {
  const running = c.currentLate ? now - c.dueAt : 0;
  return {
    caseId: c.caseId,
    unitId: c.unitId,
    category: c.category,
    address: c.address,
    lon: c.lon,
    lat: c.lat,
    since: c.escalatedAt ?? c.overdueSince,
    escalated: c.escalatedAt !== null,
    lateMinutes: Math.floor(Math.max(c.worstLateMs, running, 0) / 60_000),
  };
}

function sameAlerts(a: readonly CaseAlert[], b: readonly CaseAlert[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return y !== undefined && x.caseId === y.caseId && x.since === y.since && x.escalated === y.escalated && x.lateMinutes === y.lateMinutes;
  });
}

/** Newest first: escalations and new overdue cases at the top; ties by case id for a stable order. */
function buildAlerts(s: CasesState): CaseAlert[] {
  const now = s.lastDataTime ?? 0;
  const all: CaseAlert[] = [];
  for (const id of s.overdueIds) {
    const c = s.tracked.get(id);
    if (c) all.push(alertOf(c, now));
  }
  all.sort((a, b) => b.since - a.since || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return all.slice(0, ALERT_CAPACITY);
}

function finishBatch(s: CasesState, marks: BatchMarks): void {
  if (marks.dwellDirty.size > 0) {
    const dwell = { ...s.dwell };
    for (const id of marks.dwellDirty) dwell[id] = summarize(s.dwellTallies[id]);
    s.dwell = dwell;
  }
  // A listed case still waiting past its deadline gets later with the clock: re-list while any are listed.
  if (marks.alertsDirty || s.alerts.length > 0) {
    const next = buildAlerts(s);
    if (!sameAlerts(next, s.alerts)) s.alerts = next;
  }
}

/** Fold one batch. Messages on other topics pass through untouched; returns `prev` if nothing applied. */
export function reduceCases(prev: CasesState, batch: readonly Message[], backfill: boolean): CasesState {
  let s: CasesState | null = null;
  const marks: BatchMarks = { byUnitCopied: false, dwellDirty: new Set(), alertsDirty: false };
  for (const m of batch) {
    if (m.topic === 'cases.baseline') {
      s ??= copyForBatch(prev);
      applyBaseline(s, m.payload, marks);
    } else if (m.topic === 'case.event') {
      s ??= copyForBatch(prev);
      applyEvent(s, m.payload, backfill, marks);
    }
  }
  if (s) finishBatch(s, marks);
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
