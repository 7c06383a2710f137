import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../schemas';
import { T0, baselinePayload, caseEventPayload, ratesPayload, systemsPayload, volumesPayload } from '../test-fixtures';
import { createLiveSource, type LiveSource, type LiveSourceOptions } from './live-source';
import { collect, range, seqs, waitFor, type Collected } from './live-test-support';
import { startTestFeedServer, type TestFeedServer } from './test-feed-server';

let server: TestFeedServer;
let source: LiveSource | null = null;
const warnings: string[] = [];

beforeEach(async () => {
  server = await startTestFeedServer();
  warnings.length = 0;
});
afterEach(async () => {
  source?.close();
  source = null;
  await server.close();
});

let nextCase = 0;
const publishEvent = (opts: { emit?: boolean; time?: number } = {}) => {
  nextCase += 1;
  const time = opts.time ?? T0 + nextCase * 1000;
  return server.publish('case.event', caseEventPayload(`C${nextCase}`, 'discover', time), { time, ...opts });
};

function seedSnapshots(): void {
  server.publish('cases.baseline', baselinePayload(T0), { time: T0 });
  server.publish('rates.units', ratesPayload(T0), { time: T0 });
  server.publish('industry.systems', systemsPayload(T0), { time: T0 });
  server.publish('data.volumes', volumesPayload(T0), { time: T0 });
}

async function startSource(extra: Partial<LiveSourceOptions> = {}): Promise<{ src: LiveSource; got: Collected }> {
  const src = createLiveSource({
    url: server.url,
    tickMs: 20,
    requestTimeoutMs: 1_000,
    backoff: { baseMs: 30, maxMs: 200, jitter: 0.5 },
    fallbackAfterMs: 150,
    catchUpGraceMs: 100,
    logger: { warn: (m) => warnings.push(m) },
    ...extra,
  });
  source = src;
  const got = collect();
  src.setListener(got);
  await src.start();
  return { src, got };
}

const subscribed = (src: LiveSource) => () => src.stats.socket === 'subscribed';

