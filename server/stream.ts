/**
 * The live city as a pure function of time: the demo recording (tools/demo-generator, same seed, same
 * model) looped end to end and shifted onto the real clock.
 *
 *   data time          = originTime + ⌊(realNow − originTime) × speed⌋
 *   loop k, line at t  → envelope time originTime + k·D + t       (D = the recording's 30 minutes)
 *   seq of a topic     = 1-based index of the message in that topic's infinite stream
 *                      = k·c + i + 1 for the i-th line of the topic in loop k (c lines per loop)
 *   epoch              = derived from (seed, originTime) only
 *
 * Nothing here reads a clock or keeps state that time changes: two servers (or one server before and
 * after a restart) with the same seed and origin produce the same envelopes with the same seqs, which
 * is what lets a client resume across a restart with neither a gap nor a duplicate.
 *
 * Loop seams: a snapshot line at t = D (the recording's closing snapshot) is left out, because the next
 * loop's t = 0 snapshot of the same topic stands at the same instant; event lines at t = D are kept.
 * Inside payloads every epoch-ms field is shifted by the loop's offset (asOf, at, dueAt, lastHeartbeat),
 * the baseline's 7-day trend is re-dated to the shifted day, and case ids of loop k ≥ 1 get the suffix
 * `-L<k>` so they stay unique across loops (loop 0 carries the recording's ids unchanged).
 */
import type { FeedEnvelope } from '../data-adapters/feed-contract';
import {
  TOPICS,
  type CaseEvent,
  type CasesBaseline,
  type DataVolumes,
  type IndustrySystems,
  type Topic,
  type UnitRates,
} from '../data-adapters/schemas';
import type { EmergencyStatus } from '../data-adapters/topics/emergency';
import type { DepartmentRates, EvaluationSummary } from '../data-adapters/topics/evaluation';
import type { FacilitiesStatus, FacilityChange } from '../data-adapters/topics/facilities';
import type { FloodStatus } from '../data-adapters/topics/flood';
import type { GuidanceCatalog } from '../data-adapters/topics/guidance';
import type { HotlineSummary } from '../data-adapters/topics/hotline';
import type { ParkingStatus } from '../data-adapters/topics/parking';
import type { SkyeyeStatus } from '../data-adapters/topics/skyeye';
import type { CasesHistory } from '../data-adapters/topics/history';
import type { LifelineStatus } from '../data-adapters/topics/lifeline';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { redateSummary } from '../tools/demo-generator/evaluation';
import { shiftCasesHistory } from '../tools/demo-generator/history';
import { shiftLifelineStatus } from '../tools/demo-generator/lifeline';
import { buildDemoRecording, type DemoRecording } from '../tools/demo-generator/generate';
import { DAY, localDayStart, localIsoDate } from '../tools/demo-generator/time';

export const FEED_TOPICS = Object.keys(TOPICS) as Topic[];
/** Messages per topic the server can still serve (REST ranges, socket catch-up). */
export const DEFAULT_RETAIN = 20_000;
/**
 * Origins before this are refused: shifted heartbeats and trend days must stay valid epoch ms.
 * (Any real clock is far beyond it.)
 */
export const MIN_ORIGIN_TIME = 7 * DAY;

export interface LiveStreamOptions {
  seed?: number;
  /** Epoch ms where real and data time coincide and loop 0 starts. */
  originTime: number;
  /** Data-time compression: data ms per real ms. Default 1. */
  speed?: number;
  /** Messages per topic retained. Default DEFAULT_RETAIN. */
  retain?: number;
}

interface TopicTrack {
  /** Offsets (ms since loop start) of this topic's lines in one loop, non-decreasing. */
  offsets: number[];
  /** The recording's payloads, unshifted. */
  payloads: unknown[];
}

const recordings = new Map<number, DemoRecording>();
/** The demo recording for a seed, built once per process (building takes a couple of seconds). */
export function demoRecording(seed: number): DemoRecording {
  let rec = recordings.get(seed);
  if (!rec) {
    rec = buildDemoRecording(seed);
    recordings.set(seed, rec);
  }
  return rec;
}

/** The stream's epoch: a restart with the same seed and origin keeps it, and with it every seq. */
export function streamEpoch(seed: number, originTime: number): string {
  return `s${seed}-o${originTime}`;
}

