/**
 * The citywall recording format (NDJSON, UTF-8), described for people in docs/recording-format.md.
 *
 *   line 1:  {"format":"citywall-recording","version":1,"startTime":…,"endTime":…,"title":"…","seed":…,"generator":"…"}
 *   line n:  {"t":<integer ms since startTime>,"topic":"<topic>","seq":<optional>,"payload":{…}}
 *
 * Reading is forgiving per line and strict about the header: a bad line is skipped with its line number
 * and reason and parsing goes on (a recording that is 99% good still drives the wall); a bad header is
 * fatal, because without a time range nothing can be replayed.
 *
 * Writing is byte-stable: the header and the line envelope have a fixed key order, and payload keys are
 * sorted recursively (canonical JSON), so the bytes depend only on the data, never on the order in which
 * a generator happened to build its objects (nor on zod's output order when a parsed recording is
 * written back).
 */
import { z } from 'zod';
import { MAX_MESSAGE_BYTES, validateMessage, type Message } from './schemas';

export const RECORDING_FORMAT = 'citywall-recording';
export const RECORDING_VERSION = 1;
/** Key used in `rejectedByTopic` when a line's topic could not be read. */
export const UNPARSED_TOPIC = '(unparsed)';

const headerSchema = z
  .object({
    format: z.literal(RECORDING_FORMAT),
    version: z.literal(RECORDING_VERSION),
    startTime: z.number().int().nonnegative(),
    endTime: z.number().int().nonnegative(),
    title: z.string().max(200),
    /** The generator's seed; absent for a recording taken from a live source. */
    seed: z.union([z.number(), z.string()]).optional(),
    generator: z.string().max(200),
  })
  .refine((h) => h.endTime >= h.startTime, { message: 'endTime is before startTime', path: ['endTime'] });

export type RecordingHeader = z.infer<typeof headerSchema>;

/** One data line as written: `t` is integer milliseconds since the header's startTime. */
export interface RecordingLine {
  t: number;
  topic: string;
  seq?: number;
  payload: unknown;
}

export interface RejectedLine {
  /** 1-based line number in the file (the header is line 1). */
  line: number;
  /** The line's topic if it could be read, else UNPARSED_TOPIC. */
  topic: string;
  reason: string;
}

export interface ParsedRecording {
  header: RecordingHeader;
  /** Validated messages in non-decreasing receiveTime (= startTime + t), in file order for equal times. */
  messages: Message[];
  rejected: RejectedLine[];
}

/** The recording cannot be used at all (missing or invalid header). Bad data lines never throw. */
export class RecordingFormatError extends Error {
  override name = 'RecordingFormatError';
}

