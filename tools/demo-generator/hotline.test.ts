import { beforeAll, describe, expect, it } from 'vitest';
import { UNIT_IDS } from '../../data-adapters/domain';
import { validateMessage, type CaseEvent, type CasesBaseline } from '../../data-adapters/schemas';
import { HOTLINE_LINE_IDS, type HotlineSummary } from '../../data-adapters/topics/hotline';
import { DEMO_DURATION_MS, DEMO_SEED, DEMO_START_TIME } from './config';
import { buildDemoRecording, type DemoRecording } from './generate';
import { expectedCallsPerDay, HOTLINE_KEYWORDS } from './hotline';
import { DAY, localDayStart, localWeekday } from './time';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function parts(rec: DemoRecording) {
  const of = <T>(topic: string) => rec.lines.filter((l) => l.topic === topic).map((l) => l.payload as T);
  return {
    hotline: of<HotlineSummary>('hotline.summary'),
    events: of<CaseEvent>('case.event'),
    baseline: of<CasesBaseline>('cases.baseline')[0]!,
  };
}

describe('hotline volumes', () => {
  it('expects 3,000–6,000 calls on a weekday in Yichang, fewer at the weekend', () => {
    const today = localDayStart(DEMO_START_TIME);
    for (let d = -13; d <= 0; d += 1) {
      const day = today + d * DAY;
      const n = expectedCallsPerDay(DEMO_SEED, day);
      const weekend = [0, 6].includes(localWeekday(day));
      expect(n, `day ${d}`).toBeGreaterThan(weekend ? 2500 : 4000);
      expect(n, `day ${d}`).toBeLessThan(weekend ? 4000 : 6000);
    }
  });
});

