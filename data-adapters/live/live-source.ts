/**
 * The live source: one Source over the feed contract (feed-contract.ts), socket.io for changes and
 * REST for everything that must be asked for — the initial picture, missed ranges, and polling when
 * there is no socket. One source rather than two so that both paths share one sequencer (dedupe across
 * them is then free), one guard (one set of counts) and one freshness judgement; `transport: 'rest'`
 * simply never opens the socket and polls all the time.
 *
 * Delivery contract (the stores cannot tell this from the recorded source):
 * - Start: 'loading'; GET /topics, the snapshot of each snapshot topic and the tail of each event topic
 *   (`initialEventBacklog` messages, paged) arrive as reset() + one {backfill:true} batch.
 * - Then every tick (`tickMs`, 100 ms) everything that arrived since the last tick — socket messages,
 *   polled snapshots, range fetches — is validated, deduplicated and delivered as ONE batch in data-time
 *   order, followed by one state(). A flood of 10 000 messages a second is 10 batches a second, never
 *   10 000 listener calls: the socket handlers only push onto an inbox (bounded by `maxInbox`; what
 *   overflows becomes a seq gap that REST fills later).
 * - A new epoch (the server's numbering restarted) is a full resync: reset() + a backfill, as at start.
 * - Gaps in an event topic are fetched from REST (`after=last seq held`, paged by `rangeLimit`) while the
 *   messages after the hole are held back, so stores always see each topic in seq order, each message
 *   once. History the server no longer has (firstSeq beyond the hole) forces a resync.
 * - On every (re)connect the socket resubscribes with `after` per topic; whatever the server (or
 *   connectionStateRecovery) replays is deduplicated; what it does not replay is fetched from REST once
 *   `catchUpGraceMs` has passed and the subscribe ack's lastSeq is still ahead of us.
 * - While the socket is down for longer than `fallbackAfterMs`, every topic is polled over REST at its
 *   interval (snapshots with If-None-Match), until the socket is back.
 * - Failures never reject and never clear data: every retry uses exponential backoff with jitter,
 *   forever; status is 'error' only while neither the socket nor REST works.
 *
 * Clock: the data clock of the feed, running in real time from the newest data time seen (so it keeps
 * ticking through an outage and agrees with the data even if the server's clock is not the wall's);
 * before any data, the wall clock. endTime null, no capabilities.
 */