/** Parse a whole recording in one pass. Throws RecordingFormatError only for a missing or bad header. */
export function parseRecording(text: string): ParsedRecording {
  const lines = text.split('\n');
  const header = parseHeader(stripCr(stripBom(lines[0] ?? '')));
  const duration = header.endTime - header.startTime;
  const messages: Message[] = [];
  const rejected: RejectedLine[] = [];
  let lastT = 0;

  for (let i = 1; i < lines.length; i += 1) {
    const raw = stripCr(lines[i] as string);
    // Blank lines (the one after the final '\n', or stray ones) carry nothing and are not errors.
    if (raw.trim() === '') continue;
    const lineNo = i + 1;
    const reject = (topic: string, reason: string): void => {
      rejected.push({ line: lineNo, topic, reason });
    };

    const bytes = utf8LengthOver(raw, MAX_MESSAGE_BYTES);
    if (bytes !== null) {
      reject(peekTopic(raw), `line is ${bytes} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`);
      continue;
    }
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch (err) {
      reject(UNPARSED_TOPIC, `invalid JSON (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      reject(UNPARSED_TOPIC, 'line is not a JSON object');
      continue;
    }
    const rec = obj as Record<string, unknown>;
    const topic = topicKey(rec.topic);
    const t = rec.t;
    if (typeof t !== 'number' || !Number.isSafeInteger(t)) {
      reject(topic, `"t" must be an integer number of milliseconds, got ${describe(t)}`);
      continue;
    }
    if (t < 0 || t > duration) {
      reject(topic, `t=${t} is outside the recording [0, ${duration}]`);
      continue;
    }
    if (t < lastT) {
      reject(topic, `t=${t} is before the previous line's t=${lastT} (lines must be in time order)`);
      continue;
    }
    const seq = rec.seq;
    if (seq !== undefined && (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)) {
      reject(topic, `"seq" must be a non-negative integer, got ${describe(seq)}`);
      continue;
    }
    if (!('payload' in rec)) {
      reject(topic, 'missing "payload"');
      continue;
    }
    const result = validateMessage(rec.topic, rec.payload, header.startTime + t, seq);
    if (!result.ok) {
      reject(topic, result.reason);
      continue;
    }
    lastT = t;
    messages.push(result.message);
  }
  return { header, messages, rejected };
}

/**
 * Write a recording: the header, then one line per entry, each `JSON.stringify`-ed with the fixed key
 * order (header: format, version, startTime, endTime, title, seed, generator; line: t, topic, seq,
 * payload, with seq omitted when undefined and payload keys sorted), and '\n' after every line,
 * including the last. Throws on input the parser would reject at the envelope level (bad header, t not
 * an integer, out of order or out of range, a line over MAX_MESSAGE_BYTES), so a writer cannot produce a
 * file that silently loses data. Payloads are not schema-checked here: the generator validates them.
 */
export function serializeRecording(header: RecordingHeader, lines: Iterable<RecordingLine>): string {
  const checked = headerSchema.safeParse(header);
  if (!checked.success) throw new RecordingFormatError(`invalid header: ${issueText(checked.error)}`);
  const h = checked.data;
  const duration = h.endTime - h.startTime;
  const out: string[] = [
    JSON.stringify({
      format: h.format,
      version: h.version,
      startTime: h.startTime,
      endTime: h.endTime,
      title: h.title,
      seed: h.seed,
      generator: h.generator,
    }),
  ];
  let lastT = 0;
  let n = 0;
  for (const line of lines) {
    n += 1;
    const { t, topic, seq, payload } = line;
    if (!Number.isSafeInteger(t) || t < 0 || t > duration || t < lastT) {
      throw new RangeError(`entry ${n}: t=${String(t)} must be an integer in [${lastT}, ${duration}]`);
    }
    lastT = t;
    // Same bytes as JSON.stringify({t, topic, seq, payload}) with that key order.
    const text =
      `{"t":${JSON.stringify(t)},"topic":${JSON.stringify(topic)}` +
      (seq === undefined ? '' : `,"seq":${JSON.stringify(seq)}`) +
      `,"payload":${JSON.stringify(payload, sortKeys) ?? 'null'}}`;
    const bytes = utf8LengthOver(text, MAX_MESSAGE_BYTES);
    if (bytes !== null) throw new RangeError(`entry ${n}: line is ${bytes} bytes, over ${MAX_MESSAGE_BYTES}`);
    out.push(text);
  }
  return out.join('\n') + '\n';
}

/** The lines that write `messages` back (e.g. a recorder tapping a source, or a round trip). */
export function toRecordingLines(header: RecordingHeader, messages: Iterable<Message>): RecordingLine[] {
  const lines: RecordingLine[] = [];
  for (const m of messages) {
    const line: RecordingLine = { t: m.receiveTime - header.startTime, topic: m.topic, payload: m.payload };
    if (m.seq !== undefined) line.seq = m.seq;
    lines.push(line);
  }
  return lines;
}

function parseHeader(line: string): RecordingHeader {
  if (line.trim() === '') throw new RecordingFormatError('not a citywall recording: line 1 (the header) is empty');
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    throw new RecordingFormatError('not a citywall recording: line 1 (the header) is not JSON');
  }
  const rec = (typeof obj === 'object' && obj !== null ? obj : {}) as Record<string, unknown>;
  if (rec.format !== RECORDING_FORMAT) {
    throw new RecordingFormatError(`not a citywall recording: header "format" is ${describe(rec.format)}, expected "${RECORDING_FORMAT}"`);
  }
  if (rec.version !== RECORDING_VERSION) {
    throw new RecordingFormatError(`unsupported recording version ${describe(rec.version)} (this build reads version ${RECORDING_VERSION})`);
  }
  const parsed = headerSchema.safeParse(obj);
  if (!parsed.success) throw new RecordingFormatError(`invalid recording header: ${issueText(parsed.error)}`);
  return parsed.data;
}

/** JSON.stringify replacer that writes every plain object's keys in sorted order (arrays keep theirs). */
function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const src = value as Record<string, unknown>;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(src).sort()) sorted[k] = src[k];
  return sorted;
}

/**
 * The UTF-8 byte length of `s` if it exceeds `limit`, else null. A UTF-16 code unit takes 1–3 bytes
 * (a surrogate pair 4 bytes for 2 units), so most lines are decided from `s.length` without encoding.
 */
function utf8LengthOver(s: string, limit: number): number | null {
  if (s.length * 3 <= limit) return null;
  const bytes = utf8Length(s);
  return bytes > limit ? bytes : null;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
}

/** The topic named near the start of an oversize line, without parsing the whole line. */
function peekTopic(raw: string): string {
  const m = /"topic"\s*:\s*"([^"\\]{1,60})"/.exec(raw.slice(0, 512));
  return m?.[1] ?? UNPARSED_TOPIC;
}

/** The `rejectedByTopic` key for a raw topic value: bounded, so a hostile file cannot grow it without limit. */
function topicKey(topic: unknown): string {
  return typeof topic === 'string' && topic.length > 0 ? topic.slice(0, 60) : UNPARSED_TOPIC;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  return (JSON.stringify(v) ?? String(v)).slice(0, 60);
}

function issueText(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return 'invalid';
  return `${first.path.length ? first.path.join('.') : '(root)'}: ${first.message}`;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}
