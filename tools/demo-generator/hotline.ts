/**
 * `hotline.summary`: the 12345 hotline once a minute. Two kinds of call make up a day:
 *
 * - **Case calls**: every `hotline12345` case of the case simulation is a call (answered, since it became a
 *   case), received when the case is discovered, dispatched to its unit when the case reaches 派单, and
 *   called back when it closes (lifecycle.ts: 12345 cases close after a call-back). So the case events of
 *   the recording are, by construction, a subset of the calls, work orders and call-backs counted here.
 * - **Other calls** (consultations, social security, consumer disputes …) simulated here per 5-second
 *   slot with the 12345 hourly profile: merged line, category, topic, answered or not, work order or not.
 *
 * Call-backs of earlier days' other work orders run in office hours at a steady rate. Past days (for the
 * weekly hot topics) use expected counts, except for case calls on days the case simulation covers.
 * Everything counts "strictly before asOf" like the ledger, so every figure only grows during a day.
 */
import { CATEGORY_IDS, UNIT_IDS, type CategoryId, type UnitId } from '../../data-adapters/domain';
import {
  HOTLINE_CATEGORY_IDS,
  HOTLINE_LINE_IDS,
  HOTLINE_TARGET_IDS,
  MAX_HOT_TOPICS,
  type HotlineCategoryId,
  type HotlineDepartmentId,
  type HotlineLineId,
  type HotlineSummary,
  type HotlineTargetId,
} from '../../data-adapters/topics/hotline';
import { DAILY_NOISE, HOURLY_PROFILE, UNIT_WEIGHTS } from './config';
import type { DayLedger } from './ledger';
import { CATEGORY_MIX } from './lifecycle';
import { Rng } from './random';
import { dayVolume, type SimCase } from './simulation';
import { DAY, HOUR, localCompactDate, localDayStart, localWeekday, MINUTE } from './time';

/** Calls per weekday that do not become 数字城管 cases (the case calls come on top: ≈1,180). */
export const OTHER_CALLS_WEEKDAY = 3300;
const OTHER_CALLS_WEEKEND_FACTOR = 0.75;
/** Call-backs per day of earlier days' other work orders, made 08:00–20:00. */
const OTHER_CALLBACKS_PER_DAY = 1050;
const CALLBACK_WINDOW: readonly [number, number] = [8 * HOUR, 20 * HOUR];
const SATISFIED_CASE = 0.93;
const SATISFIED_OTHER = 0.9;
/** Share of callers who dial a topic's old number (12315, 12333 …) instead of 12345. */
const DIAL_OLD_NUMBER = 0.35;
/** Share of a department's work orders that go to a county-level unit's office instead. */
const TO_UNIT_OFFICE = 0.25;
/** Minutes from an answered call to its work order being dispatched. */
const DISPATCH_DELAY_MIN: readonly [number, number] = [3, 35];
/** Chance that an answered call becomes a work order, by category (the rest are settled on the phone). */
const DISPATCH_SHARE: Readonly<Record<HotlineCategoryId, number>> = {
  consult: 0.12,
  complaint: 0.85,
  request: 0.7,
  report: 0.9,
  suggestion: 0.45,
  praise: 0.25,
};

type Mix<T> = readonly (readonly [T, number])[];

interface OtherTopic {
  keyword: string;
  /** Department taking its work orders, or 'unit' for the caller's county-level unit. */
  dept: HotlineDepartmentId | 'unit';
  weight: number;
  /** This week's volume over last week's (a seasonal drift: year-end wages, medical insurance payment period). */
  growth: number;
  /** The merged number a caller with this concern may still dial. */
  line: HotlineLineId;
  categories: Mix<HotlineCategoryId>;
}

const topic = (keyword: string, dept: OtherTopic['dept'], weight: number, growth: number, line: HotlineLineId, categories: Mix<HotlineCategoryId>): OtherTopic => ({
  keyword, dept, weight, growth, line, categories,
});

