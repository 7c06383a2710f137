import { describe, expect, it } from 'vitest';
import { TOPICS, validateMessage, type CaseEvent, type CasesBaseline, type Topic } from '../data-adapters/schemas';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { localIsoDate } from '../tools/demo-generator/time';
import { FEED_TOPICS, LiveStream, demoRecording, streamEpoch } from './stream';

const ORIGIN = Date.UTC(2027, 2, 1, 1, 0); // any minute will do
const recording = demoRecording(DEMO_SEED);
const D = recording.header.endTime - recording.header.startTime;

describe('LiveStream', () => {
  const stream = new LiveStream({ originTime: ORIGIN, speed: 20 }, recording);

  it('derives the epoch from seed and origin only', () => {
    expect(stream.epoch).toBe(streamEpoch(DEMO_SEED, ORIGIN));
    expect(new LiveStream({ originTime: ORIGIN, speed: 3 }, recording).epoch).toBe(stream.epoch);
    expect(new LiveStream({ originTime: ORIGIN + 60_000 }, recording).epoch).not.toBe(stream.epoch);
  });

  it('maps real time to data time with the speed, starting at the origin', () => {
    expect(stream.dataTimeAt(ORIGIN)).toBe(ORIGIN);
    expect(stream.dataTimeAt(ORIGIN + 1000)).toBe(ORIGIN + 20_000);
    expect(FEED_TOPICS.map((t) => stream.lastSeqAt(t, ORIGIN - 1))).toEqual(FEED_TOPICS.map(() => 0));
    expect(stream.lastSeqAt('cases.baseline', ORIGIN)).toBe(1);
  });

  it('loops the recording: per loop one baseline, 6 rates, 30 industry and volume snapshots (the closing one is the next loop\'s first)', () => {
    expect(stream.perLoop('cases.baseline')).toBe(1);
    expect(stream.perLoop('rates.units')).toBe(6);
    expect(stream.perLoop('industry.systems')).toBe(30);
    expect(stream.perLoop('data.volumes')).toBe(30);
    expect(stream.perLoop('case.event')).toBe(recording.lines.filter((l) => l.topic === 'case.event').length);
    expect(stream.lastSeqAt('cases.baseline', ORIGIN + 3 * D)).toBe(4);
    expect(stream.lastSeqAt('industry.systems', ORIGIN + D - 1)).toBe(30);
    expect(stream.lastSeqAt('industry.systems', ORIGIN + D)).toBe(31);
  });

  it('numbers every topic 1, 2, 3 … in time order, consistent with lastSeqAt', () => {
    for (const topic of FEED_TOPICS) {
      const n = stream.perLoop(topic) * 3 + 2;
      let prevTime = -Infinity;
      for (let seq = 1; seq <= n; seq += 1) {
        const env = stream.envelope(topic, seq);
        expect(env.seq).toBe(seq);
        expect(env.time).toBe(stream.timeOf(topic, seq));
        expect(env.time).toBeGreaterThanOrEqual(prevTime);
        prevTime = env.time;
        // The message is counted exactly from its own data time on.
        expect(stream.lastSeqAt(topic, env.time)).toBeGreaterThanOrEqual(seq);
        expect(stream.lastSeqAt(topic, env.time - 1)).toBeLessThan(seq);
      }
    }
  });

  it('produces the same envelopes in two instances with the same origin', () => {
    const other = new LiveStream({ originTime: ORIGIN, speed: 200 }, recording);
    for (const topic of FEED_TOPICS) {
      for (const seq of [1, 2, stream.perLoop(topic), stream.perLoop(topic) + 1, 12_345]) {
        expect(other.envelope(topic, seq)).toEqual(stream.envelope(topic, seq));
      }
    }
  });

  it('keeps every payload valid in every loop, shifted consistently onto its loop', () => {
    for (const loop of [0, 1, 2, 47, 1000]) {
      for (const topic of FEED_TOPICS) {
        const c = stream.perLoop(topic);
        for (let i = 0; i < c; i += 1) {
          const env = stream.envelope(topic, loop * c + i + 1);
          const result = validateMessage(topic, env.payload, env.time, env.seq);
          if (!result.ok) throw new Error(`${topic} seq ${env.seq}: ${result.reason}`);
          const p = env.payload as { asOf?: number; at?: number };
          expect(p.asOf ?? p.at).toBe(env.time);
          expect(env.time).toBeGreaterThanOrEqual(ORIGIN + loop * D);
          expect(env.time).toBeLessThanOrEqual(ORIGIN + (loop + 1) * D);
        }
      }
    }
  });

  it('re-dates the baseline trend to the shifted day (the last entry is today)', () => {
    const day2 = stream.envelope('cases.baseline', 49); // loop 48: one day later
    const b = day2.payload as CasesBaseline;
    expect(b.trend[6]?.date).toBe(localIsoDate(day2.time));
    expect(b.trend[0]?.date).toBe(localIsoDate(day2.time - 6 * 86_400_000));
  });

  it('keeps case ids unique across loops and leaves loop 0 as recorded', () => {
    const c = stream.perLoop('case.event');
    const recorded = recording.lines.filter((l) => l.topic === 'case.event');
    const shift = ORIGIN - recording.header.startTime;
    const first = stream.envelope('case.event', 1).payload as CaseEvent;
    const rec0 = recorded[0]?.payload as CaseEvent;
    expect(first).toEqual({
      ...rec0,
      at: rec0.at + shift,
      dueAt: rec0.dueAt + shift,
      ...(rec0.prevAt === undefined ? {} : { prevAt: rec0.prevAt + shift }),
      ...(rec0.prevDueAt === undefined ? {} : { prevDueAt: rec0.prevDueAt + shift }),
    });
    // (caseId, stage) is unique in the recording; it must stay so over loops.
    const keys = new Set<string>();
    for (let seq = 1; seq <= 3 * c; seq += 1) {
      const e = stream.envelope('case.event', seq).payload as CaseEvent;
      keys.add(`${e.caseId}/${e.stage}`);
    }
    expect(keys.size).toBe(3 * c);
    expect((stream.envelope('case.event', c + 1).payload as CaseEvent).caseId).toBe(`${rec0.caseId}-L1`);
  });

  it('serves ranges within the retention window only', () => {
    const small = new LiveStream({ originTime: ORIGIN, retain: 100 }, recording);
    expect(small.firstSeqFor(50)).toBe(1);
    expect(small.firstSeqFor(1000)).toBe(901);
    const r = small.range('case.event', 10, 1000, 20);
    expect(r.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 901 + i));
    expect(small.range('case.event', 990, 1000, 50).map((e) => e.seq)).toEqual([991, 992, 993, 994, 995, 996, 997, 998, 999, 1000]);
    expect(small.range('case.event', 1000, 1000, 50)).toEqual([]);
  });

  it('refuses bad parameters', () => {
    expect(() => new LiveStream({ originTime: 5 }, recording)).toThrow(/originTime/);
    expect(() => new LiveStream({ originTime: ORIGIN, speed: 0 }, recording)).toThrow(/speed/);
    expect(() => stream.envelope('case.event', 0)).toThrow(RangeError);
    expect(Object.keys(TOPICS).sort()).toEqual([...FEED_TOPICS].sort() as Topic[]);
  });
});
