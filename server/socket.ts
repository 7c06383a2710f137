/**
 * The socket.io side of the feed (namespace FEED_NAMESPACE): subscriptions with a seq catch-up, and the
 * live stream delivered once per tick.
 *
 * Delivery: each tick publishes everything that became due since the previous tick. Per topic, one new
 * message goes out as 'msg', several as 'msgs' batches (seq order, ≤ BATCH_MAX_MESSAGES and about
 * BATCH_MAX_BYTES each). Catch-ups always go out as 'msgs'.
 *
 * No gap and no duplicate between catch-up and live: the published position per topic only moves
 * inside `tick()`, and a subscribe is handled in one synchronous step — ack, catch-up (after, position],
 * join the topic's room — so no tick can run in between. The next live message in that room is
 * position + 1. The ack is written before the catch-up batches, which are written before any live one.
 *
 * Live messages are room broadcasts, so socket.io's connectionStateRecovery stores them and replays the
 * ones a briefly disconnected client missed (the socket comes back in its rooms, `socket.recovered`).
 * Catch-up batches are per-socket emits, which recovery does not store. A recovered client need not
 * resubscribe; if it does, the server honours its `after` as for any subscribe, so messages replayed by
 * recovery may arrive twice, and the client drops seq ≤ the last it holds (as the contract requires).
 * After a server restart nothing is recovered: the client resubscribes with `after` and gets exactly
 * the missed range.
 */
import type { Namespace, Socket } from 'socket.io';
import { z } from 'zod';
import { SOCKET_EVENTS, type FeedEnvelope, type SubscribeAck } from '../data-adapters/feed-contract';
import { isTopic, type Topic } from '../data-adapters/schemas';
import { FEED_TOPICS, type LiveStream } from './stream';

export const BATCH_MAX_MESSAGES = 500;
/** Keeps every batch well under the client's per-message size guard (MAX_MESSAGE_BYTES = 256 KiB). */
export const BATCH_MAX_BYTES = 192 * 1024;

export const roomOf = (topic: Topic): string => `topic:${topic}`;

const subscribeSchema = z.object({
  topics: z.array(z.string().max(100)).min(1).max(50),
  epoch: z.string().max(200).optional(),
  after: z.record(z.string(), z.number().int().nonnegative()).optional(),
});

/** Split envelopes into batches bounded by count and (approximate JSON) size. */
export function batches(envelopes: readonly FeedEnvelope[]): FeedEnvelope[][] {
  const out: FeedEnvelope[][] = [];
  let current: FeedEnvelope[] = [];
  let bytes = 0;
  for (const env of envelopes) {
    const size = JSON.stringify(env).length * 3; // ×3: worst case UTF-8 for CJK text
    if (current.length > 0 && (current.length >= BATCH_MAX_MESSAGES || bytes + size > BATCH_MAX_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(env);
    bytes += size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

export interface FeedPublisherOptions {
  stream: LiveStream;
  /** Data time now. */
  dataNow: () => number;
}

/**
 * Owns the published position of every topic. REST reads it too, so REST and socket.io always agree
 * on what exists.
 */
export class FeedPublisher {
  private readonly stream: LiveStream;
  private readonly dataNow: () => number;
  private readonly position = {} as Record<Topic, number>;
  private nsp: Namespace | null = null;

  constructor(options: FeedPublisherOptions) {
    this.stream = options.stream;
    this.dataNow = options.dataNow;
    this.catchUpToNow();
  }

  /** Newest published seq of a topic. */
  published(topic: Topic): number {
    return this.position[topic];
  }

  /** Move every position to now without sending (start-up: there is no one to send to yet). */
  catchUpToNow(): void {
    const now = this.dataNow();
    for (const topic of FEED_TOPICS) this.position[topic] = this.stream.lastSeqAt(topic, now);
  }

  /** Attach to a (new) namespace; detach with null. */
  attach(nsp: Namespace | null): void {
    this.nsp = nsp;
    nsp?.on('connection', (socket) => {
      socket.on(SOCKET_EVENTS.subscribe, (request: unknown, ack?: unknown) => {
        this.subscribe(socket, request, typeof ack === 'function' ? (ack as (a: SubscribeAck) => void) : null);
      });
    });
  }

  /** Publish everything that became due: one step per timer tick (or per call in tests). */
  tick(): void {
    const now = this.dataNow();
    for (const topic of FEED_TOPICS) {
      const last = this.stream.lastSeqAt(topic, now);
      const from = this.position[topic];
      if (last <= from) continue;
      this.position[topic] = last;
      if (!this.nsp) continue;
      // Always broadcast, even to an empty room: connectionStateRecovery stores broadcasts for
      // sockets that are momentarily disconnected (and so in no room).
      const room = this.nsp.to(roomOf(topic));
      const envelopes = this.stream.range(topic, from, last, Number.MAX_SAFE_INTEGER);
      if (envelopes.length === 1) room.emit(SOCKET_EVENTS.msg, envelopes[0]);
      else for (const batch of batches(envelopes)) room.emit(SOCKET_EVENTS.msgs, batch);
    }
  }

  private subscribe(socket: Socket, request: unknown, ack: ((a: SubscribeAck) => void) | null): void {
    const epoch = this.stream.epoch;
    const parsed = subscribeSchema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      ack?.({ ok: false, error: `bad subscribe request: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`, epoch, lastSeq: {} });
      return;
    }
    const req = parsed.data;
    const unknown = req.topics.filter((t) => !isTopic(t));
    if (unknown.length > 0) {
      ack?.({ ok: false, error: `unknown topic(s): ${unknown.slice(0, 5).join(', ')}`, epoch, lastSeq: {} });
      return;
    }
    const topics = [...new Set(req.topics)] as Topic[];
    // A catch-up only makes sense in the same numbering: another epoch's seqs mean nothing here.
    const resume = req.after !== undefined && req.epoch === epoch ? req.after : {};
    const lastSeq: Record<string, number> = {};
    const firstSeq: Record<string, number> = {};
    for (const topic of topics) {
      lastSeq[topic] = this.position[topic];
      firstSeq[topic] = this.stream.firstSeqFor(this.position[topic]);
    }
    // From here to the end: one synchronous step (see the header comment).
    ack?.({ ok: true, epoch, lastSeq, firstSeq });
    for (const topic of topics) {
      const after = resume[topic];
      if (after !== undefined && after < this.position[topic]) {
        const missed = this.stream.range(topic, after, this.position[topic], Number.MAX_SAFE_INTEGER);
        for (const batch of batches(missed)) socket.emit(SOCKET_EVENTS.msgs, batch);
      }
      void socket.join(roomOf(topic));
    }
  }

  /** Fault injection: send anything, as `event`, to every connected client. */
  injectRaw(event: string, data: unknown): void {
    this.nsp?.emit(event, data);
  }

  /**
   * Fault injection: send n real, already published envelopes of `topic` again as single 'msg's, as
   * fast as possible (the newest n, cycled when fewer exist). Every one is a duplicate a correct client
   * drops. Returns how many were sent.
   */
  flood(n: number, topic: Topic = 'case.event'): number {
    const last = this.position[topic];
    if (!this.nsp || last === 0 || n <= 0) return 0;
    const first = Math.max(this.stream.firstSeqFor(last), last - n + 1);
    const pool = this.stream.range(topic, first - 1, last, n);
    const room = this.nsp.to(roomOf(topic));
    for (let i = 0; i < n; i += 1) room.emit(SOCKET_EVENTS.msg, pool[i % pool.length]);
    return n;
  }
}