/** Topics of the other calls (a late-November week: 居民医保 payment period, year-end wage claims, cold snap). */
const OTHER_TOPICS: readonly OtherTopic[] = [
  topic('医保缴费', 'yibao', 9, 1.6, '12345', [['consult', 8], ['request', 2]]),
  topic('社保办理', 'renshe', 8, 1, '12333', [['consult', 9], ['complaint', 1]]),
  topic('欠薪讨薪', 'renshe', 6, 1.4, '12333', [['complaint', 6], ['request', 4]]),
  topic('物业服务', 'zhujian', 8, 1.05, '12319', [['complaint', 7], ['request', 2], ['suggestion', 1]]),
  topic('房屋交付', 'zhujian', 3, 1.15, '12319', [['complaint', 8], ['consult', 2]]),
  topic('消费纠纷', 'shichang', 8, 0.95, '12315', [['complaint', 8], ['report', 2]]),
  topic('预付卡退费', 'shichang', 4, 1.25, '12315', [['complaint', 9], ['consult', 1]]),
  topic('食品安全', 'shichang', 3, 1, '12331', [['report', 6], ['complaint', 4]]),
  topic('产品质量', 'shichang', 2, 0.95, '12365', [['complaint', 7], ['report', 3]]),
  topic('价格收费', 'shichang', 2, 1, '12358', [['report', 6], ['complaint', 4]]),
  topic('公交出行', 'jiaotong', 5, 0.9, '12328', [['suggestion', 4], ['complaint', 4], ['consult', 2]]),
  topic('出租车服务', 'jiaotong', 2, 1, '12328', [['complaint', 8], ['praise', 2]]),
  topic('燃气供应', 'ranqi', 4, 1.35, '12345', [['request', 7], ['consult', 3]]),
  topic('供水问题', 'shuiwu', 4, 0.9, '12345', [['request', 7], ['complaint', 3]]),
  topic('供电问题', 'gongdian', 3, 0.95, '12345', [['request', 7], ['complaint', 3]]),
  topic('环境污染', 'shengtai', 3, 0.9, '12369', [['report', 8], ['complaint', 2]]),
  topic('违法建设', 'ziran', 2, 1, '12336', [['report', 9], ['complaint', 1]]),
  topic('户籍证件', 'gongan', 5, 1, '12345', [['consult', 10]]),
  topic('子女入学', 'jiaoyu', 3, 0.8, '12345', [['consult', 8], ['complaint', 2]]),
  topic('医疗服务', 'weijian', 3, 1.05, '12320', [['complaint', 5], ['consult', 4], ['praise', 1]]),
  topic('公积金提取', 'gongjijin', 4, 1, '12329', [['consult', 10]]),
  topic('纳税缴费', 'tax', 2, 1.1, '12366', [['consult', 10]]),
  topic('法律援助', 'sifa', 2, 1, '12348', [['request', 6], ['consult', 4]]),
  topic('婚姻家庭', 'fulian', 1, 1, '12338', [['request', 7], ['consult', 3]]),
  topic('安全隐患', 'yingji', 2, 1.1, '12350', [['report', 9], ['request', 1]]),
  topic('政策咨询', 'unit', 14, 1, '12345', [['consult', 9], ['suggestion', 1]]),
  topic('表扬感谢', 'unit', 3, 1, '12345', [['praise', 10]]),
];

/** How a city-management case is talked about on the phone. */
const CASE_KEYWORD: Readonly<Record<CategoryId, string>> = {
  environment: '市容环境',
  sanitation: '环卫保洁',
  facility: '市政设施',
  streetvendor: '占道经营',
  parking: '违章停车',
  greenery: '园林绿化',
  construction: '施工扰民',
  noise: '噪音扰民',
  lifeline: '管网隐患',
};
const CASE_CALL_CATEGORIES: Mix<HotlineCategoryId> = [['complaint', 5], ['report', 3], ['request', 2]];
/** Case calls mostly come in on 12345; some callers still dial the old 城建 number. */
const CASE_CALL_LINES: Mix<HotlineLineId> = [['12345', 85], ['12319', 15]];
const UNIT_MIX: Mix<UnitId> = UNIT_IDS.map((id) => [id, UNIT_WEIGHTS[id]] as const);

const SLOTS_PER_HOUR = 720;
const SLOT_MS = HOUR / SLOTS_PER_HOUR;
const PROFILE = HOURLY_PROFILE.hotline12345;
const PROFILE_TOTAL = PROFILE.reduce((a, b) => a + b, 0);
const PROFILE_PEAK = Math.max(...PROFILE);

