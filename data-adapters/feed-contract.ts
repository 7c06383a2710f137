/**
 * The live backend contract the wall consumes (REST for snapshots and ranges, socket.io for changes).
 * The reference feed server (server/) implements it; a city's backend team implements the same.
 * Human-readable version with examples: docs/feed-contract.md. Payloads are the topic schemas in
 * schemas.ts — the same ones recordings use.
 *
 * Ordering and loss: every message carries a per-topic sequence number `seq` (1, 2, 3, … with no gaps
 * per topic within one `epoch`). A client that sees seq jump from n to n+k+1 fetches the missing range
 * from REST; a client that sees a new `epoch` (the server's stream was reset, e.g. new data store)
 * drops its per-topic positions and resynchronises from snapshots.
 */
import type { Topic } from './schemas';

export const FEED_API_PREFIX = '/api/v1';
/** socket.io namespace of the feed. */
export const FEED_NAMESPACE = '/feed';

/** One message on the wire (socket.io event 'msg', and the items of REST range responses). */
export interface FeedEnvelope {
  topic: Topic | string;
  /** Per-topic sequence number, from 1, contiguous within an epoch. */
  seq: number;
  /** Identifies the server's stream; changes only when sequence numbering restarts. */
  epoch: string;
  /** When the message was produced, epoch ms (the data clock of a live feed). */
  time: number;
  payload: unknown;
}

// ---- socket.io (namespace FEED_NAMESPACE) ----
/** client → server 'subscribe', with an ack. `after` = last seq the client holds per topic (same epoch). */
export interface SubscribeRequest {
  topics: string[];
  epoch?: string;
  after?: Record<string, number>;
}
export interface SubscribeAck {
  ok: boolean;
  error?: string;
  epoch: string;
  /** Newest seq per subscribed topic at the time of subscription. */
  lastSeq: Record<string, number>;
  /**
   * Oldest seq still retained per subscribed topic (optional; the reference server sends it). When a
   * client's `after` is below `firstSeq − 1`, the catch-up starts at `firstSeq` and the client resyncs.
   */
  firstSeq?: Record<string, number>;
}
/** server → client events. 'msg' carries one FeedEnvelope; 'msgs' a batch of them in seq order. */
export const SOCKET_EVENTS = { subscribe: 'subscribe', msg: 'msg', msgs: 'msgs' } as const;

// ---- REST (prefix FEED_API_PREFIX) ----
/**
 * GET  /topics                         → TopicsResponse
 * GET  /snapshot/:topic                → FeedEnvelope (latest message of a snapshot topic); ETag `"<epoch>:<seq>"`,
 *                                        304 when If-None-Match matches; 404 for an unknown topic or none yet
 * GET  /events/:topic?after=N&limit=M  → RangeResponse: messages with seq > N in order, at most M (≤ 5000)
 * GET  /health                         → { ok: true, epoch, time }
 */
export interface TopicsResponse {
  epoch: string;
  time: number;
  topics: { topic: string; kind: 'snapshot' | 'event'; lastSeq: number }[];
}
export interface RangeResponse {
  topic: string;
  epoch: string;
  /** Newest seq the server holds for this topic. */
  lastSeq: number;
  /** Oldest seq still retained (ranges before it are gone: the client resyncs from snapshots). */
  firstSeq: number;
  messages: FeedEnvelope[];
}
export const MAX_RANGE_LIMIT = 5000;
/** GET /health. `time` is the feed's data clock. */
export interface HealthResponse {
  ok: true;
  epoch: string;
  time: number;
}
/** Body of every 4xx/5xx JSON response (400 bad parameter, 404 unknown topic/route, 405 method). */
export interface ErrorResponse {
  error: string;
}