describe('live source over socket.io', { timeout: 30_000 }, () => {
  it('starts from snapshots and the event tail (reset + backfill), then streams; kind live, no capabilities', async () => {
    seedSnapshots();
    for (let i = 0; i < 5; i += 1) publishEvent();
    const { src, got } = await startSource({ initialEventBacklog: 3 });
    await waitFor(() => got.batches.length > 0 && got.last?.status === 'playing', 'the first batch and playing');
    expect(got.resets).toBe(1);
    expect(got.batches[0]?.backfill).toBe(true);
    expect(new Set(got.batches[0]?.messages.map((m) => m.topic))).toEqual(new Set(['cases.baseline', 'rates.units', 'industry.systems', 'data.volumes', 'case.event']));
    expect(seqs(got.of('case.event'))).toEqual([3, 4, 5]); // the last 3 only
    expect(src.kind).toBe('live');
    expect(src.capabilities.size).toBe(0);
    expect(src.getState()).toMatchObject({ kind: 'live', status: 'playing', clock: { endTime: null } });

    await waitFor(subscribed(src), 'subscribed');
    publishEvent();
    publishEvent();
    await waitFor(() => got.of('case.event').length === 5, 'two live events');
    expect(seqs(got.of('case.event'))).toEqual([3, 4, 5, 6, 7]);
    expect(got.batches.at(-1)?.backfill).toBe(false);
    expect(got.resets).toBe(1);
    // The data clock follows the data time, not the machine's.
    expect(Math.abs(src.getState().clock.currentTime - (T0 + 7000))).toBeLessThan(5_000);
    expect(src.getState().freshness?.['case.event']).toMatchObject({ freshness: 'live', asOf: T0 + 7000 });
  });

  it('detects a seq gap, fetches the range over REST and delivers everything once, in order', async () => {
    seedSnapshots();
    const { src, got } = await startSource();
    await waitFor(subscribed(src), 'subscribed');
    publishEvent();
    await waitFor(() => got.of('case.event').length === 1, 'first event');
    for (let i = 0; i < 4; i += 1) publishEvent({ emit: false }); // lost on the socket
    publishEvent();
    publishEvent();
    await waitFor(() => got.of('case.event').length === 7, 'the gap filled');
    expect(seqs(got.of('case.event'))).toEqual(range(1, 7));
    expect(src.stats.gapsFetched).toBeGreaterThan(0);
    expect(server.requests.some((r) => r.startsWith('/events/case.event?after=1&'))).toBe(true);
  });

  it('pages a big gap by the range limit', async () => {
    const { src, got } = await startSource({ rangeLimit: 10 });
    await waitFor(subscribed(src), 'subscribed');
    for (let i = 0; i < 35; i += 1) publishEvent({ emit: false });
    publishEvent();
    await waitFor(() => got.of('case.event').length === 36, '36 events');
    expect(seqs(got.of('case.event'))).toEqual(range(1, 36));
    expect(server.requests.filter((r) => r.startsWith('/events/case.event?after=')).length).toBeGreaterThanOrEqual(4);
  });

  it('resubscribes with `after` on reconnect and backfills what it missed, without duplicates', async () => {
    seedSnapshots();
    const { src, got } = await startSource();
    await waitFor(subscribed(src), 'subscribed');
    publishEvent();
    publishEvent();
    await waitFor(() => got.of('case.event').length === 2, 'two events');
    const subscribesBefore = server.subscribes.length;
    server.disconnectAll();
    for (let i = 0; i < 3; i += 1) publishEvent(); // sent to nobody
    await waitFor(() => server.subscribes.length > subscribesBefore && src.stats.socket === 'subscribed', 'resubscribed');
    expect(server.subscribes.at(-1)).toMatchObject({ epoch: 'e1', after: { 'case.event': 2, 'rates.units': 1 } });
    publishEvent();
    await waitFor(() => got.of('case.event').length === 6, 'all six');
    expect(seqs(got.of('case.event'))).toEqual(range(1, 6));
    expect(got.resets).toBe(1);
  });

  it('drops what a replaying server and REST both deliver twice', async () => {
    server.replayOnSubscribe = true;
    const { src, got } = await startSource({ catchUpGraceMs: 0 });
    await waitFor(subscribed(src), 'subscribed');
    publishEvent();
    await waitFor(() => got.of('case.event').length === 1, 'one');
    server.disconnectAll();
    for (let i = 0; i < 20; i += 1) publishEvent();
    await waitFor(() => got.of('case.event').length >= 21, 'caught up');
    publishEvent();
    await waitFor(() => got.of('case.event').length >= 22, 'live again');
    expect(seqs(got.of('case.event'))).toEqual(range(1, 22));
  });

  it('batches a flood of 10 000 messages into a few listener calls', async () => {
    const { src, got } = await startSource();
    await waitFor(subscribed(src), 'subscribed');
    const before = got.batches.length;
    for (let i = 0; i < 10_000; i += 1) publishEvent();
    await waitFor(() => got.of('case.event').length === 10_000, '10 000 events', 30_000);
    const calls = got.batches.length - before;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThan(200); // one per tick, not one per message
    expect(seqs(got.of('case.event'))).toEqual(range(1, 10_000));
  });

  it('drops malformed, mistyped, incomplete, unknown and oversized messages, counted per topic, while good data flows', async () => {
    const { src, got } = await startSource();
    await waitFor(subscribed(src), 'subscribed');
    publishEvent();
    server.emitRaw('msg', 'not an envelope');
    server.emitRaw('msg', { topic: 'weather.now', seq: 1, epoch: 'e1', time: T0, payload: {} });
    server.emitRaw('msgs', [{ topic: 'case.event', epoch: 'e1', time: T0, payload: {} }]); // no seq
    server.publish('case.event', { ...caseEventPayload('bad1', 'discover', T0), lon: 'east' }); // wrong type, seq 2
    const incomplete: Record<string, unknown> = { ...caseEventPayload('bad2', 'discover', T0) };
    delete incomplete.caseId;
    server.publish('case.event', incomplete); // seq 3
    server.publish('case.event', { ...caseEventPayload('big', 'discover', T0), description: 'x'.repeat(MAX_MESSAGE_BYTES + 1) }); // seq 4
    publishEvent(); // seq 5
    await waitFor(() => got.of('case.event').length === 2, 'the good ones');
    expect(seqs(got.of('case.event'))).toEqual([1, 5]);
    const health = src.getState().health;
    expect(health.rejectedByTopic).toEqual({ '(unknown)': 1, 'weather.now': 1, 'case.event': 4 });
    expect(health.rejected).toBe(6);
    expect(health.accepted).toBe(2);
    expect(src.stats.gapsFetched).toBe(0); // refused messages consumed their seq: no false gap
    expect(warnings.some((w) => w.includes('refused (limit'))).toBe(true);
    expect(src.getState().freshness?.['case.event']?.freshness).toBe('live'); // the good seq 5 cleared the error
  });

  it('counts a snapshot that is not JSON under its topic, marks it error, and recovers by itself', async () => {
    seedSnapshots();
    server.override = (p) => (p.startsWith('/snapshot/rates.units') ? { status: 200, body: '{"topic":"rates.units",' } : null);
    const { src, got } = await startSource();
    await waitFor(() => got.last?.freshness?.['rates.units']?.freshness === 'error', 'rates.units error');
    expect(src.getState().health.rejectedByTopic['rates.units']).toBeGreaterThanOrEqual(1);
    await waitFor(() => got.of('cases.baseline').length === 1, 'the other topics are fine');
    server.override = null;
    await waitFor(() => got.last?.freshness?.['rates.units']?.freshness === 'live' && got.of('rates.units').length === 1, 'rates.units recovered');
  });

  it('freshness goes live → stale (keeping values and as-of) → live', async () => {
    const { src, got } = await startSource({ topics: { 'case.event': { staleAfterMs: 300 } } });
    await waitFor(subscribed(src), 'subscribed');
    publishEvent({ time: T0 + 42_000 });
    await waitFor(() => got.last?.freshness?.['case.event']?.asOf === T0 + 42_000, 'as-of set');
    expect(got.last?.freshness?.['case.event']?.freshness).toBe('live');
    await waitFor(() => got.last?.freshness?.['case.event']?.freshness === 'stale', 'stale');
    expect(got.last?.freshness?.['case.event']?.asOf).toBe(T0 + 42_000);
    expect(got.resets).toBe(1); // nothing was cleared
    publishEvent({ time: T0 + 99_000 });
    await waitFor(() => got.last?.freshness?.['case.event']?.freshness === 'live', 'live again');
    expect(got.last?.freshness?.['case.event']?.asOf).toBe(T0 + 99_000);
  });

  it('a new epoch resynchronises: reset, then the new stream from its snapshots', async () => {
    seedSnapshots();
    const { src, got } = await startSource();
    await waitFor(subscribed(src), 'subscribed');
    publishEvent();
    await waitFor(() => got.of('case.event').length === 1, 'one');
    server.newEpoch('e2');
    server.publish('rates.units', ratesPayload(T0 + 5, 50), { time: T0 + 5 });
    publishEvent();
    await waitFor(() => got.resets === 2 && got.all().some((m) => m.topic === 'rates.units' && m.payload.units[0]?.response === 50), 'resync');
    expect(src.stats.resyncs).toBe(1);
    const last = got.batches.at(-1);
    expect(last?.messages.length).toBeGreaterThan(0);
  });

  it('falls back to REST polling while the socket is refused, and stops when it is back', async () => {
    seedSnapshots();
    const { src, got } = await startSource({ topics: { 'case.event': { pollMs: 50 } } });
    await waitFor(subscribed(src), 'subscribed');
    server.refuseSockets = true;
    server.disconnectAll();
    await waitFor(() => src.stats.polling, 'polling');
    for (let i = 0; i < 3; i += 1) publishEvent({ emit: false });
    await waitFor(() => got.of('case.event').length === 3, 'polled events');
    expect(got.last?.status).toBe('playing');
    server.refuseSockets = false;
    await waitFor(() => src.stats.socket === 'subscribed' && !src.stats.polling, 'socket back, polling off');
    publishEvent();
    await waitFor(() => got.of('case.event').length === 4, 'live event');
    expect(seqs(got.of('case.event'))).toEqual(range(1, 4));
  });
});

