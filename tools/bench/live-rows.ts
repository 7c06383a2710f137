/**
 * Live rows, in-process under Node (docs/bench.md, rows 5–6):
 *
 * 5. Throughput through validation into the stores: N valid feed envelopes (the reference server's own
 *    stream) → ours: guard.envelope → SeqTracker → guard.message (schema) → one reducer call per store
 *    per batch of BATCH (what the live source's tick delivers and connectSource folds);
 *    naive: per message JSON.stringify size check + validateMessage + one reducer call per store.
 *    Both must end in the same state before anything is timed.
 * 6. End-to-end latency, server emit → store update, at 1k and 10k case events/s: the real FeedServer
 *    on a hand-driven clock ticked every 10 ms, in this process, so emit and update share one clock:
 *    each tick stamps performance.now() for the seqs it published (a side map by seq), and the client
 *    stamps performance.now() after folding the batch that held them. Ours: the live source (socket.io
 *    + its 100 ms tick) → reducers. Baseline: a plain socket.io-client `on('msg'|'msgs')` → validate →
 *    one reducer call per message, no batching. Same server, same rate, one after the other.
 */
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { FEED_NAMESPACE, SOCKET_EVENTS, type FeedEnvelope } from '../../data-adapters/feed-contract';
import { createGuard } from '../../data-adapters/live/guard';
import { createLiveSource } from '../../data-adapters/live/live-source';
import { SeqTracker } from '../../data-adapters/live/seq-tracker';
import { MAX_MESSAGE_BYTES, TOPICS, isTopic, validateMessage, type Message } from '../../data-adapters/schemas';
import { FeedServer } from '../../server/feed-server';
import { FEED_TOPICS, LiveStream, demoRecording } from '../../server/stream';
import { DEMO_SEED } from '../demo-generator/config';
import { median, timePair } from './stats';
import type { Row } from './table';
import { applyBatch, comparable, emptyWallState, type WallState } from './wall-state';

/** Messages per delivered batch on our side: about one live-source tick at 10k msgs/s. */
const BATCH = 1_000;
const THROUGHPUT_MESSAGES = 20_000;
const LATENCY_SECONDS = 3;
const WARMUP_MS = 500;
const SERVER_TICK_MS = 10;

export interface LiveResult {
  rows: Row[];
  notes: string[];
}

const quiet = { warn: () => undefined };

/** The reference stream's envelopes of every topic, merged in time order (seq order within a topic). */
function envelopes(n: number): FeedEnvelope[] {
  const origin = demoRecording(DEMO_SEED).header.startTime;
  const stream = new LiveStream({ seed: DEMO_SEED, originTime: origin, retain: 10 * n }); // every seq from 1: no false hole
  // Enough loops that case.event alone gives most of n; snapshots ride along at their own rate.
  const loops = Math.ceil(n / stream.perLoop('case.event'));
  const all: FeedEnvelope[] = [];
  for (const topic of FEED_TOPICS) {
    const count = loops * stream.perLoop(topic);
    all.push(...stream.range(topic, 0, count, count));
  }
  all.sort((a, b) => a.time - b.time);
  return all.slice(0, n);
}

function oursThroughput(envs: readonly FeedEnvelope[]): WallState {
  const guard = createGuard({ logger: quiet });
  const tracker = new SeqTracker((t) => (isTopic(t) ? TOPICS[t].kind : null));
  tracker.resync(envs[0]!.epoch, {});
  let state = emptyWallState();
  let batch: Message[] = [];
  for (const raw of envs) {
    const env = guard.envelope(raw);
    if (!env) continue;
    const r = tracker.offer(env);
    if (r.kind !== 'deliver') continue;
    for (const e of r.envelopes) {
      const m = guard.message(e);
      if (m) batch.push(m);
    }
    if (batch.length >= BATCH) {
      state = applyBatch(state, batch, false);
      batch = [];
    }
  }
  if (batch.length > 0) state = applyBatch(state, batch, false);
  return state;
}

function naiveThroughput(envs: readonly FeedEnvelope[]): WallState {
  let state = emptyWallState();
  for (const env of envs) {
    if (JSON.stringify(env).length > MAX_MESSAGE_BYTES) continue;
    const v = validateMessage(env.topic, env.payload, env.time, env.seq);
    if (v.ok) state = applyBatch(state, [v.message], false);
  }
  return state;
}

function throughputRow(runs: number): Row {
  const envs = envelopes(THROUGHPUT_MESSAGES);
  if (comparable(oursThroughput(envs)) !== comparable(naiveThroughput(envs))) throw new Error('live throughput: ours and naive end in different states');
  const t = timePair(() => oursThroughput(envs), () => naiveThroughput(envs), runs);
  const rate = (ms: number) => envs.length / (ms / 1000);
  return {
    what: `Live msgs/s: validate + sequence + fold (${envs.length.toLocaleString('en-US')} msgs)`,
    ours: rate(t.ours.ms),
    baseline: rate(t.naive.ms),
    unit: 'msg/s',
    runs: String(runs),
    higherIsBetter: true,
  };
}

