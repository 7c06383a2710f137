/**
 * The REST side of the feed (prefix FEED_API_PREFIX), on node:http with no framework: snapshots with
 * ETags, ranges for backfill, topics and health. JSON everywhere, `Cache-Control: no-store`, CORS open
 * for GET/HEAD (the wall may be served from another origin on the LAN).
 *
 * Status codes: 200, 304 (snapshot unchanged), 400 bad query parameter, 404 unknown route / unknown
 * topic / snapshot of an event topic / no message yet, 405 any method but GET, HEAD, OPTIONS (and POST
 * on the test hooks when they are enabled). Errors are `{ "error": "…" }` (ErrorResponse).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  FEED_API_PREFIX,
  MAX_RANGE_LIMIT,
  type ErrorResponse,
  type HealthResponse,
  type RangeResponse,
  type TopicsResponse,
} from '../data-adapters/feed-contract';
import { TOPICS, isTopic, type Topic } from '../data-adapters/schemas';
import type { FeedPublisher } from './socket';
import { FEED_TOPICS, type LiveStream } from './stream';

/** Test-only controls, reachable over HTTP only when the server runs with test hooks on. */
export interface HttpTestHooks {
  injectRaw(event: string, data: unknown): void;
  flood(n: number, topic?: Topic): number;
  /** Abrupt stop, then start again on the same port and origin after `restartAfterMs` (none if null). */
  killAndRestart(restartAfterMs: number | null): void;
}

export const TEST_HOOKS_PREFIX = '/__test';
const MAX_BODY_BYTES = 1024 * 1024;

export interface RestContext {
  stream: LiveStream;
  publisher: FeedPublisher;
  dataNow: () => number;
  testHooks: HttpTestHooks | null;
}

const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'If-None-Match',
  'Access-Control-Expose-Headers': 'ETag',
  'Access-Control-Max-Age': '600',
};

function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'Cache-Control': 'no-store',
    ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) }),
    ...headers,
  });
  res.end(req.method === 'HEAD' ? undefined : text);
}

function fail(req: IncomingMessage, res: ServerResponse, status: number, error: string): void {
  send(req, res, status, { error } satisfies ErrorResponse);
}

/** A non-negative integer query parameter; `fallback` when absent; an error string when malformed. */
function intParam(params: URLSearchParams, name: string, fallback: number, min: number): number | string {
  const raw = params.get(name);
  if (raw === null) return fallback;
  if (!/^\d{1,16}$/.test(raw)) return `"${name}" must be an integer ≥ ${min}, got ${JSON.stringify(raw.slice(0, 40))}`;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) return `"${name}" must be an integer ≥ ${min}, got ${raw}`;
  return value;
}

/** Does an If-None-Match header match this strong ETag? (Lists, weak validators and * accepted.) */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const tag = part.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

function topicParam(req: IncomingMessage, res: ServerResponse, raw: string): Topic | null {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    fail(req, res, 400, 'malformed topic in path');
    return null;
  }
  if (!isTopic(name)) {
    fail(req, res, 404, `unknown topic ${JSON.stringify(name.slice(0, 60))}; GET ${FEED_API_PREFIX}/topics lists them`);
    return null;
  }
  return name;
}