import { createListenerCaller } from '../listener-call';
import type { FeedEnvelope, SubscribeAck, SubscribeRequest } from '../feed-contract';
import { createConsoleLogger, type Logger } from '../log';
import { DEFAULT_TICK_MS, defaultNow, defaultSchedule, type Cancel, type Now, type Schedule } from '../replay-clock';
import { TOPICS, isTopic, type Message, type Topic } from '../schemas';
import type { Capability, Source, SourceState, SourceStatus, TopicInfo } from '../source';
import { Backoff, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { FreshnessTracker } from './freshness';
import { createGuard } from './guard';
import { createPoller, type Poller } from './poller';
import { FeedRequestError, createFeedRest, type FeedRest } from './rest-client';
import { SeqTracker } from './seq-tracker';
import { createSocketFeed, type SocketFeed } from './socket-feed';
import { scheduleOnce } from './timers';
import { LIVE_TOPICS, topicTiming, type TopicTiming } from './topic-timing';

export type LiveTransport = 'socket.io' | 'rest';

export interface LiveSourceOptions {
  /** Origin of the feed server, e.g. "https://feed.yichang.example". */
  url: string;
  /** 'socket.io' (default): changes over the socket, REST for the rest; 'rest': poll everything. */
  transport?: LiveTransport;
  /** Per-topic poll interval and stale threshold (defaults: DEFAULT_TOPIC_TIMING). */
  topics?: Partial<Record<Topic, Partial<TopicTiming>>>;
  /** Timeout of every REST request and of connect/subscribe, ms (default 8000). */
  requestTimeoutMs?: number;
  /** Retry policy of REST and of the socket's reconnection (default DEFAULT_BACKOFF). */
  backoff?: BackoffPolicy;
  /** Socket down this long → poll over REST until it is back, ms (default 5000). */
  fallbackAfterMs?: number;
  /** Event messages fetched at start and at a resync, per event topic (default 2000). */
  initialEventBacklog?: number;
  /** Page size of range fetches (default 1000, at most MAX_RANGE_LIMIT). */
  rangeLimit?: number;
  /** After a subscribe ack, how long the server may take to replay before REST fetches it, ms (default 1000). */
  catchUpGraceMs?: number;
  /** Messages held behind a hole per topic before the hole is given up as lost (default 20 000). */
  maxHeldPerTopic?: number;
  /** Raw socket messages waiting for the next tick, at most (default 200 000). */
  maxInbox?: number;
  tickMs?: number;
  /** Monotonic ms (timers, freshness). */
  now?: Now;
  /** Wall-clock epoch ms (the data clock before any data). */
  wallNow?: () => number;
  schedule?: Schedule;
  random?: () => number;
  fetchImpl?: typeof fetch;
  logger?: Logger;
}

const CAPABILITIES: ReadonlySet<Capability> = new Set<Capability>();
const ALL_TOPICS: readonly TopicInfo[] = LIVE_TOPICS.map((topic) => ({ topic, kind: TOPICS[topic].kind }));
/** Raw socket messages handled per tick at most; the rest wait for the next tick (bounded frame time). */
const MAX_PER_TICK = 20_000;
/** Events kept to rebuild a listener set after start (a live feed cannot be replayed). */
const MAX_RETAINED_EVENTS = 20_000;
/** Failed start attempts before 'loading' turns into 'error' (retries go on). */
const LOADING_ATTEMPTS = 3;

type Phase = 'idle' | 'starting' | 'running' | 'closed';

export interface LiveSource extends Source {
  /** Counters for tests, the bench and the operator console. */
  readonly stats: LiveStats;
}
export interface LiveStats {
  duplicates: number;
  gapsFetched: number;
  lostSeqs: number;
  resyncs: number;
  inboxOverflow: number;
  polling: boolean;
  /** The socket's state now ('off' with transport 'rest'). */
  readonly socket: string;
}

export function createLiveSource(options: LiveSourceOptions): LiveSource {
  const logger = options.logger ?? createConsoleLogger('[citywall:live]');
  const transport: LiveTransport = options.transport ?? 'socket.io';
  const now = options.now ?? defaultNow;
  const wallNow = options.wallNow ?? (() => Date.now());
  const schedule = options.schedule ?? defaultSchedule;
  const backoffPolicy = options.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = options.requestTimeoutMs ?? 8_000;
  const fallbackAfterMs = options.fallbackAfterMs ?? 5_000;
  const backlog = Math.max(0, options.initialEventBacklog ?? 2_000);
  const rangeLimit = Math.max(1, options.rangeLimit ?? 1_000);
  const graceMs = options.catchUpGraceMs ?? 1_000;
  const maxHeld = options.maxHeldPerTopic ?? 20_000;
  const maxInbox = options.maxInbox ?? 200_000;
  const timing = (t: Topic): TopicTiming => topicTiming(options.topics, t);

  const rest: FeedRest = createFeedRest({ baseUrl: options.url, timeoutMs, fetchImpl: options.fetchImpl });
  const freshness = new FreshnessTracker(LIVE_TOPICS, (t) => timing(t).staleAfterMs, now);
  const guard = createGuard({
    logger,
    onReject: (topic, reason) => {
      if (isTopic(topic)) freshness.fail(topic, reason);
    },
  });
  const tracker = new SeqTracker((t) => (isTopic(t) ? TOPICS[t].kind : null));
  const stats: LiveStats = {
    duplicates: 0,
    gapsFetched: 0,
    lostSeqs: 0,
    resyncs: 0,
    inboxOverflow: 0,
    polling: false,
    get socket() {
      return socket?.state ?? 'off';
    },
  };

  let phase: Phase = 'idle';
  let startPromise: Promise<void> | null = null;
  let cancelTick: Cancel | null = null;
  let socket: SocketFeed | null = null;
  let poller: Poller | null = null;

  let synced = false;
  let syncing = false;
  let syncRequested = false;
  /**
   * Why a sync was asked for while one ran: epochs seen (a repeat of the epoch the running sync lands
   * on needs no second sync) or 'gone' (history lost: always sync again).
   */
  const askedDuringSync = new Set<string>();
  let startFailures = 0;
  let firstAttemptDone: (() => void) | null = null;
  let restHealthy = true;
  let lastFailure: string | null = null;
  /** Epochs left behind by a resync: their late messages are dropped quietly. */
  const retiredEpochs = new Set<string>();
  /** Newest seq the server is known to hold per topic, and since when (for the catch-up grace). */
  const knownLast = new Map<Topic, { seq: number; at: number }>();
  const inFlight = new Set<Topic>();
  const retryAt = new Map<Topic, number>();
  const topicBackoff = new Map<Topic, Backoff>(LIVE_TOPICS.map((t) => [t, new Backoff(backoffPolicy, options.random)]));
  const etags = new Map<Topic, string>();
  let socketDownSince: number | null = null;

  let inbox: unknown[] = [];
  let outbox: Message[] = [];
  let pendingReset = false;
  const latestSnapshot = new Map<Topic, Message>();
  let retainedEvents: Message[] = [];

  // Data clock: runs in real time from the newest data time (see header).
  let clockAnchor: { data: number; mono: number } | null = null;
  const startedAt = wallNow();
  const currentTime = (): number => {
    if (!clockAnchor) return wallNow();
    return clockAnchor.data + (now() - clockAnchor.mono);
  };
  function advanceClock(dataTime: number): void {
    if (!clockAnchor || dataTime > currentTime()) clockAnchor = { data: dataTime, mono: now() };
  }

  // ---- state ----
  function status(): SourceStatus {
    switch (phase) {
      case 'idle':
      case 'closed':
        return 'idle';
      case 'starting':
      case 'running':
        break;
      default:
        return assertNever(phase);
    }
    if (!synced) return startFailures >= LOADING_ATTEMPTS ? 'error' : 'loading';
    if (socket?.state === 'subscribed') return 'playing';
    if (poller?.running) return restHealthy ? 'playing' : 'error';
    // Socket transport, socket (re)connecting and REST fallback not yet needed.
    return 'loading';
  }

  function getState(): SourceState {
    const s = status();
    return {
      kind: 'live',
      status: s,
      clock: { startTime: startedAt, endTime: null, currentTime: currentTime(), speed: 1, loop: false },
      health: guard.health(),
      error: s === 'error' ? lastFailure : null,
      freshness: { ...freshness.current() },
    };
  }

  const { call, emitMessages, ...listeners } = createListenerCaller();
  const emitState = (): void => listeners.emitState(getState());

  function noteFailure(reason: string): void {
    lastFailure = reason;
  }

  // ---- accepting envelopes ----
  function accept(envelopes: readonly FeedEnvelope[]): void {
    for (const env of envelopes) {
      const msg = guard.message(env);
      if (!msg) continue;
      outbox.push(msg);
      freshness.good(msg.topic, env.time);
      advanceClock(env.time);
      retain(msg);
    }
  }

  function retain(msg: Message): void {
    if (TOPICS[msg.topic].kind === 'snapshot') latestSnapshot.set(msg.topic, msg);
    else {
      retainedEvents.push(msg);
      if (retainedEvents.length > MAX_RETAINED_EVENTS * 1.5) retainedEvents = retainedEvents.slice(-MAX_RETAINED_EVENTS);
    }
  }

  /** Offer one checked envelope to the sequencer. Returns false when it asks for a resync. */
  function offer(env: FeedEnvelope): boolean {
    if (retiredEpochs.has(env.epoch)) return true;
    const r = tracker.offer(env);
    switch (r.kind) {
      case 'deliver':
        accept(r.envelopes);
        return true;
      case 'duplicate':
        stats.duplicates += 1;
        return true;
      case 'held': {
        const topic = env.topic as Topic;
        if (r.gap) noteKnown(topic, r.gap.upTo, true);
        if (tracker.heldCount(topic) > maxHeld) giveUp(topic, `more than ${maxHeld} messages waiting behind the hole`);
        return true;
      }
      case 'epoch':
        logger.warn(`feed epoch changed (${tracker.epoch} → ${r.epoch}): resynchronising`);
        requestSync(r.epoch);
        return false;
      default:
        return assertNever(r);
    }
  }

  function giveUp(topic: Topic, why: string): void {
    const { envelopes, lost } = tracker.giveUp(topic);
    stats.lostSeqs += lost;
    logger.warn(`${topic}: ${lost} messages lost (${why})`);
    accept(envelopes);
  }

  /** The server holds `seq` for `topic`; `now` makes it due at once (a gap), else after the grace. */
  function noteKnown(topic: Topic, seq: number, immediately: boolean): void {
    const prev = knownLast.get(topic);
    if (prev && prev.seq >= seq) return;
    knownLast.set(topic, { seq, at: immediately ? now() - graceMs : now() });
  }

  function drainInbox(): void {
    if (inbox.length === 0) return;
    const n = Math.min(inbox.length, MAX_PER_TICK);
    let i = 0;
    for (; i < n; i += 1) {
      const env = guard.envelope(inbox[i]);
      if (env && !offer(env)) break; // resync: the rest waits, to be offered against the new positions
    }
    inbox = i >= inbox.length ? [] : inbox.slice(i);
  }

  // ---- REST: fetching one topic (catch-up, gaps, polling) ----
  async function fetchTopic(topic: Topic, reason: 'poll' | 'catch-up'): Promise<void> {
    if (inFlight.has(topic)) return;
    inFlight.add(topic);
    try {
      if (TOPICS[topic].kind === 'snapshot') await fetchSnapshot(topic);
      else await fetchRange(topic, reason);
      restHealthy = true;
      topicBackoff.get(topic)?.reset();
      retryAt.delete(topic);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      restHealthy = false;
      noteFailure(message);
      freshness.fail(topic, message);
      if (err instanceof FeedRequestError && (err.kind === 'too-large' || err.kind === 'bad-json')) guard.reject(topic, message);
      retryAt.set(topic, now() + (topicBackoff.get(topic) as Backoff).next());
      if (reason === 'poll') throw err;
    } finally {
      inFlight.delete(topic);
    }
  }

  async function fetchSnapshot(topic: Topic): Promise<void> {
    const res = await rest.snapshot(topic, etags.get(topic) ?? null);
    if (syncing || phase === 'closed') return;
    switch (res.kind) {
      case 'modified': {
        if (res.etag) etags.set(topic, res.etag);
        const env = guard.envelope(res.envelope, res.bytes);
        if (env) offer(env);
        // Whatever it was, it is the server's newest: stop asking for anything older.
        if (env && env.epoch === tracker.epoch) tracker.setPosition(topic, env.seq);
        return;
      }
      case 'not-modified':
      case 'none': {
        freshness.confirm(topic);
        const known = knownLast.get(topic);
        if (known) tracker.setPosition(topic, known.seq);
        return;
      }
      default:
        assertNever(res);
    }
  }

  async function fetchRange(topic: Topic, reason: 'poll' | 'catch-up'): Promise<void> {
    const after = tracker.position(topic) ?? 0;
    const page = await rest.range(topic, after, rangeLimit);
    if (syncing || phase === 'closed') return;
    if (page.epoch !== tracker.epoch) {
      if (!retiredEpochs.has(page.epoch)) {
        logger.warn(`feed epoch changed (${tracker.epoch} → ${page.epoch}) seen on REST: resynchronising`);
        requestSync(page.epoch);
      }
      return;
    }
    if (page.firstSeq > after + 1) {
      logger.warn(`${topic}: the server no longer holds seq ${after + 1}–${page.firstSeq - 1}: resynchronising`);
      requestSync('gone');
      return;
    }
    const envs: FeedEnvelope[] = [];
    for (const raw of page.messages) {
      const env = guard.envelope(raw);
      if (env) envs.push(env);
    }
    if (reason === 'catch-up') stats.gapsFetched += 1;
    const r = tracker.fill(topic, envs);
    accept(r.envelopes);
    noteKnown(topic, page.lastSeq, true);
    freshness.confirm(topic);
    if (page.messages.length === 0 && (tracker.position(topic) ?? 0) < page.lastSeq) {
      // The server says it has more but returns nothing: never loop on that.
      tracker.setPosition(topic, page.lastSeq);
    }
  }

  /** Each tick: fetch what the sequencer or a subscribe ack says we are missing. */
  function catchUp(): void {
    if (syncing || !synced) return;
    const t = now();
    for (const topic of LIVE_TOPICS) {
      if (inFlight.has(topic) || (retryAt.get(topic) ?? 0) > t) continue;
      const pos = tracker.position(topic) ?? 0;
      const known = knownLast.get(topic);
      const behind = (known !== undefined && known.seq > pos && t - known.at >= graceMs) || tracker.openGap(topic) !== null;
      if (behind) void fetchTopic(topic, 'catch-up');
    }
  }

  // ---- REST polling (transport 'rest', or the socket's fallback) ----
  function updatePolling(): void {
    const want =
      synced &&
      (transport === 'rest' || (socket !== null && socket.state !== 'subscribed' && socketDownSince !== null && now() - socketDownSince >= fallbackAfterMs));
    if (want && !poller) {
      poller = createPoller<Topic>({
        topics: LIVE_TOPICS,
        intervalMs: (t) => timing(t).pollMs,
        poll: (t) => fetchTopic(t, 'poll'),
        onError: () => undefined, // fetchTopic has recorded it
        backoff: backoffPolicy,
        schedule,
        random: options.random,
      });
      poller.start();
      if (transport === 'socket.io') logger.warn('socket down: polling the feed over REST until it is back');
    } else if (!want && poller) {
      poller.stop();
      poller = null;
    }
    stats.polling = poller !== null;
  }

  // ---- start and resync ----
  /** Ask for a resync because of `epoch` (a new epoch seen) or 'gone' (history the server no longer has). */
  function requestSync(reason: string): void {
    if (syncing) askedDuringSync.add(reason);
    syncRequested = true;
    if (!syncing) void runSync();
  }

  async function runSync(): Promise<void> {
    syncing = true;
    const backoff = new Backoff(backoffPolicy, options.random);
    try {
      while (syncRequested && phase !== 'closed') {
        syncRequested = false;
        askedDuringSync.clear();
        try {
          await syncOnce();
          restHealthy = true;
          settleStart();
          // Seeing the epoch we just synced to again (an ack or a message that raced the sync) is no reason.
          if (syncRequested && [...askedDuringSync].every((r) => r === tracker.epoch)) syncRequested = false;
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          restHealthy = false;
          startFailures += 1;
          noteFailure(message);
          logger.warn(`could not load the feed state: ${message}`);
          syncRequested = true;
          settleStart();
          emitState();
          await new Promise<void>((resolve) => scheduleOnce(schedule, resolve, backoff.next()));
        }
      }
    } finally {
      syncing = false;
    }
  }

  function settleStart(): void {
    firstAttemptDone?.();
    firstAttemptDone = null;
  }

  async function syncOnce(): Promise<void> {
    const info = await rest.topics();
    const epoch = info.epoch;
    const collected: FeedEnvelope[] = [];
    const positions: Record<string, number> = {};
    const lastSeqOf = new Map(info.topics.map((t) => [t.topic, t.lastSeq]));
    for (const topic of LIVE_TOPICS) {
      const lastSeq = lastSeqOf.get(topic) ?? 0;
      try {
        if (TOPICS[topic].kind === 'snapshot') {
          positions[topic] = 0;
          const res = await rest.snapshot(topic, null);
          if (res.kind === 'modified') {
            if (res.etag) etags.set(topic, res.etag);
            const env = guard.envelope(res.envelope, res.bytes);
            if (env && env.epoch !== epoch) throw new Error(`epoch moved during the resync (${epoch} → ${env.epoch})`);
            if (env) {
              collected.push(env);
              positions[topic] = env.seq;
            }
          } else freshness.confirm(topic);
        } else {
          let pos = Math.max(0, lastSeq - backlog);
          positions[topic] = pos;
          while (pos < lastSeq) {
            const page = await rest.range(topic, pos, Math.min(rangeLimit, lastSeq - pos));
            if (page.epoch !== epoch) throw new Error(`epoch moved during the resync (${epoch} → ${page.epoch})`);
            let advanced = false;
            for (const raw of page.messages) {
              const env = guard.envelope(raw);
              if (!env || env.topic !== topic || env.seq <= pos) continue;
              collected.push(env);
              pos = env.seq;
              advanced = true;
            }
            if (!advanced) break;
          }
          // What is not retained any more is skipped; from here on nothing is.
          positions[topic] = Math.max(pos, lastSeq);
        }
      } catch (err) {
        if (!(err instanceof FeedRequestError)) throw err;
        // One topic failing does not hold the others back: it is caught up from its position later.
        freshness.fail(topic, err.message);
        noteFailure(err.message);
        if (err.kind === 'too-large' || err.kind === 'bad-json') guard.reject(topic, err.message);
      }
      noteKnownReset(topic, lastSeq);
    }
    if (phase === 'closed') return;

    const previous = tracker.epoch;
    if (previous !== null && previous !== epoch) {
      retiredEpochs.add(previous);
      freshness.clearAsOf();
    }
    if (previous !== null) stats.resyncs += 1;
    tracker.resync(epoch, positions);
    outbox = [];
    latestSnapshot.clear();
    retainedEvents = [];
    clockAnchor = null;
    accept(collected);
    pendingReset = true;
    synced = true;
    phase = 'running';
    socket?.resubscribe();
  }

  function noteKnownReset(topic: Topic, seq: number): void {
    knownLast.set(topic, { seq, at: now() });
  }

  function ensureSocket(): void {
    if (transport !== 'socket.io' || socket || phase === 'closed') return;
    // Opened at start, before the first sync: what it brings waits in the inbox and is sequenced
    // against the synced positions (the resubscribe after the sync sends them as `after`).
    socketDownSince = now();
    socket = createSocketFeed({
      url: options.url,
      backoff: backoffPolicy,
      timeoutMs,
      subscribeRequest: (): SubscribeRequest => {
        const epoch = tracker.epoch;
        return epoch === null ? { topics: [...LIVE_TOPICS] } : { topics: [...LIVE_TOPICS], epoch, after: tracker.positions() };
      },
      onRaw(items) {
        if (inbox.length + items.length > maxInbox) {
          stats.inboxOverflow += items.length;
          return; // the seq gap this leaves is fetched over REST
        }
        for (const item of items) inbox.push(item);
      },
      onSubscribed(ack: SubscribeAck) {
        socketDownSince = null;
        if (ack.epoch !== tracker.epoch) {
          if (!retiredEpochs.has(ack.epoch)) {
            logger.warn(`feed epoch changed (${tracker.epoch} → ${ack.epoch}) on subscribe: resynchronising`);
            requestSync(ack.epoch);
          }
          return;
        }
        for (const [topic, seq] of Object.entries(ack.lastSeq)) if (isTopic(topic) && typeof seq === 'number') noteKnown(topic, seq, false);
      },
      onDown(reason) {
        if (socketDownSince === null) socketDownSince = now();
        noteFailure(`socket: ${reason}`);
      },
    });
  }

  // ---- the tick ----
  function flush(): void {
    const batch = outbox;
    outbox = [];
    if (pendingReset) {
      pendingReset = false;
      call((l) => l.reset());
      emitMessages(sortByTime(batch), { backfill: true });
    } else emitMessages(sortByTime(batch), { backfill: false });
  }

  function onTick(): void {
    if (phase === 'closed') return;
    if (!syncing && synced) drainInbox();
    catchUp();
    updatePolling();
    if (!syncing) flush();
    freshness.judge();
    emitState();
  }

  return {
    kind: 'live',
    topics: ALL_TOPICS,
    capabilities: CAPABILITIES,
    stats,

    setListener(next) {
      listeners.setListener(next);
      if (synced) {
        // A live feed cannot be replayed: rebuild from the newest snapshots and the retained events.
        const rebuild = sortByTime([...latestSnapshot.values(), ...retainedEvents]);
        call((l) => l.reset());
        emitMessages(rebuild, { backfill: true });
      }
      emitState();
    },

    start() {
      if (startPromise) return startPromise;
      if (phase === 'closed') return Promise.resolve();
      phase = 'starting';
      freshness.judge();
      cancelTick = schedule(onTick, options.tickMs ?? DEFAULT_TICK_MS);
      emitState();
      // Resolves when the first state is known: after the first sync attempt, successful or not.
      startPromise = new Promise<void>((resolve) => {
        firstAttemptDone = resolve;
      });
      ensureSocket();
      requestSync('start');
      return startPromise;
    },

    close() {
      phase = 'closed';
      settleStart();
      cancelTick?.();
      cancelTick = null;
      poller?.stop();
      poller = null;
      socket?.close();
      socket = null;
      listeners.setListener(null);
      inbox = [];
      outbox = [];
    },

    getState,
  };
}

function sortByTime(batch: Message[]): Message[] {
  // Array.prototype.sort is stable: equal times keep arrival (and so seq) order.
  return batch.length > 1 ? batch.sort((a, b) => a.receiveTime - b.receiveTime) : batch;
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