/** Index of the first element > value (offsets sorted ascending). */
function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LiveStream {
  readonly seed: number;
  readonly originTime: number;
  readonly speed: number;
  readonly retain: number;
  readonly epoch: string;
  /** Length of one loop in data ms. */
  readonly loopMs: number;
  private readonly recordingStart: number;
  private readonly tracks: Record<Topic, TopicTrack>;

  constructor(options: LiveStreamOptions, recording?: DemoRecording) {
    const { originTime } = options;
    this.seed = options.seed ?? DEMO_SEED;
    this.speed = options.speed ?? 1;
    this.retain = options.retain ?? DEFAULT_RETAIN;
    if (!Number.isSafeInteger(originTime) || originTime < MIN_ORIGIN_TIME) {
      throw new Error(`originTime must be an integer epoch ms ≥ ${MIN_ORIGIN_TIME}, got ${originTime}`);
    }
    if (!Number.isFinite(this.speed) || this.speed <= 0) throw new Error(`speed must be > 0, got ${this.speed}`);
    if (!Number.isSafeInteger(this.retain) || this.retain < 1) throw new Error(`retain must be a positive integer, got ${this.retain}`);
    this.originTime = originTime;
    this.epoch = streamEpoch(this.seed, originTime);

    const rec = recording ?? demoRecording(this.seed);
    this.recordingStart = rec.header.startTime;
    this.loopMs = rec.header.endTime - rec.header.startTime;
    if (this.loopMs <= 0) throw new Error('the recording has no duration');
    const tracks = {} as Record<Topic, TopicTrack>;
    for (const topic of FEED_TOPICS) tracks[topic] = { offsets: [], payloads: [] };
    for (const line of rec.lines) {
      const topic = line.topic as Topic;
      const track = tracks[topic];
      if (!track) continue;
      if (TOPICS[topic].kind === 'snapshot' && line.t >= this.loopMs) continue;
      track.offsets.push(line.t);
      track.payloads.push(line.payload);
    }
    this.tracks = tracks;
  }

  /** Data time at a real instant. */
  dataTimeAt(realNow: number): number {
    return this.originTime + Math.floor((realNow - this.originTime) * this.speed);
  }

  /** Messages of `topic` in one loop. */
  perLoop(topic: Topic): number {
    return this.tracks[topic].offsets.length;
  }

  /** Newest seq of `topic` whose data time ≤ dataTime (0 when none yet). */
  lastSeqAt(topic: Topic, dataTime: number): number {
    const { offsets } = this.tracks[topic];
    const rel = dataTime - this.originTime;
    if (rel < 0 || offsets.length === 0) return 0;
    const loop = Math.floor(rel / this.loopMs);
    return loop * offsets.length + upperBound(offsets, rel - loop * this.loopMs);
  }

  /** Oldest seq still retained when `lastSeq` is the newest (1 when nothing is gone yet). */
  firstSeqFor(lastSeq: number): number {
    return Math.max(1, lastSeq - this.retain + 1);
  }

  /** Data time of message `seq` of `topic`. */
  timeOf(topic: Topic, seq: number): number {
    const { offsets } = this.tracks[topic];
    const loop = Math.floor((seq - 1) / offsets.length);
    const index = (seq - 1) % offsets.length;
    return this.originTime + loop * this.loopMs + (offsets[index] as number);
  }

  /** Message `seq` (≥ 1) of `topic`, shifted onto its loop. */
  envelope(topic: Topic, seq: number): FeedEnvelope {
    const track = this.tracks[topic];
    if (!Number.isSafeInteger(seq) || seq < 1 || track.offsets.length === 0) {
      throw new RangeError(`no message ${seq} on ${topic}`);
    }
    const loop = Math.floor((seq - 1) / track.offsets.length);
    const index = (seq - 1) % track.offsets.length;
    const shift = this.originTime + loop * this.loopMs - this.recordingStart;
    return {
      topic,
      seq,
      epoch: this.epoch,
      time: this.recordingStart + shift + (track.offsets[index] as number),
      payload: shiftPayload(topic, track.payloads[index], shift, loop),
    };
  }

  /**
   * Messages with seq in (after, upTo], oldest first, at most `limit`, never before the retention
   * window of `upTo` (a client asking for older ones sees the first seq jump and resyncs).
   */
  range(topic: Topic, after: number, upTo: number, limit: number): FeedEnvelope[] {
    const from = Math.max(after + 1, this.firstSeqFor(upTo));
    const to = Math.min(upTo, from + limit - 1);
    const out: FeedEnvelope[] = [];
    for (let seq = from; seq <= to; seq += 1) out.push(this.envelope(topic, seq));
    return out;
  }
}