/** The request handler for every non-socket.io HTTP request. */
export function createRestHandler(ctx: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  const { stream, publisher } = ctx;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://feed.invalid');
    const path = url.pathname;

    if (ctx.testHooks && path.startsWith(`${TEST_HOOKS_PREFIX}/`)) {
      handleTestHook(ctx.testHooks, req, res, path.slice(TEST_HOOKS_PREFIX.length));
      return;
    }
    if (req.method === 'OPTIONS') {
      send(req, res, 204, undefined);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      fail(req, res, 405, `method ${req.method ?? '?'} not allowed; the feed is read-only`);
      return;
    }
    if (!path.startsWith(`${FEED_API_PREFIX}/`)) {
      fail(req, res, 404, `no route ${path.slice(0, 100)}; the API is under ${FEED_API_PREFIX}`);
      return;
    }
    const route = path.slice(FEED_API_PREFIX.length).split('/').slice(1);

    if (route.length === 1 && route[0] === 'health') {
      send(req, res, 200, { ok: true, epoch: stream.epoch, time: ctx.dataNow() } satisfies HealthResponse);
      return;
    }
    if (route.length === 1 && route[0] === 'topics') {
      const body: TopicsResponse = {
        epoch: stream.epoch,
        time: ctx.dataNow(),
        topics: FEED_TOPICS.map((topic) => ({ topic, kind: TOPICS[topic].kind, lastSeq: publisher.published(topic) })),
      };
      send(req, res, 200, body);
      return;
    }
    if (route.length === 2 && route[0] === 'snapshot') {
      const topic = topicParam(req, res, route[1] as string);
      if (!topic) return;
      if (TOPICS[topic].kind !== 'snapshot') {
        fail(req, res, 404, `${topic} is an event topic: it has no snapshot; use ${FEED_API_PREFIX}/events/${topic}`);
        return;
      }
      const seq = publisher.published(topic);
      if (seq === 0) {
        fail(req, res, 404, `no ${topic} message yet`);
        return;
      }
      const etag = `"${stream.epoch}:${seq}"`;
      if (etagMatches(req.headers['if-none-match'], etag)) {
        send(req, res, 304, undefined, { ETag: etag });
        return;
      }
      send(req, res, 200, stream.envelope(topic, seq), { ETag: etag });
      return;
    }
    if (route.length === 2 && route[0] === 'events') {
      const topic = topicParam(req, res, route[1] as string);
      if (!topic) return;
      const after = intParam(url.searchParams, 'after', 0, 0);
      if (typeof after === 'string') return fail(req, res, 400, after);
      const limit = intParam(url.searchParams, 'limit', MAX_RANGE_LIMIT, 1);
      if (typeof limit === 'string') return fail(req, res, 400, limit);
      const lastSeq = publisher.published(topic);
      const body: RangeResponse = {
        topic,
        epoch: stream.epoch,
        lastSeq,
        firstSeq: stream.firstSeqFor(lastSeq),
        messages: stream.range(topic, after, lastSeq, Math.min(limit, MAX_RANGE_LIMIT)),
      };
      send(req, res, 200, body);
      return;
    }
    fail(req, res, 404, `no route ${path.slice(0, 100)}`);
  };
}

function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? {} : JSON.parse(text));
      } catch {
        reject(new Error('body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * POST /__test/inject {event, data} · POST /__test/flood {n, topic?} · POST /__test/kill {restartAfterMs?}
 * Only mounted with --test-hooks.
 */
function handleTestHook(hooks: HttpTestHooks, req: IncomingMessage, res: ServerResponse, route: string): void {
  if (req.method !== 'POST') {
    fail(req, res, 405, 'test hooks take POST');
    return;
  }
  readJsonBody(req).then(
    (raw) => {
      const body = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
      switch (route) {
        case '/inject': {
          if (typeof body.event !== 'string') return fail(req, res, 400, '"event" must be a string');
          hooks.injectRaw(body.event, body.data);
          return send(req, res, 200, { ok: true });
        }
        case '/flood': {
          const n = body.n;
          if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > 1_000_000) return fail(req, res, 400, '"n" must be an integer 1…1000000');
          const topic = body.topic ?? 'case.event';
          if (!isTopic(topic)) return fail(req, res, 404, 'unknown topic');
          return send(req, res, 200, { ok: true, sent: hooks.flood(n, topic) });
        }
        case '/kill': {
          const after = body.restartAfterMs;
          if (after !== undefined && (typeof after !== 'number' || !Number.isSafeInteger(after) || after < 0)) {
            return fail(req, res, 400, '"restartAfterMs" must be a non-negative integer');
          }
          // Answer first: the kill tears down this very connection.
          send(req, res, 202, { ok: true });
          res.on('finish', () => hooks.killAndRestart(after ?? null));
          return;
        }
        default:
          return fail(req, res, 404, `no test hook ${route.slice(0, 60)}`);
      }
    },
    (err: unknown) => fail(req, res, 400, err instanceof Error ? err.message : String(err)),
  );
}
