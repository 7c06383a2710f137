/**
 * The demo recording: 30 minutes of a weekday morning in Yichang, generated from a seed.
 * Same seed → same bytes: no clock, no Math.random, fixed key order, rounded numbers.
 */
import { STAGE_IDS } from '../../data-adapters/domain';
import type { CaseEvent, Topic } from '../../data-adapters/schemas';
import { buildBaseline } from './baseline';
import { casePlace } from './case-place';
import { DEMO_DURATION_MS, DEMO_GENERATOR, DEMO_SEED, DEMO_START_TIME, DEMO_TITLE } from './config';
import { describe, INJECTION_PAYLOADS } from './descriptions';
import { buildEmergency } from './emergency';
import { buildDepartmentRates, buildEvaluationSummaries } from './evaluation';
import { buildFlood } from './flood';
import { loadBoundaries, UnitSampler, type Boundaries } from './geography';
import { buildGuidance } from './guidance';
import { buildIndustry } from './industry';
import { trendHistoryFrom } from './industry-history';
import { buildHistory } from './history';
import { buildHotline } from './hotline';
import { DayLedger } from './ledger';
import { facilitiesSnapshots, loadFacilityBases, nearestGasManhole, planFacilityChanges, type GasManhole } from './facilities';
import { lifelineSnapshots, loadRiver, planLifeline } from './lifeline';
import { buildParking } from './parking';
import { buildRates } from './rates';
import { simulateCases, type SimCase } from './simulation';
import { buildSkyeye } from './skyeye';
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
  'lifeline.status': 3.5,
  'cases.history': 3.6,
  'evaluation.summary': 3.5,
  'evaluation.departments': 3.6,
  'guidance.catalog': 3.7,
  'hotline.summary': 3.8,
  'flood.status': 3.81,
  'parking.status': 3.82,
  'skyeye.status': 3.83,
  'emergency.status': 3.84,
  'facilities.status': 3.85,
  'case.event': 4,
  // After the case events of the same instant: the gas work order's step, then the manhole it moves.
  'facility.change': 4.1,
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
  // The scripted gas alarm's work order joins the day's counters like any other case.
  // The gas alarm sits on a real gas manhole of the shipped facility data, whose status follows the story.
  const facilityBases = loadFacilityBases();
  let gasManhole: GasManhole | null = null;
  const lifeline = planLifeline(seed, start, end, {
    sampler: new UnitSampler(boundaries()),
    river: loadRiver(),
    caseIndex: cases.length,
    gasManhole: (lon, lat, ok) => (gasManhole = nearestGasManhole(facilityBases, 'xiling', lon, lat, ok)),
  });
  const ledger = new DayLedger([...cases, lifeline.gasCase], localDayStart(start), end);
  const lines: SortableLine[] = [];
  const snapshot = (topic: Topic, asOf: number, payload: unknown): void => {
    lines.push({ t: asOf - start, topic, payload, k1: 0, k2: 0 });
  };

  const sampler = new UnitSampler(boundaries());
  snapshot('cases.baseline', start, buildBaseline(seed, cases, start, sampler));
  const everyMinute = Array.from({ length: DEMO_DURATION_MS / MINUTE + 1 }, (_, m) => start + m * MINUTE);
  const everyFive = everyMinute.filter((_, m) => m % 5 === 0);
  const unitRates = buildRates(seed, cases, start, everyFive);
  for (const r of unitRates) snapshot('rates.units', r.asOf, r);
  // Yesterday and today: the hourly trends and the national platform's reports reach 12 hours back.
  const history = new DayLedger(cases, trendHistoryFrom(start), end);
  const industry = buildIndustry(seed, ledger, everyMinute, history);
  for (const s of industry.snapshots) snapshot('industry.systems', s.asOf, s);
  for (const v of buildVolumes(seed, ledger, industry, everyMinute)) snapshot('data.volumes', v.asOf, v);
  for (const e of buildEvaluationSummaries(seed, unitRates, everyFive)) snapshot('evaluation.summary', e.asOf, e);
  for (const d of buildDepartmentRates(seed, everyFive)) snapshot('evaluation.departments', d.asOf, d);
  const everyTen = everyMinute.filter((_, m) => m % 10 === 0);
  for (const g of buildGuidance(seed, history, everyTen)) snapshot('guidance.catalog', g.asOf, g);
  for (const s of lifelineSnapshots(seed, lifeline, everyMinute, industry.series.dianti)) snapshot('lifeline.status', s.asOf, s);
  for (const h of buildHistory(seed, cases, ledger, everyMinute.filter((_, m) => m % 10 === 0))) snapshot('cases.history', h.asOf, h);
  for (const h of buildHotline(seed, cases, ledger, everyMinute)) snapshot('hotline.summary', h.asOf, h);
  // Featured topics. Parking and skyeye follow their systems' key figures in industry.systems exactly.
  for (const f of buildFlood(seed, start, everyMinute)) snapshot('flood.status', f.asOf, f);
  for (const p of buildParking(seed, everyMinute, industry.series.tingche)) snapshot('parking.status', p.asOf, p);
  for (const s of buildSkyeye(seed, everyMinute, industry.series.tianyan)) snapshot('skyeye.status', s.asOf, s);
  for (const e of buildEmergency(seed, start, everyMinute)) snapshot('emergency.status', e.asOf, e);
  const gasAlarm = lifeline.alarms.find((a) => a.caseId === lifeline.gasCase.id);
  const stepAt = (stage: string): number | undefined => lifeline.gasCase.steps.find((s) => s.stage === stage)?.at;
  const dispatchAt = stepAt('dispatch');
  const closeAt = stepAt('close');
  const gasStory = gasManhole && gasAlarm && dispatchAt !== undefined && closeAt !== undefined
    ? { manhole: gasManhole, alarmAt: gasAlarm.at, dispatchAt, closeAt }
    : null;
  const facilityChanges = planFacilityChanges(seed, start, end, facilityBases, gasStory);
  for (const f of facilitiesSnapshots(facilityBases, facilityChanges, everyMinute)) snapshot('facilities.status', f.asOf, f);
  facilityChanges.forEach((c, i) => lines.push({ t: c.at - start, topic: 'facility.change', payload: c, k1: i, k2: 0 }));
  for (const e of lifeline.gasEvents) {
    lines.push({ t: e.at - start, topic: 'case.event', payload: e, k1: lifeline.gasCase.index, k2: STAGE_IDS.indexOf(e.stage) });
  }

  const payloads = injectionTargets(cases, start);
  for (const c of cases) {
    const inWindow = c.steps.filter((s) => s.at >= start && s.at <= end);
    if (inWindow.length === 0) continue;
    // Place and words come from the case's own stream: independent of how many other cases there are.
    const { lon, lat, place, rng } = casePlace(seed, sampler, c);
    const description = describe(rng, c.channel, c.category, place.road, payloads.get(c.id));
    for (const s of inWindow) {
      const stageIndex = STAGE_IDS.indexOf(s.stage);
      const prev = c.steps[c.steps.indexOf(s) - 1];
      const event: CaseEvent = {
        caseId: c.id,
        stage: s.stage,
        prevStage: stageIndex === 0 ? null : (STAGE_IDS[stageIndex - 1] ?? null),
        at: s.at,
        unitId: c.unitId,
        channel: c.channel,
        category: c.category,
        lon,
        lat,
        dueAt: s.dueAt,
        overdue: s.overdue,
        ...(prev ? { prevAt: prev.at, prevDueAt: prev.dueAt } : {}),
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
