import { existsSync, readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CASES_HANDLED_REFERENCE, CHANNEL_IDS, DATA_SOURCES, GAOXIN_APPROX, INDUSTRY_SYSTEM_IDS, STAGE_IDS, UNIT_IDS, type StageId,
} from '../../data-adapters/domain';
import { validateMessage, type CaseEvent } from '../../data-adapters/schemas';
import { DEMO_DURATION_MS, DEMO_SEED, DEMO_START_TIME } from './config';
import { generateDemoRecording } from './generate';
import { loadBoundaries } from './geography';
import { haversineKm, parseRecording, payloadsOf, type ParsedRecording } from './test-support';

const SHIPPED = new URL('../../public/recordings/yichang-demo.ndjson', import.meta.url);
const boundaries = loadBoundaries();

let text = '';
let rec: ParsedRecording;
beforeAll(() => {
  text = generateDemoRecording(DEMO_SEED);
  rec = parseRecording(text);
});

describe('determinism', () => {
  it('gives the same bytes for the same seed', () => {
    expect(generateDemoRecording(DEMO_SEED)).toBe(text);
  });

  it('gives different bytes for a different seed', () => {
    const other = generateDemoRecording(DEMO_SEED + 1);
    expect(other).not.toBe(text);
    expect(parseRecording(other).header.seed).toBe(DEMO_SEED + 1);
  });

  it('ships exactly what the default seed generates (regenerate with `npm run generate`)', () => {
    expect(existsSync(SHIPPED), 'public/recordings/yichang-demo.ndjson is missing').toBe(true);
    const shipped = readFileSync(SHIPPED, 'utf8');
    // Compare lengths first for a readable failure, then the bytes.
    expect(shipped.length).toBe(text.length);
    expect(shipped === text, 'shipped recording differs from a fresh generation').toBe(true);
  });
});

/** Invariants that hold for any seed: checked on the shipped seed and two others. */
describe.each([DEMO_SEED, 7, 42])('recording invariants, seed %i', (seed) => {
  let r: ParsedRecording;
  let events: CaseEvent[];
  beforeAll(() => {
    r = seed === DEMO_SEED ? rec : parseRecording(generateDemoRecording(seed));
    events = payloadsOf.events(r);
  });

  it('has the header of the format, in key order', () => {
    expect(r.headerKeys).toEqual(['format', 'version', 'startTime', 'endTime', 'title', 'seed', 'generator']);
    expect(r.header).toMatchObject({ format: 'citywall-recording', version: 1, startTime: DEMO_START_TIME, endTime: DEMO_START_TIME + DEMO_DURATION_MS, seed });
  });

  it('validates every line against the schemas, with t sorted, in range and matching the payload time', () => {
    let last = 0;
    for (const line of r.lines) {
      expect(line.keys).toEqual(['t', 'topic', 'payload']);
      const result = validateMessage(line.topic, line.payload, r.header.startTime + line.t);
      if (!result.ok) throw new Error(`line t=${line.t}: ${result.reason}`);
      expect(line.t).toBeGreaterThanOrEqual(last);
      expect(line.t).toBeLessThanOrEqual(r.header.endTime - r.header.startTime);
      last = line.t;
      const p = line.payload as { asOf?: number; at?: number };
      expect(p.asOf ?? p.at).toBe(r.header.startTime + line.t);
    }
  });

  it('has snapshots at the promised cadence', () => {
    expect(r.lines[0]?.topic).toBe('cases.baseline');
    expect(payloadsOf.baseline(r)).toHaveLength(1);
    const minutes = DEMO_DURATION_MS / 60_000;
    expect(payloadsOf.rates(r).map((p) => p.asOf - r.header.startTime)).toEqual(Array.from({ length: minutes / 5 + 1 }, (_, i) => i * 300_000));
    expect(payloadsOf.industry(r)).toHaveLength(minutes + 1);
    expect(payloadsOf.volumes(r)).toHaveLength(minutes + 1);
  });

  it('places every case inside its unit (高新区 inside its approximate circle)', () => {
    for (const e of events) {
      if (e.unitId === 'gaoxin') {
        expect(haversineKm([e.lon, e.lat], GAOXIN_APPROX.center), e.caseId).toBeLessThanOrEqual(GAOXIN_APPROX.radiusKm);
      } else {
        expect(booleanPointInPolygon([e.lon, e.lat], boundaries[e.unitId]), `${e.caseId} ${e.unitId} ${e.lon},${e.lat}`).toBe(true);
      }
      expect(Math.round(e.lon * 1e6) / 1e6).toBe(e.lon);
      expect(Math.round(e.lat * 1e6) / 1e6).toBe(e.lat);
    }
  });

  it('moves every case through the loop in order, with consistent prevStage, times, deadlines and overdue flags', () => {
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    const idx = (s: StageId | null): number => (s === null ? -1 : STAGE_IDS.indexOf(s));
    for (const [id, list] of byCase) {
      // City cases, and the lifeline platform's gas work order (lifeline.ts).
      expect(id).toMatch(/^(YC\d{8}-\d{6}|GAS-\d{8}-\d{3})$/);
      list.forEach((e, i) => {
        expect(idx(e.stage), `${id} ${e.stage}`).toBe(idx(e.prevStage) + 1);
        expect(e.dueAt).toBeGreaterThanOrEqual(e.at);
        if (e.stage === 'discover') expect(e.overdue).toBe(false);
        const prev = list[i - 1];
        if (prev) {
          expect(e.prevStage, id).toBe(prev.stage);
          expect(e.at).toBeGreaterThanOrEqual(prev.at);
          expect(e.overdue, `${id} ${e.stage}`).toBe(e.at > prev.dueAt);
          // A case does not change place, unit or text between steps.
          expect([e.unitId, e.channel, e.category, e.lon, e.lat, e.address, e.description]).toEqual(
            [prev.unitId, prev.channel, prev.category, prev.lon, prev.lat, prev.address, prev.description],
          );
        }
      });
    }
  });

  it('brings 60–120 new cases through all five channels; sensors only raise lifeline alarms', () => {
    const discovered = events.filter((e) => e.stage === 'discover');
    expect(discovered.length).toBeGreaterThanOrEqual(60);
    expect(discovered.length).toBeLessThanOrEqual(120);
    expect(new Set(discovered.map((e) => e.channel))).toEqual(new Set(CHANNEL_IDS));
    for (const e of events.filter((x) => x.channel === 'sensor')) expect(e.category).toBe('lifeline');
  });

  it('advances baseline cases too: closes happen, and never more leave a stage than the baseline had open', () => {
    const baseline = payloadsOf.baseline(r)[0];
    if (!baseline) throw new Error('no baseline');
    const seen = new Set<string>();
    const leaving: Record<string, number> = {};
    for (const e of events) {
      if (seen.has(e.caseId)) continue;
      seen.add(e.caseId);
      if (e.prevStage !== null) leaving[e.prevStage] = (leaving[e.prevStage] ?? 0) + 1;
    }
    for (const [stage, n] of Object.entries(leaving)) expect(n).toBeLessThanOrEqual(baseline.openByStage[stage as StageId]);
    expect(events.filter((e) => e.stage === 'close').length).toBeGreaterThan(20);
    // New cases continue today's numbering after the cases already received.
    const todayPrefix = `YC${new Date(DEMO_START_TIME + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '')}-`;
    const firstNew = events.find((e) => e.stage === 'discover');
    const receivedToday = Object.values(baseline.todayByUnit).reduce((a, b) => a + b, 0);
    expect(firstNew?.caseId).toBe(`${todayPrefix}${String(receivedToday + 1).padStart(6, '0')}`);
  });

  it('marks 3–8% of transitions overdue', () => {
    const transitions = events.filter((e) => e.prevStage !== null);
    const share = transitions.filter((e) => e.overdue).length / transitions.length;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.08);
  });
});