// ---- latency ----

interface Phase {
  latencies: number[];
  published: number;
  received: number;
}

/** Run the server at `rate` case events/s for LATENCY_SECONDS with `client` attached; latencies of case.event by seq. */
async function runPhase(rate: number, client: (url: string, onStored: (seqs: readonly number[]) => void) => Promise<() => void>): Promise<Phase> {
  const origin = demoRecording(DEMO_SEED).header.startTime;
  let realNow = origin;
  const stream = new LiveStream({ seed: DEMO_SEED, originTime: origin });
  const speed = (rate * stream.loopMs) / 1000 / stream.perLoop('case.event');
  const server = new FeedServer({ port: 0, originTime: origin, tick: 'manual', speed, now: () => realNow, retain: 100_000 });
  await server.start();
  const emitted = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const close = await client(server.url, (seqs) => {
    const t = performance.now();
    for (const seq of seqs) {
      received += 1;
      const e = emitted.get(seq);
      if (e !== undefined) latencies.push(t - e);
    }
  });
  try {
    const first = server.lastSeq('case.event');
    const start = performance.now();
    let last = start;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const now = performance.now();
        realNow += now - last; // the server's clock follows real time: a steady rate, whatever the timer jitter
        last = now;
        const before = server.lastSeq('case.event');
        server.tick();
        const stamp = performance.now();
        const after = server.lastSeq('case.event');
        // Only after the warm-up: connection set-up and JIT are not what this row measures.
        if (now - start >= WARMUP_MS) for (let s = before + 1; s <= after; s += 1) emitted.set(s, stamp);
        if (now - start >= LATENCY_SECONDS * 1000) {
          clearInterval(timer);
          resolve();
        }
      }, SERVER_TICK_MS);
    });
    const deadline = performance.now() + 10_000;
    while (latencies.length < emitted.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (latencies.length < emitted.size) throw new Error(`latency at ${rate}/s: ${emitted.size - latencies.length} of ${emitted.size} events never reached the store`);
    return { latencies, published: server.lastSeq('case.event') - first, received };
  } finally {
    close();
    await server.stop();
  }
}

const oursClient = async (url: string, onStored: (seqs: readonly number[]) => void) => {
  const source = createLiveSource({ url, logger: quiet });
  let state = emptyWallState();
  source.setListener({
    reset: () => void (state = emptyWallState()),
    messages(batch, info) {
      state = applyBatch(state, batch, info.backfill);
      onStored(batch.filter((m) => m.topic === 'case.event').map((m) => m.seq as number));
    },
    state: () => undefined,
  });
  await source.start();
  const deadline = performance.now() + 10_000;
  while (source.stats.socket !== 'subscribed' && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  return () => source.close();
};

const naiveClient = async (url: string, onStored: (seqs: readonly number[]) => void) => {
  const socket = io(`${url}${FEED_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
  let state = emptyWallState();
  const take = (env: FeedEnvelope) => {
    const v = validateMessage(env.topic, env.payload, env.time, env.seq);
    if (!v.ok) return;
    state = applyBatch(state, [v.message], false);
    if (env.topic === 'case.event') onStored([env.seq]);
  };
  socket.on(SOCKET_EVENTS.msg, (env: FeedEnvelope) => take(env));
  socket.on(SOCKET_EVENTS.msgs, (batch: FeedEnvelope[]) => batch.forEach(take));
  await new Promise<void>((resolve, reject) => {
    socket.on('connect', () => socket.emit(SOCKET_EVENTS.subscribe, { topics: FEED_TOPICS }, () => resolve()));
    socket.on('connect_error', reject);
  });
  return () => void socket.close();
};

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export async function runLiveRows(runs: number, log: (s: string) => void): Promise<LiveResult> {
  log('live throughput …');
  const rows: Row[] = [throughputRow(runs)];
  const notes: string[] = [];
  for (const rate of [1_000, 10_000]) {
    log(`live latency at ${rate}/s (ours, then naive, ${LATENCY_SECONDS} s each) …`);
    const ours = await runPhase(rate, oursClient);
    const naive = await runPhase(rate, naiveClient);
    const o = [...ours.latencies].sort((a, b) => a - b);
    const n = [...naive.latencies].sort((a, b) => a - b);
    for (const p of [50, 95, 99]) {
      rows.push({
        what: `Live latency emit → store, ${rate.toLocaleString('en-US')} events/s, p${p}`,
        ours: percentile(o, p),
        baseline: percentile(n, p),
        unit: 'ms',
        runs: `${o.length.toLocaleString('en-US')} / ${n.length.toLocaleString('en-US')} events`,
        higherIsBetter: false,
      });
    }
    notes.push(
      `live ${rate}/s: published ${ours.published} / ${naive.published} case events in ${LATENCY_SECONDS} s (ours / naive runs); ` +
        `median latency ours ${median(o).toFixed(1)} ms, naive ${median(n).toFixed(1)} ms; ours delivers once per 100 ms source tick by design`,
    );
  }
  return { rows, notes };
}