/** One call of the day (case call or other call), as the counters need it. */
interface Call {
  at: number;
  line: HotlineLineId;
  answered: boolean;
  category: HotlineCategoryId;
  keyword: string;
  /** When its work order was dispatched and to whom; null when none (or not yet known for case calls). */
  dispatchAt: number | null;
  target: HotlineTargetId | null;
}

/** A dispatch of a work order or a call-back, at a time. */
interface Stamp<T> {
  at: number;
  value: T;
}

/** Expected other calls on the local day starting at `dayStart` (weekday/weekend level × daily noise). */
export function otherCallsExpected(seed: number, dayStart: number): number {
  const weekday = localWeekday(dayStart);
  const weekend = weekday === 0 || weekday === 6;
  const noise = 1 + Rng.derive(seed, 'hotline', 'volume', localCompactDate(dayStart)).range(-DAILY_NOISE, DAILY_NOISE);
  return OTHER_CALLS_WEEKDAY * (weekend ? OTHER_CALLS_WEEKEND_FACTOR : 1) * noise;
}

/** Expected calls on a whole day: other calls plus the case model's expected 12345 cases. */
export function expectedCallsPerDay(seed: number, dayStart: number): number {
  return otherCallsExpected(seed, dayStart) + dayVolume(seed, dayStart, 'hotline12345');
}

/** Share of a day's calls made before `msOfDay` ms after local midnight. */
function profileShareUntil(msOfDay: number): number {
  let acc = 0;
  for (let h = 0; h < 24; h += 1) {
    const from = h * HOUR;
    if (msOfDay <= from) break;
    acc += (PROFILE[h] ?? 0) * Math.min(1, (msOfDay - from) / HOUR);
  }
  return acc / PROFILE_TOTAL;
}

/** Picking probability of an answer for a call arriving in `hour`: queues are longest at the peaks. */
function answerChance(hour: number): number {
  return 0.978 - 0.035 * ((PROFILE[hour] ?? 0) / PROFILE_PEAK);
}

/** A topic's weight on a day `offset` days from today (−13 … 0): drifts so this week ≈ growth × last week. */
function topicWeight(t: OtherTopic, offset: number): number {
  return t.weight * t.growth ** ((offset + 10) / 7);
}

function pickTarget(rng: Rng, dept: OtherTopic['dept']): HotlineTargetId {
  if (dept === 'unit' || rng.chance(TO_UNIT_OFFICE)) return rng.weighted(UNIT_MIX);
  return dept;
}

/** Today's other calls, from local midnight until `horizon`. */
function simulateOtherCalls(seed: number, dayStart: number, horizon: number): Call[] {
  const date = localCompactDate(dayStart);
  const arrivals = Rng.derive(seed, 'hotline', 'arrivals', date);
  const attrs = Rng.derive(seed, 'hotline', 'calls', date);
  const volume = otherCallsExpected(seed, dayStart);
  const topicMix: Mix<OtherTopic> = OTHER_TOPICS.map((t) => [t, topicWeight(t, 0)] as const);
  const calls: Call[] = [];
  for (let hour = 0; hour < 24; hour += 1) {
    const p = (volume * (PROFILE[hour] ?? 0)) / PROFILE_TOTAL / SLOTS_PER_HOUR;
    for (let slot = 0; slot < SLOTS_PER_HOUR; slot += 1) {
      const at = dayStart + hour * HOUR + slot * SLOT_MS;
      if (at >= horizon) return calls;
      if (!arrivals.chance(p)) continue;
      // Every call draws the same number of values, so one call's outcome never shifts the next call's.
      const t = attrs.weighted(topicMix);
      const dialledOld = attrs.chance(DIAL_OLD_NUMBER);
      const answered = attrs.chance(answerChance(hour));
      const category = attrs.weighted(t.categories);
      const toOrder = attrs.chance(DISPATCH_SHARE[category]);
      const delay = attrs.int(DISPATCH_DELAY_MIN[0], DISPATCH_DELAY_MIN[1]) * MINUTE;
      const target = pickTarget(attrs, t.dept);
      const ordered = answered && toOrder;
      calls.push({
        at: at + attrs.int(0, SLOT_MS / 1000 - 1) * 1000,
        line: dialledOld ? t.line : '12345',
        answered,
        category,
        keyword: t.keyword,
        dispatchAt: ordered ? at + delay : null,
        target: ordered ? target : null,
      });
    }
  }
  return calls;
}

