/**
 * The socket.io half of the feed contract: one connection to FEED_NAMESPACE that (re)subscribes on every
 * connect and hands raw envelopes to the owner. It never validates or orders anything itself.
 *
 * - Reconnect: socket.io-client's own reconnection, exponential with jitter (reconnectionDelay,
 *   reconnectionDelayMax, randomizationFactor), forever.
 * - Resubscribe: on every 'connect' the owner's current `subscribeRequest()` is sent — topics, epoch and
 *   the last seq held per topic (`after`), so the server can replay what was missed. If the server has
 *   socket.io's connectionStateRecovery on, it replays missed packets itself (`socket.recovered`);
 *   either way the sequencer drops what arrives twice.
 * - No outgoing burst on reconnect: socket.io-client buffers emits made while disconnected
 *   (`socket.sendBuffer`) and flushes them all on reconnect. The only thing this client ever sends is
 *   one 'subscribe' per connection, emitted only while connected (from the connect handler, or a
 *   resubscribe after a resync), and the send buffer is cleared on every disconnect, so nothing stale is
 *   ever flushed. (Not `socket.volatile`: a volatile emit is silently dropped while the engine upgrades
 *   from polling to WebSocket, which costs a whole ack timeout; an unanswered subscribe is retried here
 *   after a backoff instead, never by socket.io's `retries`.)
 * - The incoming handlers only push onto the owner's inbox: a flood costs one array push per message
 *   here, and the owner processes the inbox once per tick.
 */
import { io, type Socket } from 'socket.io-client';
import { FEED_NAMESPACE, SOCKET_EVENTS, type SubscribeAck, type SubscribeRequest } from '../feed-contract';
import { Backoff, type BackoffPolicy } from './backoff';

export type SocketFeedState = 'connecting' | 'subscribed' | 'down' | 'closed';

export interface SocketFeedOptions {
  /** Origin of the feed server; FEED_NAMESPACE is appended. */
  url: string;
  backoff: BackoffPolicy;
  /** Connect and subscribe-ack timeout, ms. */
  timeoutMs: number;
  subscribeRequest(): SubscribeRequest;
  /** Raw items of 'msg' (one) and 'msgs' (many); unvalidated. */
  onRaw(items: readonly unknown[]): void;
  onSubscribed(ack: SubscribeAck, recovered: boolean): void;
  onDown(reason: string): void;
}

export interface SocketFeed {
  readonly state: SocketFeedState;
  /** Send the subscribe request again now (after a resync changed the epoch or the positions). */
  resubscribe(): void;
  close(): void;
}

export function createSocketFeed(options: SocketFeedOptions): SocketFeed {
  let state: SocketFeedState = 'connecting';
  /** Bumped per subscribe, so a late ack of an older subscribe is ignored. */
  let subscribeId = 0;
  /** Refused or unanswered subscribes: the reconnect after one waits this backoff (reset when one succeeds). */
  const refusals = new Backoff(options.backoff);
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const socket: Socket = io(options.url.replace(/\/+$/, '') + FEED_NAMESPACE, {
    reconnection: true,
    reconnectionAttempts: Infinity,
    reconnectionDelay: options.backoff.baseMs,
    reconnectionDelayMax: options.backoff.maxMs,
    randomizationFactor: Math.min(1, Math.max(0, options.backoff.jitter ?? 0.5)),
    timeout: options.timeoutMs,
    // No client-side retries: a retried emit is exactly the buffered burst we do not want.
    retries: 0,
  });

  function subscribe(): void {
    if (!socket.connected) return; // never buffered: the next 'connect' subscribes with fresh positions
    const id = ++subscribeId;
    const request = options.subscribeRequest();
    socket
      .timeout(options.timeoutMs)
      .emit(SOCKET_EVENTS.subscribe, request, (err: Error | null, ack: SubscribeAck | undefined) => {
        if (id !== subscribeId || state === 'closed') return;
        if (err || !ack || typeof ack !== 'object') {
          fail(`subscribe: ${err ? err.message : 'no ack'}`);
          return;
        }
        if (!ack.ok || typeof ack.epoch !== 'string' || typeof ack.lastSeq !== 'object' || ack.lastSeq === null) {
          fail(`subscribe refused: ${typeof ack.error === 'string' ? ack.error.slice(0, 200) : 'bad ack'}`);
          return;
        }
        state = 'subscribed';
        refusals.reset();
        options.onSubscribed(ack, socket.recovered);
      });
  }

  function fail(reason: string): void {
    state = 'down';
    options.onDown(reason);
    // A refused or unanswered subscribe: drop the connection and try again after a backoff.
    socket.disconnect();
    retryLater();
  }

  function retryLater(): void {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (state !== 'closed') socket.connect();
    }, refusals.next());
  }

  socket.on('connect', () => {
    state = 'connecting';
    subscribe();
  });
  socket.on('disconnect', (reason) => {
    socket.sendBuffer.length = 0;
    if (state === 'closed') return;
    state = 'down';
    options.onDown(`disconnected (${reason})`);
    // The server dropped us on purpose: socket.io does not reconnect by itself then, but a wall must.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    if (state === 'closed') return;
    state = 'down';
    options.onDown(`cannot connect: ${err.message}`);
    // Refused by a server middleware (auth, overload): socket.io gives up on that socket
    // (`active` false) and will not reconnect by itself. A wall must, after a backoff.
    if (!socket.active) retryLater();
  });
  socket.on(SOCKET_EVENTS.msg, (item: unknown) => {
    options.onRaw([item]);
  });
  socket.on(SOCKET_EVENTS.msgs, (items: unknown) => {
    options.onRaw(Array.isArray(items) ? items : [items]);
  });

  return {
    get state() {
      return state;
    },
    resubscribe() {
      subscribe();
    },
    close() {
      state = 'closed';
      if (retryTimer !== null) clearTimeout(retryTimer);
      subscribeId += 1;
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