describe('baseline', () => {
  it('starts near the reference 86.06万 with a weekday morning of cases', () => {
    const b = payloadsOf.baseline(rec)[0];
    if (!b) throw new Error('no baseline');
    expect(Math.abs(b.cumulativeHandled - CASES_HANDLED_REFERENCE) / CASES_HANDLED_REFERENCE).toBeLessThan(0.01);
    const byUnit = Object.values(b.todayByUnit).reduce((a, c) => a + c, 0);
    const byChannel = Object.values(b.todayByChannel).reduce((a, c) => a + c, 0);
    expect(byUnit).toBe(byChannel);
    expect(byUnit).toBeGreaterThan(200);
    expect(byUnit).toBeLessThan(1500);
    for (const c of CHANNEL_IDS) expect(b.todayByChannel[c], c).toBeGreaterThan(0);
    // Dense centre, sparse mountains.
    expect(b.todayByUnit.xiling).toBeGreaterThan(b.todayByUnit.wufeng * 3);
    expect(b.todayByUnit.wujiagang).toBeGreaterThan(b.todayByUnit.xingshan * 3);
    expect(b.openByStage.close).toBe(0);
    expect(b.closedToday).toBeGreaterThan(0);
    expect(b.overdueOpen).toBeLessThan(Object.values(b.openByStage).reduce((a, c) => a + c, 0) * 0.2);
  });

  it('has a 7-day trend ending today, weekdays busier than the weekend', () => {
    const b = payloadsOf.baseline(rec)[0];
    if (!b) throw new Error('no baseline');
    expect(b.trend.map((d) => d.date)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    const [fri, sat, sun, mon, tue, wed, today] = b.trend;
    for (const d of [fri, mon, tue, wed]) {
      expect(d?.received).toBeGreaterThan(2000);
      expect(d?.received).toBeLessThan(3000);
    }
    for (const d of [sat, sun]) expect(d?.received).toBeLessThan(Math.min(fri?.received ?? 0, mon?.received ?? 0) * 0.85);
    expect(today?.received).toBe(Object.values(b.todayByUnit).reduce((a, c) => a + c, 0));
    expect(today?.closed).toBe(b.closedToday);
  });
});

describe('snapshots', () => {
  it('rates: all 14 units, realistic, drifting by tenths only', () => {
    const rates = payloadsOf.rates(rec);
    for (const r of rates) {
      expect(r.units.map((u) => u.unitId)).toEqual([...UNIT_IDS]);
      for (const u of r.units) {
        expect(u.response).toBeGreaterThanOrEqual(95);
        expect(u.completion).toBeGreaterThanOrEqual(85);
        expect(u.completion).toBeLessThanOrEqual(99);
        expect(u.satisfaction).toBeGreaterThanOrEqual(88);
        expect(u.satisfaction).toBeLessThanOrEqual(99);
        for (const v of [u.response, u.completion, u.satisfaction]) expect(Math.round(v * 10) / 10).toBe(v);
      }
    }
    const first = rates[0];
    const last = rates[rates.length - 1];
    first?.units.forEach((u, i) => {
      const l = last?.units[i];
      expect(Math.abs((l?.response ?? 0) - u.response)).toBeLessThanOrEqual(1);
      expect(Math.abs((l?.completion ?? 0) - u.completion)).toBeLessThanOrEqual(1);
    });
  });

  it('industry: 19 systems, mostly online, one degraded and one offline spell; case figures agree with the events', () => {
    const snaps = payloadsOf.industry(rec);
    const events = payloadsOf.events(rec);
    let degraded = 0;
    let offline = 0;
    for (const s of snaps) {
      expect(s.systems.map((x) => x.id)).toEqual([...INDUSTRY_SYSTEM_IDS]);
      const online = s.systems.filter((x) => x.state === 'online').length;
      expect(online).toBeGreaterThanOrEqual(17);
      degraded += s.systems.filter((x) => x.state === 'degraded').length;
      offline += s.systems.filter((x) => x.state === 'offline').length;
      for (const x of s.systems) {
        expect(x.lastHeartbeat).toBeLessThanOrEqual(s.asOf);
        if (x.state === 'online') expect(s.asOf - x.lastHeartbeat).toBeLessThan(60_000);
      }
    }
    expect(degraded).toBeGreaterThan(0);
    expect(offline).toBeGreaterThan(0);
    const figure = (i: number, id: string): number => snaps[i]?.systems.find((x) => x.id === id)?.keyFigure.value ?? NaN;
    const lastIdx = snaps.length - 1;
    const lastAsOf = snaps[lastIdx]?.asOf ?? 0;
    const lifelineAlarms = events.filter((e) => e.stage === 'discover' && e.category === 'lifeline' && e.at < lastAsOf).length;
    expect(figure(lastIdx, 'shengmingxian') - figure(0, 'shengmingxian')).toBe(lifelineAlarms);
    const szcgRegisters = events.filter((e) => e.stage === 'register' && e.channel !== 'hotline12345' && e.channel !== 'police110' && e.at < lastAsOf).length;
    expect(figure(lastIdx, 'szcg') - figure(0, 'szcg')).toBe(szcgRegisters);
  });

  it('data volumes: 40 tables, 7 sources from the reference counts, growing', () => {
    const vols = payloadsOf.volumes(rec);
    let prev: Map<string, { records: number; todayIncrement: number }> | null = null;
    for (const v of vols) {
      expect(v.tables).toBe(40);
      expect(v.sources.map((s) => s.id)).toEqual(DATA_SOURCES.map((s) => s.id));
      const now = new Map(v.sources.map((s) => [s.id, s]));
      for (const ref of DATA_SOURCES) {
        const s = now.get(ref.id);
        expect(s?.records).toBeGreaterThanOrEqual(ref.baseRecords);
        expect(s?.records).toBeLessThan(ref.baseRecords * 1.3);
        if (prev) {
          expect(s?.records).toBeGreaterThanOrEqual(prev.get(ref.id)?.records ?? 0);
          expect(s?.todayIncrement).toBeGreaterThanOrEqual(prev.get(ref.id)?.todayIncrement ?? 0);
        }
      }
      prev = now;
    }
    const first = vols[0]?.sources.reduce((a, s) => a + s.records, 0) ?? 0;
    const last = vols[vols.length - 1]?.sources.reduce((a, s) => a + s.records, 0) ?? 0;
    expect(last).toBeGreaterThan(first);
  });
});

describe('untrusted text', () => {
  it('carries the planted HTML/script payloads and special characters verbatim', () => {
    const descriptions = new Set(payloadsOf.events(rec).map((e) => e.description));
    const all = [...descriptions].join('\n');
    expect(all).toContain('<img src=x onerror=alert(1)>');
    expect(all).toContain('<script>alert("xss")</script>');
    expect([...descriptions].filter((d) => d.includes('<img') || d.includes('<script')).length).toBe(2);
    expect(all).toMatch(/&/);
    expect(all).toMatch(/"/);
    // Varied: many different texts and addresses.
    expect(descriptions.size).toBeGreaterThan(100);
    expect(new Set(payloadsOf.events(rec).map((e) => e.address)).size).toBeGreaterThan(100);
  });
});