/** Today's case calls, their work orders (派单 events) and their call-backs (结案 events), from the ledger. */
function caseCalls(seed: number, ledger: DayLedger, dayStart: number) {
  const calls: Call[] = [];
  const dispatches: Stamp<UnitId>[] = [];
  const callbacks: Stamp<boolean>[] = [];
  for (const e of ledger.entries) {
    if (e.channel !== 'hotline12345' || e.at < dayStart) continue;
    if (e.stage === 'discover') {
      const rng = Rng.derive(seed, 'hotline', 'case', e.caseId);
      calls.push({
        at: e.at,
        line: rng.weighted(CASE_CALL_LINES),
        answered: true,
        category: rng.weighted(CASE_CALL_CATEGORIES),
        keyword: CASE_KEYWORD[e.category],
        dispatchAt: null,
        target: null,
      });
    } else if (e.stage === 'dispatch') {
      dispatches.push({ at: e.at, value: e.unitId });
    } else if (e.stage === 'close') {
      callbacks.push({ at: e.at, value: Rng.derive(seed, 'hotline', 'callback', e.caseId).chance(SATISFIED_CASE) });
    }
  }
  return { calls, dispatches, callbacks };
}

/** Call-backs of earlier days' other work orders, office hours, one Bernoulli trial per slot. */
function otherCallbacks(seed: number, dayStart: number, horizon: number): Stamp<boolean>[] {
  const rng = Rng.derive(seed, 'hotline', 'callbacks', localCompactDate(dayStart));
  const [open, close] = CALLBACK_WINDOW;
  const p = OTHER_CALLBACKS_PER_DAY / ((close - open) / SLOT_MS);
  const out: Stamp<boolean>[] = [];
  for (let at = dayStart + open; at < dayStart + close && at < horizon; at += SLOT_MS) {
    const made = rng.chance(p);
    const satisfied = rng.chance(SATISFIED_OTHER);
    if (made) out.push({ at, value: satisfied });
  }
  return out;
}

/** Hot-topic counts of one past day (all of it, or up to `untilMsOfDay`), from expected volumes. */
function pastDayTopics(seed: number, cases: readonly SimCase[], dayStart: number, offset: number, untilMsOfDay: number, into: Map<string, number>): void {
  const share = profileShareUntil(untilMsOfDay);
  const answered = otherCallsExpected(seed, dayStart) * 0.96 * share;
  const weights = OTHER_TOPICS.map((t) => topicWeight(t, offset));
  const total = weights.reduce((a, b) => a + b, 0);
  const date = localCompactDate(dayStart);
  OTHER_TOPICS.forEach((t, i) => {
    const noise = Rng.derive(seed, 'hotline', 'topic', t.keyword, date).range(0.9, 1.1);
    add(into, t.keyword, Math.round((answered * (weights[i] ?? 0) * noise) / total));
  });
  // Case calls: counted from the case simulation where it covers the day, else expected from the case model.
  const until = dayStart + untilMsOfDay;
  const covered = cases.some((c) => (c.steps[0]?.at ?? Infinity) < dayStart + DAY && (c.steps[0]?.at ?? -Infinity) >= dayStart);
  if (covered) {
    for (const c of cases) {
      const d = c.steps[0];
      if (c.channel === 'hotline12345' && d && d.at >= dayStart && d.at < until) add(into, CASE_KEYWORD[c.category], 1);
    }
  } else {
    const expected = dayVolume(seed, dayStart, 'hotline12345') * share;
    const mix = CATEGORY_MIX.hotline12345;
    const mixTotal = mix.reduce((a, [, w]) => a + w, 0);
    for (const [category, w] of mix) add(into, CASE_KEYWORD[category], Math.round((expected * w) / mixTotal));
  }
}

function add<K>(m: Map<K, number>, key: K, n: number): void {
  m.set(key, (m.get(key) ?? 0) + n);
}

function countBefore<T>(items: readonly T[], at: (x: T) => number, t: number): T[] {
  return items.filter((x) => at(x) < t);
}

