/**
 * A bigger recording from the shipped one, to show how load and seek grow with size: `copies`
 * back-to-back copies of the 30-minute demo, each shifted by one recording length.
 *
 * Shifting only the envelope's `t` is not enough: the reducers key on the payload (a case event whose
 * caseId+stage was seen is dropped as a duplicate, one at or before the baseline's asOf is ignored),
 * so copies with unshifted payloads would mostly hit the cheap "drop it" path and flatter both sides.
 * Each copy therefore also shifts every payload time (at, dueAt, asOf, lastHeartbeat) and gets its own
 * caseIds, and only the first copy keeps the `cases.baseline`: the result reads like one long morning
 * with 20× the cases, which is what a bigger recording would be. Written with serializeRecording, so it
 * passes the same envelope checks as a generated file.
 */
import { parseRecording, serializeRecording, type RecordingLine } from '../../data-adapters/recording';
import type { Message } from '../../data-adapters/schemas';
import { shiftPayload as shiftFeedPayload } from '../../server/stream';

export function scaleRecording(text: string, copies: number): string {
  if (!Number.isInteger(copies) || copies < 1) throw new RangeError(`copies must be a positive integer, got ${copies}`);
  const { header, messages, rejected } = parseRecording(text);
  if (rejected.length > 0) throw new Error(`the source recording has ${rejected.length} rejected lines (first: ${rejected[0]?.reason})`);
  const span = header.endTime - header.startTime;
  const lines: RecordingLine[] = [];
  for (let k = 0; k < copies; k += 1) {
    const off = k * span;
    for (const m of messages) {
      if (k > 0 && m.topic === 'cases.baseline') continue;
      const line: RecordingLine = { t: m.receiveTime - header.startTime + off, topic: m.topic, payload: shiftPayload(m, off, k) };
      if (m.seq !== undefined) line.seq = m.seq;
      lines.push(line);
    }
  }
  return serializeRecording({ ...header, endTime: header.startTime + copies * span, title: `${header.title} ×${copies}`.slice(0, 200) }, lines);
}

/** The payload of `m` moved `off` ms later; copy 0 is returned unchanged. */
function shiftPayload(m: Message, off: number, copy: number): unknown {
  if (copy === 0) return m.payload;
  switch (m.topic) {
    case 'case.event': {
      const { prevAt, prevDueAt } = m.payload;
      return {
        ...m.payload,
        caseId: `${m.payload.caseId}~${copy}`,
        at: m.payload.at + off,
        dueAt: m.payload.dueAt + off,
        ...(prevAt === undefined ? {} : { prevAt: prevAt + off }),
        ...(prevDueAt === undefined ? {} : { prevDueAt: prevDueAt + off }),
      };
    }
    case 'cases.baseline':
      return { ...m.payload, asOf: m.payload.asOf + off };
    case 'rates.units':
    case 'data.volumes':
      return { ...m.payload, asOf: m.payload.asOf + off };
    case 'industry.systems':
      return {
        ...m.payload,
        asOf: m.payload.asOf + off,
        systems: m.payload.systems.map((s) => ({ ...s, lastHeartbeat: s.lastHeartbeat + off })),
      };
    // The featured topics shift exactly as the feed server shifts them (every epoch-ms field).
    case 'flood.status':
    case 'parking.status':
    case 'skyeye.status':
    case 'emergency.status':
    case 'hotline.summary':
    case 'lifeline.status':
    case 'cases.history':
    case 'evaluation.summary':
    case 'evaluation.departments':
    case 'guidance.catalog':
    case 'facilities.status':
    case 'facility.change':
      return shiftFeedPayload(m.topic, m.payload, off, copy);
    default:
      return assertNever(m);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected message ${JSON.stringify(x)}`);
}