describe.each([DEMO_SEED, 7])('hotline.summary in the recording, seed %i', (seed) => {
  let hotline: HotlineSummary[];
  let events: CaseEvent[];
  let baseline: CasesBaseline;
  beforeAll(() => {
    ({ hotline, events, baseline } = parts(buildDemoRecording(seed)));
  });

  it('comes every minute, valid, deterministic', () => {
    expect(hotline.map((h) => h.asOf - DEMO_START_TIME)).toEqual(Array.from({ length: DEMO_DURATION_MS / 60_000 + 1 }, (_, m) => m * 60_000));
    for (const h of hotline) {
      const r = validateMessage('hotline.summary', h, h.asOf);
      if (!r.ok) throw new Error(r.reason);
    }
    expect(parts(buildDemoRecording(seed)).hotline).toEqual(hotline);
  });

  it('adds up: hours, lines and categories to the day; plausible rates for a weekday morning', () => {
    for (const h of hotline) {
      const t = h.today;
      expect(sum(h.hourly.received)).toBe(t.received);
      expect(sum(h.hourly.answered)).toBe(t.answered);
      expect(sum(h.lines.map((l) => l.received))).toBe(t.received);
      expect(sum(h.categories.map((c) => c.received))).toBe(t.answered);
      expect(sum(h.targets.map((x) => x.dispatched))).toBe(t.dispatched);
      expect(h.hourly.hourStart).toBe(localDayStart(h.asOf));
      expect(t.answered / t.received).toBeGreaterThan(0.93);
      expect(t.answered / t.received).toBeLessThan(0.995);
      expect(t.satisfied / t.calledBack).toBeGreaterThan(0.85);
      expect(t.satisfied / t.calledBack).toBeLessThan(0.98);
      expect(t.dispatched / t.answered).toBeGreaterThan(0.3);
      expect(t.dispatched / t.answered).toBeLessThan(0.8);
    }
    const first = hotline[0]!;
    const last = hotline[hotline.length - 1]!;
    // 09:30 and 10:00 on a weekday: a sixth to a fifth of a 4,500-call day.
    expect(first.today.received).toBeGreaterThan(450);
    expect(first.today.received).toBeLessThan(1100);
    expect(last.today.received - first.today.received).toBeGreaterThan(100);
    const direct = last.lines.find((l) => l.id === '12345')!.received;
    expect(direct / last.today.received).toBeGreaterThan(0.6);
    expect(direct / last.today.received).toBeLessThan(0.9);
    expect(last.lines.map((l) => l.id)).toEqual([...HOTLINE_LINE_IDS]);
    expect(last.lines.filter((l) => l.id !== '12345' && l.received > 0).length).toBeGreaterThanOrEqual(12);
  });

  it('only ever grows during the day (every cumulative count, per line, category, target and hot topic)', () => {
    for (let i = 1; i < hotline.length; i += 1) {
      const a = hotline[i - 1]!;
      const b = hotline[i]!;
      for (const k of ['received', 'answered', 'dispatched', 'calledBack', 'satisfied'] as const) expect(b.today[k], k).toBeGreaterThanOrEqual(a.today[k]);
      a.hourly.received.forEach((v, h) => {
        if (h < a.hourly.received.length - 1) expect(b.hourly.received[h]).toBe(v); // finished hours are final
        else expect(b.hourly.received[h]).toBeGreaterThanOrEqual(v);
      });
      for (const l of a.lines) expect(b.lines.find((x) => x.id === l.id)!.received).toBeGreaterThanOrEqual(l.received);
      for (const c of a.categories) expect(b.categories.find((x) => x.id === c.id)!.received).toBeGreaterThanOrEqual(c.received);
      for (const t of a.targets) expect(b.targets.find((x) => x.id === t.id)?.dispatched ?? -1).toBeGreaterThanOrEqual(t.dispatched);
      for (const t of a.hotTopics) {
        const later = b.hotTopics.find((x) => x.keyword === t.keyword);
        if (later) {
          expect(later.count).toBeGreaterThanOrEqual(t.count);
          expect(later.previous).toBeGreaterThanOrEqual(t.previous);
        }
      }
    }
  });

  it('contains the 12345 cases of the recording: its calls, work orders and call-backs are among the counts', () => {
    const hot = events.filter((e) => e.channel === 'hotline12345');
    const before = (stage: string, t: number, unit?: string) =>
      hot.filter((e) => e.stage === stage && e.at < t && (unit === undefined || e.unitId === unit)).length;
    const first = hotline[0]!;
    expect(first.today.received).toBeGreaterThanOrEqual(baseline.todayByChannel.hotline12345);
    for (const h of hotline.slice(1)) {
      const d = (k: 'received' | 'dispatched' | 'calledBack') => h.today[k] - first.today[k];
      expect(d('received')).toBeGreaterThanOrEqual(before('discover', h.asOf) - before('discover', first.asOf));
      expect(d('dispatched')).toBeGreaterThanOrEqual(before('dispatch', h.asOf) - before('dispatch', first.asOf));
      expect(d('calledBack')).toBeGreaterThanOrEqual(before('close', h.asOf) - before('close', first.asOf));
      for (const u of UNIT_IDS) {
        const grew = (h.targets.find((t) => t.id === u)?.dispatched ?? 0) - (first.targets.find((t) => t.id === u)?.dispatched ?? 0);
        expect(grew, u).toBeGreaterThanOrEqual(before('dispatch', h.asOf, u) - before('dispatch', first.asOf, u));
      }
    }
  });

  it('hot topics: the top of the week, most first, short keywords, some rising and some falling', () => {
    const last = hotline[hotline.length - 1]!;
    expect(last.hotTopics.length).toBeGreaterThanOrEqual(10);
    const counts = last.hotTopics.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(last.hotTopics.some((t) => t.count > t.previous * 1.2)).toBe(true);
    expect(last.hotTopics.some((t) => t.count < t.previous)).toBe(true);
    // A week of a 4,500-call city: the top topic has hundreds to a few thousand calls.
    expect(counts[0]).toBeGreaterThan(500);
    expect(counts[0]).toBeLessThan(5000);
  });
});

describe('hotline keywords', () => {
  it('all fit the schema’s 20-character cap and are distinct', () => {
    for (const k of HOTLINE_KEYWORDS) expect(k.length).toBeLessThanOrEqual(20);
    expect(new Set(HOTLINE_KEYWORDS).size).toBe(HOTLINE_KEYWORDS.length);
  });
});