/** The hotline summaries at `times` (one local day: the recording never crosses midnight). */
export function buildHotline(seed: number, cases: readonly SimCase[], ledger: DayLedger, times: readonly number[]): HotlineSummary[] {
  const first = times[0];
  const last = times[times.length - 1];
  if (first === undefined || last === undefined) return [];
  const dayStart = localDayStart(first);
  if (localDayStart(last) !== dayStart) throw new Error('hotline: the snapshot times must fall on one local day');

  const fromCases = caseCalls(seed, ledger, dayStart);
  const calls = [...simulateOtherCalls(seed, dayStart, last), ...fromCases.calls];
  const dispatches: Stamp<HotlineTargetId>[] = [
    ...calls.flatMap((c) => (c.dispatchAt !== null && c.target !== null ? [{ at: c.dispatchAt, value: c.target }] : [])),
    ...fromCases.dispatches,
  ];
  const callbacks = [...otherCallbacks(seed, dayStart, last), ...fromCases.callbacks];

  // The finished days of both weeks do not move during the recording: count them once.
  const thisWeekPast = new Map<string, number>();
  const lastWeekFull = new Map<string, number>();
  for (let offset = -13; offset <= -1; offset += 1) {
    if (offset === -7) continue; // the day a week ago is counted up to the snapshot's time of day
    pastDayTopics(seed, cases, dayStart + offset * DAY, offset, DAY, offset >= -6 ? thisWeekPast : lastWeekFull);
  }

  return times.map((asOf) => {
    const todays = countBefore(calls, (c) => c.at, asOf);
    const answered = todays.filter((c) => c.answered);
    const sent = countBefore(dispatches, (d) => d.at, asOf);
    const backs = countBefore(callbacks, (b) => b.at, asOf);

    const hours = Math.floor((asOf - dayStart) / HOUR) + 1;
    const hourlyReceived = new Array<number>(hours).fill(0);
    const hourlyAnswered = new Array<number>(hours).fill(0);
    for (const c of todays) {
      const h = Math.floor((c.at - dayStart) / HOUR);
      hourlyReceived[h] = (hourlyReceived[h] ?? 0) + 1;
      if (c.answered) hourlyAnswered[h] = (hourlyAnswered[h] ?? 0) + 1;
    }

    const byLine = new Map<HotlineLineId, number>();
    for (const c of todays) add(byLine, c.line, 1);
    const byCategory = new Map<HotlineCategoryId, number>();
    for (const c of answered) add(byCategory, c.category, 1);
    const byTarget = new Map<HotlineTargetId, number>();
    for (const d of sent) add(byTarget, d.value, 1);

    const week = new Map(thisWeekPast);
    for (const c of answered) add(week, c.keyword, 1);
    const previous = new Map(lastWeekFull);
    pastDayTopics(seed, cases, dayStart - 7 * DAY, -7, asOf - dayStart, previous);
    const keywords = [...week.keys()];
    const hotTopics = keywords
      .map((keyword, order) => ({ keyword, count: week.get(keyword) ?? 0, previous: previous.get(keyword) ?? 0, order }))
      .sort((a, b) => b.count - a.count || a.order - b.order)
      .slice(0, MAX_HOT_TOPICS)
      .map(({ keyword, count, previous: prev }) => ({ keyword, count, previous: prev }));

    return {
      asOf,
      today: {
        received: todays.length,
        answered: answered.length,
        dispatched: sent.length,
        calledBack: backs.length,
        satisfied: backs.filter((b) => b.value).length,
      },
      hourly: { hourStart: dayStart, received: hourlyReceived, answered: hourlyAnswered },
      lines: HOTLINE_LINE_IDS.map((id) => ({ id, received: byLine.get(id) ?? 0 })),
      categories: HOTLINE_CATEGORY_IDS.map((id) => ({ id, received: byCategory.get(id) ?? 0 })),
      targets: HOTLINE_TARGET_IDS.filter((id) => byTarget.has(id)).map((id) => ({ id, dispatched: byTarget.get(id) ?? 0 })),
      hotTopics,
    } satisfies HotlineSummary;
  });
}

/** Every keyword the generator may send (for tests: all fit the schema's cap). */
export const HOTLINE_KEYWORDS: readonly string[] = [...OTHER_TOPICS.map((t) => t.keyword), ...CATEGORY_IDS.map((c) => CASE_KEYWORD[c])];
