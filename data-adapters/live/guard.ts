/**
 * The boundary of a live feed: size limit before any JSON work, envelope shape, payload validation with
 * the same schemas as the recorded source (`validateMessage`), and the per-topic accounting the wall's
 * health indicator shows. Nothing else in the live source looks at raw data.
 *
 * Order matters for gap detection: an envelope with a good shape (topic, seq, epoch, time) is sequenced
 * even when its payload is refused (too big, invalid), so its seq is consumed and a refused message
 * never looks like a hole that a range fetch would try — and fail — to fill forever. Only envelopes
 * whose seq cannot be read are dropped before sequencing.
 */
import type { FeedEnvelope } from '../feed-contract';
import type { Logger } from '../log';
import { MAX_MESSAGE_BYTES, isTopic, validateMessage, type Message } from '../schemas';
import type { SourceHealth } from '../source';

/** Key of `rejectedByTopic` when an envelope's topic cannot be read. */
export const UNKNOWN_TOPIC = '(unknown)';
/** Per topic, the first this many rejections are logged one by one, then one line per 1000. */
export const LOGGED_REJECTIONS_PER_TOPIC = 20;

/**
 * A cheap upper-bound-ish size of an already-parsed JSON value (socket.io hands us objects, not bytes):
 * string lengths in UTF-16 units ×1 (ASCII) or ×3 (beyond), numbers 24, plus punctuation. Stops as soon
 * as `limit` is passed, so a hostile 50 MB payload costs at most `limit` work — unlike JSON.stringify,
 * which would build the whole 50 MB string first. Returns a number > limit when over.
 */
export function approxJsonSize(value: unknown, limit: number): number {
  let size = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') size += strBytes(v);
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) size += 24;
    else if (Array.isArray(v)) {
      size += 2 + v.length;
      for (let i = 0; i < v.length && size <= limit; i += 1) stack.push(v[i]);
    } else if (typeof v === 'object') {
      for (const k in v as Record<string, unknown>) {
        size += strBytes(k) + 4;
        stack.push((v as Record<string, unknown>)[k]);
        if (size > limit) break;
      }
      size += 2;
    } else size += 24;
    if (size > limit) return size;
  }
  return size;
}

function strBytes(s: string): number {
  // Cheap bound without encoding: ASCII-only strings are exact; others are counted at 3 bytes a unit.
  if (s.length > 4096) return s.length * 3 + 2;
  for (let i = 0; i < s.length; i += 1) if (s.charCodeAt(i) > 0x7f) return s.length * 3 + 2;
  return s.length + 2;
}

export interface Guard {
  /**
   * Check an envelope (a socket.io 'msg' item or a REST response item). `byteLength` when known (REST
   * body) skips the estimate. Returns null — counted and logged — when it cannot even be sequenced.
   * A too-big payload comes back sequencable but marked refused: `message()` will drop it.
   */
  envelope(raw: unknown, byteLength?: number): FeedEnvelope | null;
  /** Validate an envelope's payload; null (counted, logged) when refused. */
  message(env: FeedEnvelope): Message | null;
  /** Count and log a rejection found elsewhere (a REST body that is not JSON, a response too large). */
  reject(topic: string, reason: string): void;
  health(): SourceHealth;
}

export interface GuardOptions {
  logger: Logger;
  maxBytes?: number;
  /** Called on every rejection with the topic it is counted under (freshness marks the topic 'error'). */
  onReject?: (topic: string, reason: string) => void;
}

export function createGuard(options: GuardOptions): Guard {
  const maxBytes = options.maxBytes ?? MAX_MESSAGE_BYTES;
  const refused = new WeakMap<FeedEnvelope, string>();
  let accepted = 0;
  let rejected = 0;
  const rejectedByTopic: Record<string, number> = {};
  let lastError: string | null = null;

  function reject(topic: string, reason: string): void {
    rejected += 1;
    const n = (rejectedByTopic[topic] = (rejectedByTopic[topic] ?? 0) + 1);
    lastError = `${topic}: ${reason}`;
    if (n <= LOGGED_REJECTIONS_PER_TOPIC) options.logger.warn(`dropped a message of ${topic}: ${reason}`);
    else if (n % 1000 === 0) options.logger.warn(`${n} messages of ${topic} dropped so far; latest: ${reason}`);
    options.onReject?.(topic, reason);
  }

  return {
    envelope(raw, byteLength) {
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        reject(UNKNOWN_TOPIC, `envelope is ${Array.isArray(raw) ? 'an array' : typeof raw}, not an object`);
        return null;
      }
      const r = raw as Record<string, unknown>;
      const topic = typeof r.topic === 'string' && r.topic.length <= 100 ? r.topic : UNKNOWN_TOPIC;
      if (!isTopic(r.topic)) {
        reject(topic, `unknown topic ${JSON.stringify(r.topic)?.slice(0, 60)}`);
        return null;
      }
      if (typeof r.seq !== 'number' || !Number.isSafeInteger(r.seq) || r.seq < 1) return fail(topic, 'seq is not a positive integer');
      if (typeof r.epoch !== 'string' || r.epoch.length === 0 || r.epoch.length > 100) return fail(topic, 'epoch is not a short string');
      if (typeof r.time !== 'number' || !Number.isFinite(r.time) || r.time < 0) return fail(topic, 'time is not epoch ms');
      const env: FeedEnvelope = { topic: r.topic, seq: r.seq, epoch: r.epoch, time: r.time, payload: r.payload };
      const size = byteLength ?? approxJsonSize(r.payload, maxBytes);
      if (size > maxBytes) {
        env.payload = null; // let the big value go now; the envelope only carries its seq on
        refused.set(env, `payload of about ${size} bytes refused (limit ${maxBytes})`);
      }
      return env;
    },

    message(env) {
      const refusal = refused.get(env);
      if (refusal !== undefined) {
        reject(env.topic, refusal);
        return null;
      }
      const v = validateMessage(env.topic, env.payload, env.time, env.seq);
      if (!v.ok) {
        reject(v.topic ?? UNKNOWN_TOPIC, `seq ${env.seq}: ${v.reason}`);
        return null;
      }
      accepted += 1;
      return v.message;
    },

    reject,

    health() {
      return { accepted, rejected, rejectedByTopic: { ...rejectedByTopic }, lastError };
    },
  };

  function fail(topic: string, reason: string): null {
    reject(topic, reason);
    return null;
  }
}
