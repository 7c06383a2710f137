import { describe, expect, it } from 'vitest';
import { validateMessage, type IndustrySystems, type Topic } from '../data-adapters/schemas';
import type { EvaluationSummary } from '../data-adapters/topics/evaluation';
import type { GuidanceCatalog } from '../data-adapters/topics/guidance';
import { DEMO_SEED } from '../tools/demo-generator/config';
import { DAY, localIsoDate } from '../tools/demo-generator/time';
import { demoRecording, LiveStream, shiftPayload } from './stream';

const recording = demoRecording(DEMO_SEED);
const start = recording.header.startTime;
const payloads = (topic: Topic): unknown[] => recording.lines.filter((l) => l.topic === topic).map((l) => l.payload);

/** Every number in a payload that lies within two days of the recording: its epoch-ms fields, by value. */
function epochFields(value: unknown, path = ''): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown, p: string): void => {
    if (typeof v === 'number' && Math.abs(v - start) < 2 * DAY) out.set(p, v);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
  };
  walk(value, path);
  return out;
}

const SHIFT = 400 * DAY + 7 * 3_600_000 + 12_345;

describe('shiftPayload for industry, evaluation and guidance topics', () => {
  it.each<Topic>(['industry.systems', 'evaluation.summary', 'evaluation.departments', 'guidance.catalog'])('%s: shifts every epoch-ms field and stays valid', (topic) => {
    for (const p of payloads(topic)) {
      const before = epochFields(p);
      expect(before.size).toBeGreaterThan(0);
      const shifted = shiftPayload(topic, p, SHIFT, 3);
      const after = epochFields(shifted);
      // Nothing time-like is left at the recording's time: every such field moved by exactly SHIFT.
      expect(after.size).toBe(0);
      for (const [path, v] of before) {
        const got = path.split(/[.[\]]/).filter(Boolean).reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], shifted);
        expect(got, `${topic} ${path}`).toBe(v + SHIFT);
      }
      const r = validateMessage(topic, shifted, (shifted as { asOf: number }).asOf);
      if (!r.ok) throw new Error(r.reason);
    }
  });

  it('keeps the industry trend (relative to asOf) as it is', () => {
    const p = payloads('industry.systems')[3] as IndustrySystems;
    const s = shiftPayload('industry.systems', p, SHIFT, 1) as IndustrySystems;
    expect(s.systems.map((x) => x.trend)).toEqual(p.systems.map((x) => x.trend));
  });

  it('re-dates the evaluation calendar, months and quarter to the shifted day', () => {
    const p = payloads('evaluation.summary')[0] as EvaluationSummary;
    const s = shiftPayload('evaluation.summary', p, SHIFT, 1) as EvaluationSummary;
    expect(s.daily.at(-1)?.date).toBe(localIsoDate(s.asOf));
    expect(s.daily.at(-1)?.date).not.toBe(p.daily.at(-1)?.date);
    expect(s.month).toBe(localIsoDate(s.asOf).slice(0, 7));
    expect(s.monthly.at(-1)?.month).toBe(s.month);
    expect(s.daily.map((d) => d.score)).toEqual(p.daily.map((d) => d.score));
    expect(s.quarterRanking.units).toEqual(p.quarterRanking.units);
  });

  it('moves the guidance sync times with the loop, in the live stream', () => {
    const stream = new LiveStream({ originTime: Date.UTC(2027, 2, 1, 1, 0) }, recording);
    const c = stream.perLoop('guidance.catalog');
    expect(c).toBe(3); // 0, 10, 20 minutes; the closing snapshot is the next loop's first
    const env = stream.envelope('guidance.catalog', 2 * c + 1);
    const p = env.payload as GuidanceCatalog;
    expect(p.asOf).toBe(env.time);
    expect(p.national.lastSyncAt).toBeLessThanOrEqual(p.asOf);
    expect(p.asOf - p.national.lastSyncAt).toBeLessThan(10 * 60_000);
  });
});