/** A recording payload moved by `shift` ms of data time into loop `loop`. Returns a new object. */
export function shiftPayload(topic: Topic, payload: unknown, shift: number, loop: number): unknown {
  switch (topic) {
    case 'cases.baseline': {
      const p = payload as CasesBaseline;
      const asOf = p.asOf + shift;
      const today = localDayStart(asOf);
      const last = p.trend.length - 1;
      return {
        ...p,
        asOf,
        trend: p.trend.map((d, i) => ({ ...d, date: localIsoDate(today - (last - i) * DAY) })),
        // Same ids as the case events of this loop take, so their later steps continue these cases.
        ...(p.overdueCases === undefined ? {} : {
          overdueCases: p.overdueCases.map((c) => ({
            ...c,
            caseId: loop === 0 ? c.caseId : `${c.caseId}-L${loop}`,
            enteredAt: c.enteredAt + shift,
            dueAt: c.dueAt + shift,
          })),
        }),
      } satisfies CasesBaseline;
    }
    case 'case.event': {
      const p = payload as CaseEvent;
      return {
        ...p,
        caseId: loop === 0 ? p.caseId : `${p.caseId}-L${loop}`,
        at: p.at + shift,
        dueAt: p.dueAt + shift,
        ...(p.prevAt === undefined ? {} : { prevAt: p.prevAt + shift }),
        ...(p.prevDueAt === undefined ? {} : { prevDueAt: p.prevDueAt + shift }),
      } satisfies CaseEvent;
    }
    case 'rates.units': {
      const p = payload as UnitRates;
      return { ...p, asOf: p.asOf + shift } satisfies UnitRates;
    }
    case 'industry.systems': {
      const p = payload as IndustrySystems;
      return {
        ...p,
        asOf: p.asOf + shift,
        systems: p.systems.map((s) => ({ ...s, lastHeartbeat: s.lastHeartbeat + shift })),
      } satisfies IndustrySystems;
    }
    case 'data.volumes': {
      const p = payload as DataVolumes;
      return { ...p, asOf: p.asOf + shift } satisfies DataVolumes;
    }
    case 'flood.status': {
      const p = payload as FloodStatus;
      return {
        ...p,
        asOf: p.asOf + shift,
        rain: { ...p.rain, hourStart: p.rain.hourStart + shift },
        river: { ...p.river, readings: p.river.readings.map((r) => ({ ...r, at: r.at + shift })) },
        waterlogging: p.waterlogging.map((w) => ({ ...w, since: w.since + shift })),
      } satisfies FloodStatus;
    }
    case 'parking.status': {
      const p = payload as ParkingStatus;
      return { ...p, asOf: p.asOf + shift, hourly: { ...p.hourly, hourStart: p.hourly.hourStart + shift } } satisfies ParkingStatus;
    }
    case 'skyeye.status': {
      const p = payload as SkyeyeStatus;
      return { ...p, asOf: p.asOf + shift, recent: p.recent.map((d) => ({ ...d, at: d.at + shift })) } satisfies SkyeyeStatus;
    }
    case 'emergency.status': {
      const p = payload as EmergencyStatus;
      return {
        ...p,
        asOf: p.asOf + shift,
        incident: { ...p.incident, reportedAt: p.incident.reportedAt + shift },
        timeline: p.timeline.map((e) => ({ ...e, at: e.at + shift })),
        responders: p.responders.map((r) => ({
          ...r,
          dispatchedAt: r.dispatchedAt + shift,
          arrivedAt: r.arrivedAt === null ? null : r.arrivedAt + shift,
        })),
        readings: { ...p.readings, values: p.readings.values.map((r) => ({ ...r, at: r.at + shift })) },
      } satisfies EmergencyStatus;
    }
    case 'hotline.summary': {
      const p = payload as HotlineSummary;
      return { ...p, asOf: p.asOf + shift, hourly: { ...p.hourly, hourStart: p.hourly.hourStart + shift } } satisfies HotlineSummary;
    }
    case 'lifeline.status':
      // Alarm times move; ids and case ids take the loop suffix the case events take.
      return shiftLifelineStatus(payload as LifelineStatus, shift, loop);
    case 'cases.history':
      // Day and month labels are re-dated to end before the shifted asOf.
      return shiftCasesHistory(payload as CasesHistory, shift);
    case 'evaluation.summary': {
      // Its month, days and quarter labels follow the shifted asOf (as the baseline's trend does).
      const p = payload as EvaluationSummary;
      return redateSummary(p, p.asOf + shift) satisfies EvaluationSummary;
    }
    case 'evaluation.departments': {
      const p = payload as DepartmentRates;
      return { ...p, asOf: p.asOf + shift } satisfies DepartmentRates;
    }
    case 'facilities.status': {
      // Facility ids are asset numbers: the same facility in every loop, so only the times move.
      const p = payload as FacilitiesStatus;
      return { ...p, asOf: p.asOf + shift, recent: p.recent.map((c) => ({ ...c, at: c.at + shift })) } satisfies FacilitiesStatus;
    }
    case 'facility.change': {
      const p = payload as FacilityChange;
      return { ...p, at: p.at + shift } satisfies FacilityChange;
    }
    case 'guidance.catalog': {
      const p = payload as GuidanceCatalog;
      return {
        ...p,
        asOf: p.asOf + shift,
        national: { ...p.national, lastSyncAt: p.national.lastSyncAt + shift },
        province: { ...p.province, lastSyncAt: p.province.lastSyncAt + shift },
      } satisfies GuidanceCatalog;
    }
    default: {
      const never: never = topic;
      throw new Error(`unknown topic ${String(never)}`);
    }
  }
}
