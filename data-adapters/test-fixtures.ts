/**
 * Valid payloads per topic (see schemas.ts) and small recordings built from them, for tests.
 * An ordinary module, not a test: other suites (stores, scenes) may build recordings with it too.
 */
import { CHANNEL_IDS, STAGE_IDS, UNIT_IDS, type StageId } from './domain';
import { serializeRecording, type RecordingHeader, type RecordingLine } from './recording';
import type { CaseEvent, CasesBaseline, DataVolumes, IndustrySystems, UnitRates } from './schemas';

export const T0 = Date.UTC(2024, 5, 3, 0, 0, 0); // 2024-06-03 08:00 Beijing time

function fill<K extends string>(keys: readonly K[], value: (k: K, i: number) => number): Record<K, number> {
  const out = {} as Record<K, number>;
  keys.forEach((k, i) => (out[k] = value(k, i)));
  return out;
}

export function baselinePayload(asOf: number, cumulativeHandled = 860_600): CasesBaseline {
  return {
    asOf,
    cumulativeHandled,
    todayByUnit: fill(UNIT_IDS, (_k, i) => i),
    todayByChannel: fill(CHANNEL_IDS, (_k, i) => 10 * i),
    closedToday: 12,
    openByStage: fill(STAGE_IDS, (k, i) => (k === 'close' ? 0 : i + 1)),
    overdueOpen: 3,
    // Oldest first, ending with the day of asOf (UTC date; T0 is 08:00 in Yichang, the same day).
    trend: Array.from({ length: 7 }, (_v, i) => ({
      date: new Date(asOf - (6 - i) * 86_400_000).toISOString().slice(0, 10),
      received: 100 + i,
      closed: 90 + i,
    })),
  };
}

export function caseEventPayload(caseId: string, stage: StageId, at: number): CaseEvent {
  const order = STAGE_IDS.indexOf(stage);
  return {
    caseId,
    stage,
    prevStage: order > 0 ? (STAGE_IDS[order - 1] as StageId) : null,
    at,
    unitId: 'xiling',
    channel: 'hotline12345',
    category: 'environment',
    lon: 111.29,
    lat: 30.7,
    dueAt: at + 3_600_000,
    overdue: false,
    address: '西陵区 解放路',
    description: '路面有垃圾 <b>not html</b>',
  };
}

export function ratesPayload(asOf: number, response = 98.5): UnitRates {
  return { asOf, units: [{ unitId: 'xiling', response, completion: 95, satisfaction: 97.2 }] };
}

export function systemsPayload(asOf: number, state: 'online' | 'degraded' | 'offline' = 'online'): IndustrySystems {
  return {
    asOf,
    systems: [{ id: 'szcg', state, lastHeartbeat: asOf, keyFigure: { label: '今日案件', value: 120, unit: '件' } }],
  };
}

export function volumesPayload(asOf: number, records = 500_000): DataVolumes {
  return { asOf, tables: 40, sources: [{ id: 'szcg', records, todayIncrement: 12 }] };
}

export function header(durationMs: number, title = 'test recording'): RecordingHeader {
  return { format: 'citywall-recording', version: 1, startTime: T0, endTime: T0 + durationMs, title, seed: 42, generator: 'test-fixtures' };
}

/**
 * A 60 s recording with every topic: snapshots at t=0 and again later (so a backfill must pick the
 * latest), and case events walking through the closed loop every few seconds, some sharing a timestamp.
 */
export function sampleLines(): RecordingLine[] {
  const lines: RecordingLine[] = [
    { t: 0, topic: 'cases.baseline', payload: baselinePayload(T0) },
    { t: 0, topic: 'rates.units', payload: ratesPayload(T0, 90) },
    { t: 0, topic: 'industry.systems', payload: systemsPayload(T0) },
    { t: 0, topic: 'case.event', payload: caseEventPayload('C0', 'discover', T0) },
  ];
  let seq = 1;
  for (let s = 2; s <= 58; s += 2) {
    const t = s * 1000;
    const id = `C${s}`;
    lines.push({ t, topic: 'case.event', seq: seq++, payload: caseEventPayload(id, 'discover', T0 + t) });
    if (s % 6 === 0) lines.push({ t, topic: 'case.event', seq: seq++, payload: caseEventPayload(id, 'register', T0 + t) });
    if (s % 10 === 0) lines.push({ t, topic: 'rates.units', payload: ratesPayload(T0 + t, 90 + s / 10) });
    if (s === 20 || s === 40) lines.push({ t, topic: 'industry.systems', payload: systemsPayload(T0 + t, s === 20 ? 'degraded' : 'online') });
    if (s === 30) lines.push({ t, topic: 'data.volumes', payload: volumesPayload(T0 + t) });
  }
  lines.push({ t: 60_000, topic: 'case.event', payload: caseEventPayload('C60', 'discover', T0 + 60_000) });
  return lines;
}

export function sampleRecording(): string {
  return serializeRecording(header(60_000), sampleLines());
}
