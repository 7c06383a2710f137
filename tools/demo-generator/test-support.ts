/** Helpers for the generator's tests: parse a recording back and measure it independently. */
import type { CaseEvent, CasesBaseline, DataVolumes, IndustrySystems, Topic, UnitRates } from '../../data-adapters/schemas';
import type { RecordingHeader } from '../../data-adapters/recording';

export interface ParsedLine {
  t: number;
  topic: Topic;
  payload: unknown;
  /** The line's keys in order, to check the format's key order. */
  keys: string[];
}

export interface ParsedRecording {
  header: RecordingHeader;
  headerKeys: string[];
  lines: ParsedLine[];
}

export function parseRecording(text: string): ParsedRecording {
  if (!text.endsWith('\n')) throw new Error('recording must end with a newline');
  const raw = text.slice(0, -1).split('\n');
  const first = raw.shift();
  if (first === undefined) throw new Error('empty recording');
  const header = JSON.parse(first) as RecordingHeader;
  const lines = raw.map((line) => {
    const obj = JSON.parse(line) as { t: number; topic: Topic; payload: unknown };
    return { t: obj.t, topic: obj.topic, payload: obj.payload, keys: Object.keys(obj) };
  });
  return { header, headerKeys: Object.keys(header), lines };
}

export const payloadsOf = {
  baseline: (r: ParsedRecording): CasesBaseline[] => r.lines.filter((l) => l.topic === 'cases.baseline').map((l) => l.payload as CasesBaseline),
  events: (r: ParsedRecording): CaseEvent[] => r.lines.filter((l) => l.topic === 'case.event').map((l) => l.payload as CaseEvent),
  rates: (r: ParsedRecording): UnitRates[] => r.lines.filter((l) => l.topic === 'rates.units').map((l) => l.payload as UnitRates),
  industry: (r: ParsedRecording): IndustrySystems[] => r.lines.filter((l) => l.topic === 'industry.systems').map((l) => l.payload as IndustrySystems),
  volumes: (r: ParsedRecording): DataVolumes[] => r.lines.filter((l) => l.topic === 'data.volumes').map((l) => l.payload as DataVolumes),
};

/** Haversine distance in km: an independent check of the generator's flat-earth approximation. */
export function haversineKm(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
