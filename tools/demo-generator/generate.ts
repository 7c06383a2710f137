/**
 * The demo recording: 30 minutes of a weekday morning in Yichang, generated from a seed.
 * Same seed → same bytes: no clock, no Math.random, fixed key order, rounded numbers.
 */
import { STAGE_IDS } from '../../data-adapters/domain';
import type { CaseEvent, Topic } from '../../data-adapters/schemas';
import { buildBaseline } from './baseline';
import { DEMO_DURATION_MS, DEMO_GENERATOR, DEMO_SEED, DEMO_START_TIME, DEMO_TITLE } from './config';
import { describe, INJECTION_PAYLOADS } from './descriptions';
import { loadBoundaries, UnitSampler, type Boundaries } from './geography';
import { buildIndustry } from './industry';
import { DayLedger } from './ledger';
import { makeAddress } from './places';
import { buildRates } from './rates';
import { Rng } from './random';
import { simulateCases, type SimCase } from './simulation';
import { localDayStart, MINUTE } from './time';
import { serializeRecording, type RecordingHeader, type RecordingLine } from '../../data-adapters/recording';
import { buildVolumes } from './volumes';

export interface DemoRecording {
  header: RecordingHeader;
  lines: RecordingLine[];
}

let cachedBoundaries: Boundaries | null = null;
function boundaries(): Boundaries {
  cachedBoundaries ??= loadBoundaries();
  return cachedBoundaries;
}

/** Order of topics written at the same instant: snapshots first (baseline before all), then events. */
const TOPIC_ORDER: Record<Topic, number> = {
  'cases.baseline': 0,
  'rates.units': 1,
  'industry.systems': 2,
  'data.volumes': 3,
  'case.event': 4,
};

interface SortableLine extends RecordingLine {
  topic: Topic;
  /** Tie-breakers within the same t and topic: case index and stage index. */
  k1: number;
  k2: number;
}

/** Pick the reports that carry the planted HTML/script payloads: citizen text, early and mid-recording. */
function injectionTargets(cases: readonly SimCase[], start: number): Map<string, string> {
  const targets = new Map<string, string>();
  const discoveredIn = (c: SimCase, from: number): boolean => {
    const d = c.steps[0];
    return d !== undefined && d.at >= from && d.at <= start + DEMO_DURATION_MS;
  };
  const first = cases.find((c) => c.channel === 'snapshot' && discoveredIn(c, start + 3 * MINUTE))
    ?? cases.find((c) => discoveredIn(c, start));
  if (first) targets.set(first.id, INJECTION_PAYLOADS[0]);
  const second = cases.find((c) => c.channel === 'hotline12345' && !targets.has(c.id) && discoveredIn(c, start + 17 * MINUTE))
    ?? cases.find((c) => !targets.has(c.id) && discoveredIn(c, start));
  if (second) targets.set(second.id, INJECTION_PAYLOADS[1]);
  return targets;
}

export function buildDemoRecording(seed: number = DEMO_SEED): DemoRecording {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const start = DEMO_START_TIME;
  const end = start + DEMO_DURATION_MS;
  const cases = simulateCases(seed, start, end);
  const ledger = new DayLedger(cases, localDayStart(start), end);
  const lines: SortableLine[] = [];
  const snapshot = (topic: Topic, asOf: number, payload: unknown): void => {
    lines.push({ t: asOf - start, topic, payload, k1: 0, k2: 0 });
  };

  snapshot('cases.baseline', start, buildBaseline(seed, cases, start));
  const everyMinute = Array.from({ length: DEMO_DURATION_MS / MINUTE + 1 }, (_, m) => start + m * MINUTE);
  const everyFive = everyMinute.filter((_, m) => m % 5 === 0);
  for (const r of buildRates(seed, cases, start, everyFive)) snapshot('rates.units', r.asOf, r);
  const industry = buildIndustry(seed, ledger, everyMinute);
  for (const s of industry.snapshots) snapshot('industry.systems', s.asOf, s);
  for (const v of buildVolumes(seed, ledger, industry, everyMinute)) snapshot('data.volumes', v.asOf, v);

  const sampler = new UnitSampler(boundaries());
  const payloads = injectionTargets(cases, start);
  for (const c of cases) {
    const inWindow = c.steps.filter((s) => s.at >= start && s.at <= end);
    if (inWindow.length === 0) continue;
    // Place and words come from the case's own stream: independent of how many other cases there are.
    const rng = Rng.derive(seed, 'place', c.id);
    const point = sampler.sample(rng, c.unitId);
    const place = makeAddress(rng, c.unitId, point.urban);
    const description = describe(rng, c.channel, c.category, place.road, payloads.get(c.id));
    for (const s of inWindow) {
      const stageIndex = STAGE_IDS.indexOf(s.stage);
      const event: CaseEvent = {
        caseId: c.id,
        stage: s.stage,
        prevStage: stageIndex === 0 ? null : (STAGE_IDS[stageIndex - 1] ?? null),
        at: s.at,
        unitId: c.unitId,
        channel: c.channel,
        category: c.category,
        lon: point.lon,
        lat: point.lat,
        dueAt: s.dueAt,
        overdue: s.overdue,
        address: place.address,
        description,
      };
      lines.push({ t: s.at - start, topic: 'case.event', payload: event, k1: c.index, k2: stageIndex });
    }
  }

  lines.sort((a, b) => a.t - b.t || TOPIC_ORDER[a.topic] - TOPIC_ORDER[b.topic] || a.k1 - b.k1 || a.k2 - b.k2);
  const header: RecordingHeader = {
    format: 'citywall-recording',
    version: 1,
    startTime: start,
    endTime: end,
    title: DEMO_TITLE,
    seed,
    generator: DEMO_GENERATOR,
  };
  return { header, lines: lines.map(({ t, topic, payload }) => ({ t, topic, payload })) };
}

/** The recording as NDJSON text, exactly the bytes that ship in public/recordings/yichang-demo.ndjson. */
export function generateDemoRecording(seed: number = DEMO_SEED): string {
  const { header, lines } = buildDemoRecording(seed);
  return serializeRecording(header, lines);
}
