/**
 * The REST half of the feed contract (feed-contract.ts): topics, snapshots with ETag, event ranges.
 * Every request has a timeout (AbortController, covering headers and body) and a byte limit checked
 * before any JSON work: Content-Length first, then the body is read chunk by chunk and abandoned as soon
 * as it passes the limit. Failures are FeedRequestError with a `kind`, so callers switch over them.
 */
import { z } from 'zod';
import { FEED_API_PREFIX, MAX_RANGE_LIMIT, type TopicsResponse } from '../feed-contract';
import { MAX_MESSAGE_BYTES } from '../schemas';

export type FeedRequestErrorKind = 'timeout' | 'network' | 'http' | 'too-large' | 'bad-json' | 'bad-shape';

export class FeedRequestError extends Error {
  override name = 'FeedRequestError';
  constructor(
    readonly kind: FeedRequestErrorKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

/** A snapshot answer: new data (with its ETag), unchanged (304), or none yet / unknown topic (404). */
export type SnapshotResult =
  | { kind: 'modified'; envelope: unknown; etag: string | null; bytes: number }
  | { kind: 'not-modified' }
  | { kind: 'none' };

export interface RangePage {
  epoch: string;
  lastSeq: number;
  firstSeq: number;
  /** Raw items, for the guard. */
  messages: unknown[];
}

export interface FeedRest {
  topics(): Promise<TopicsResponse>;
  snapshot(topic: string, etag: string | null): Promise<SnapshotResult>;
  /** Messages with seq > after, at most `limit` (clamped to MAX_RANGE_LIMIT). */
  range(topic: string, after: number, limit: number): Promise<RangePage>;
}

export interface FeedRestOptions {
  /** Origin of the feed server, e.g. "https://feed.example.cn"; FEED_API_PREFIX is appended. */
  baseUrl: string;
  timeoutMs: number;
  fetchImpl?: typeof fetch;
  /** Snapshot body limit (default MAX_MESSAGE_BYTES plus room for the envelope). */
  maxSnapshotBytes?: number;
  /** Range body limit (default 32 MiB; each item is still checked against MAX_MESSAGE_BYTES). */
  maxRangeBytes?: number;
}

const topicsSchema = z.object({
  epoch: z.string().min(1).max(100),
  time: z.number(),
  topics: z.array(z.object({ topic: z.string(), kind: z.enum(['snapshot', 'event']), lastSeq: z.number().int().nonnegative() })).max(1000),
});
const rangeSchema = z.object({
  epoch: z.string().min(1).max(100),
  lastSeq: z.number().int().nonnegative(),
  firstSeq: z.number().int().nonnegative(),
  messages: z.array(z.unknown()),
});

export function createFeedRest(options: FeedRestOptions): FeedRest {
  const fetchFn = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const base = options.baseUrl.replace(/\/+$/, '') + FEED_API_PREFIX;
  const maxSnapshot = options.maxSnapshotBytes ?? MAX_MESSAGE_BYTES + 4096;
  const maxRange = options.maxRangeBytes ?? 32 * 1024 * 1024;

  async function request(path: string, limit: number, headers: Record<string, string> = {}): Promise<{ res: Response; text: string | null }> {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), options.timeoutMs);
    try {
      let res: Response;
      try {
        res = await fetchFn(base + path, { headers: { accept: 'application/json', ...headers }, signal: ctl.signal, cache: 'no-store' });
      } catch (err) {
        if (ctl.signal.aborted) throw new FeedRequestError('timeout', `GET ${path}: no answer within ${options.timeoutMs} ms`);
        throw new FeedRequestError('network', `GET ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (res.status === 304 || res.status === 404) {
        void res.body?.cancel().catch(() => undefined);
        return { res, text: null };
      }
      if (!res.ok) {
        void res.body?.cancel().catch(() => undefined);
        throw new FeedRequestError('http', `GET ${path}: HTTP ${res.status}`, res.status);
      }
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limit) {
        void res.body?.cancel().catch(() => undefined);
        throw new FeedRequestError('too-large', `GET ${path}: ${declared} bytes refused (limit ${limit})`);
      }
      try {
        return { res, text: await readLimited(res, limit, path) };
      } catch (err) {
        if (err instanceof FeedRequestError) throw err;
        if (ctl.signal.aborted) throw new FeedRequestError('timeout', `GET ${path}: body not complete within ${options.timeoutMs} ms`);
        throw new FeedRequestError('network', `GET ${path}: ${err instanceof Error ? err.message : String(err)}`);
      }
    } finally {
      clearTimeout(timer);
    }
  }

  function parse(text: string, path: string): unknown {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new FeedRequestError('bad-json', `GET ${path}: body is not JSON`);
    }
  }

  return {
    async topics() {
      const path = '/topics';
      const { text } = await request(path, 1024 * 1024);
      if (text === null) throw new FeedRequestError('http', `GET ${path}: HTTP 404`, 404);
      const parsed = topicsSchema.safeParse(parse(text, path));
      if (!parsed.success) throw new FeedRequestError('bad-shape', `GET ${path}: ${describeIssue(parsed.error)}`);
      return parsed.data;
    },

    async snapshot(topic, etag) {
      const path = `/snapshot/${encodeURIComponent(topic)}`;
      const { res, text } = await request(path, maxSnapshot, etag ? { 'if-none-match': etag } : {});
      if (res.status === 304) return { kind: 'not-modified' };
      if (res.status === 404 || text === null) return { kind: 'none' };
      return { kind: 'modified', envelope: parse(text, path), etag: res.headers.get('etag'), bytes: byteLength(text) };
    },

    async range(topic, after, limit) {
      const n = Math.max(1, Math.min(MAX_RANGE_LIMIT, Math.floor(limit)));
      const path = `/events/${encodeURIComponent(topic)}?after=${Math.max(0, Math.floor(after))}&limit=${n}`;
      const { text } = await request(path, maxRange);
      if (text === null) throw new FeedRequestError('http', `GET ${path}: HTTP 404`, 404);
      const parsed = rangeSchema.safeParse(parse(text, path));
      if (!parsed.success) throw new FeedRequestError('bad-shape', `GET ${path}: ${describeIssue(parsed.error)}`);
      return parsed.data;
    },
  };
}

async function readLimited(res: Response, limit: number, path: string): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      void reader.cancel().catch(() => undefined);
      throw new FeedRequestError('too-large', `GET ${path}: body passed ${limit} bytes, refused`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

function byteLength(text: string): number {
  // Exact enough for the payload limit: the body has already been read within maxSnapshotBytes.
  return new TextEncoder().encode(text).byteLength;
}

function describeIssue(error: z.ZodError): string {
  const first = error.issues[0];
  return `${first?.path.length ? first.path.join('.') : '(root)'}: ${first?.message ?? 'invalid'}`;
}