describe('live source over REST only', { timeout: 30_000 }, () => {
  it('polls snapshots with If-None-Match and events with after; errors keep the data and recover', async () => {
    seedSnapshots();
    const { src, got } = await startSource({
      transport: 'rest',
      topics: { 'case.event': { pollMs: 30 }, 'rates.units': { pollMs: 30 } },
    });
    await waitFor(() => server.notModified > 0, 'a 304');
    publishEvent();
    server.publish('rates.units', ratesPayload(T0 + 1, 77), { time: T0 + 1 });
    await waitFor(() => got.of('case.event').length === 1 && got.of('rates.units').length === 2, 'polled data');
    expect(src.getState().status).toBe('playing');

    server.restMode = 'fail';
    await waitFor(() => got.last?.status === 'error' && got.last.freshness?.['case.event']?.freshness === 'error', 'error');
    expect(got.last?.error).toContain('503');
    expect(got.resets).toBe(1); // the wall keeps its data
    server.restMode = 'ok';
    publishEvent();
    await waitFor(() => got.last?.status === 'playing' && got.of('case.event').length === 2, 'recovered');
    expect(got.last?.freshness?.['case.event']?.freshness).toBe('live');
    expect(got.resets).toBe(1);
  });

  it('keeps retrying a server that is down at start: loading → error → playing', async () => {
    server.restMode = 'fail';
    const { got } = await startSource({ transport: 'rest' });
    await waitFor(() => got.last?.status === 'error', 'error after a few attempts');
    server.restMode = 'ok';
    seedSnapshots();
    await waitFor(() => got.last?.status === 'playing' && got.of('rates.units').length === 1, 'playing');
  });

  it('times out a hanging server and still ends in error, not stuck in loading', async () => {
    server.restMode = 'hang';
    const { got } = await startSource({ transport: 'rest', requestTimeoutMs: 100 });
    await waitFor(() => got.last?.status === 'error', 'error');
    expect(got.last?.error).toContain('no answer within 100 ms');
  });
});
