import { afterEach, describe, expect, it, vi } from 'vitest';
import { io as connect } from 'socket.io-client';
import { FEED_NAMESPACE, SOCKET_EVENTS, type FeedEnvelope, type SubscribeAck } from '../data-adapters/feed-contract';
import { validateMessage } from '../data-adapters/schemas';
import { FeedServer, type FeedServerOptions } from './feed-server';
import { batches } from './socket';
import { CollectingClient, ManualClock, TEST_ORIGIN, range, seqs, waitFor } from './test-support';

vi.setConfig({ testTimeout: 60_000 });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function serve(options: FeedServerOptions): Promise<FeedServer> {
  const server = new FeedServer({ port: 0, originTime: TEST_ORIGIN, tick: 'manual', ...options });
  await server.start();
  cleanups.push(() => server.stop());
  return server;
}
function client(url: string, topics: string[], options?: ConstructorParameters<typeof CollectingClient>[2]): CollectingClient {
  const c = new CollectingClient(url, topics, options);
  cleanups.push(() => c.close());
  return c;
}

/** Per topic: seqs strictly contiguous (no gap, no duplicate) from `from`. */
function expectContiguous(envs: readonly FeedEnvelope[], from: number): void {
  expect(seqs(envs)).toEqual(range(from, from + envs.length - 1));
}

describe('socket.io feed', () => {
  it('acks a subscription with the epoch and newest seqs, then delivers live messages from lastSeq + 1', async () => {
    const clock = new ManualClock(TEST_ORIGIN + 60_000);
    const server = await serve({ speed: 20, now: clock.now });
    const c = client(server.url, ['case.event', 'industry.systems']);
    await waitFor(() => c.acks.length === 1, 'the ack');
    const ack = c.acks[0] as SubscribeAck;
    expect(ack).toMatchObject({ ok: true, epoch: server.epoch });
    expect(ack.lastSeq['case.event']).toBe(server.lastSeq('case.event'));
    expect(c.received).toEqual([]); // no `after`: no catch-up

    for (let i = 0; i < 20; i += 1) {
      clock.advance(500);
      server.tick();
    }
    const target = server.lastSeq('case.event');
    await waitFor(() => (c.last['case.event'] ?? 0) >= target && (c.last['industry.systems'] ?? 0) >= server.lastSeq('industry.systems'), 'live messages');
    expectContiguous(c.of('case.event'), (ack.lastSeq['case.event'] as number) + 1);
    expectContiguous(c.of('industry.systems'), (ack.lastSeq['industry.systems'] as number) + 1);
    expect(c.of('rates.units')).toEqual([]); // not subscribed
    for (const env of c.received) {
      const result = validateMessage(env.topic, env.payload, env.time, env.seq);
      expect(result.ok, result.ok ? '' : result.reason).toBe(true);
      expect(env.epoch).toBe(server.epoch);
    }
  });

  it('catches up exactly (after, lastSeq] and then continues live, with no duplicate', async () => {
    const clock = new ManualClock(TEST_ORIGIN + 5 * 60_000);
    const server = await serve({ speed: 20, now: clock.now });
    const now = server.lastSeq('case.event');
    expect(now).toBeGreaterThan(1500); // the catch-up spans several batches
    const after = 37;
    const c = client(server.url, ['case.event', 'data.volumes'], { epoch: server.epoch, resume: { 'case.event': after, 'data.volumes': 2 } });
    await waitFor(() => (c.last['case.event'] ?? 0) >= now, 'the catch-up');
    // A tick right after the subscription must continue at now + 1.
    clock.advance(2_000);
    server.tick();
    const later = server.lastSeq('case.event');
    expect(later).toBeGreaterThan(now);
    await waitFor(() => (c.last['case.event'] ?? 0) >= later, 'live after catch-up');
    expectContiguous(c.of('case.event'), after + 1);
    expect(c.of('case.event').at(-1)?.seq).toBe(later);
    expectContiguous(c.of('data.volumes'), 3);
    expect(c.raw.filter((r) => r.event === SOCKET_EVENTS.msgs).length).toBeGreaterThan(2);
    expect(c.acks[0]?.firstSeq?.['case.event']).toBe(1);
  });

  it('ignores `after` from another epoch, and refuses unknown topics and malformed requests', async () => {
    const server = await serve({ now: () => TEST_ORIGIN + 10 * 60_000 });
    const stale = client(server.url, ['case.event'], { epoch: 'some-other-epoch', resume: { 'case.event': 1 } });
    await waitFor(() => stale.acks.length === 1, 'the ack');
    expect(stale.acks[0]?.epoch).toBe(server.epoch);
    const socket = connect(`${server.url}${FEED_NAMESPACE}`, { transports: ['websocket'], forceNew: true });
    cleanups.push(() => void socket.close());
    const unknownAck = (await socket.emitWithAck(SOCKET_EVENTS.subscribe, { topics: ['case.event', 'nope'] })) as SubscribeAck;
    expect(unknownAck).toMatchObject({ ok: false, epoch: server.epoch });
    expect(unknownAck.error).toMatch(/nope/);
    const badAck = (await socket.emitWithAck(SOCKET_EVENTS.subscribe, { topics: 'case.event', after: { 'case.event': -3 } })) as SubscribeAck;
    expect(badAck.ok).toBe(false);
    expect(stale.received).toEqual([]);
  });

  it('two servers with the same origin emit the same envelopes', async () => {
    const clock = new ManualClock(TEST_ORIGIN + 2 * 60_000);
    const a = await serve({ speed: 50, now: clock.now });
    const b = await serve({ speed: 50, now: clock.now });
    expect(b.epoch).toBe(a.epoch);
    const ca = client(a.url, ['case.event', 'rates.units'], { epoch: a.epoch, resume: { 'case.event': 0, 'rates.units': 0 } });
    const cb = client(b.url, ['case.event', 'rates.units'], { epoch: b.epoch, resume: { 'case.event': 0, 'rates.units': 0 } });
    await waitFor(() => ca.acks.length === 1 && cb.acks.length === 1, 'both acks');
    for (let i = 0; i < 10; i += 1) {
      clock.advance(700);
      a.tick();
      b.tick();
    }
    const target = a.lastSeq('case.event');
    await waitFor(() => ca.last['case.event'] === target && cb.last['case.event'] === target, 'both streams');
    expect(cb.received.length).toBe(ca.received.length);
    expect(cb.of('case.event')).toEqual(ca.of('case.event'));
    expect(cb.of('rates.units')).toEqual(ca.of('rates.units'));
    expectContiguous(ca.of('case.event'), 1);
  });

  it('survives kill and restart on the same port and origin, repeatedly: no event missing, none duplicated', async () => {
    const clock = new ManualClock(TEST_ORIGIN + 60_000);
    const server = await serve({ speed: 20, now: clock.now });
    const port = server.port;
    const epoch = server.epoch;
    const topics = ['case.event', 'industry.systems', 'rates.units'];
    const c = client(server.url, topics);
    await waitFor(() => c.acks.length === 1, 'the first ack');
    const start = { ...(c.acks[0] as SubscribeAck).lastSeq };

    for (let round = 0; round < 4; round += 1) {
      for (let i = 0; i < 5; i += 1) {
        clock.advance(400);
        server.tick();
      }
      await server.kill();
      expect(server.state).toBe('stopped');
      await waitFor(() => !c.socket.connected, 'the client to notice');
      clock.advance(3_000); // a minute of data happens while the server is down
      await server.start();
      expect(server.port).toBe(port);
      expect(server.epoch).toBe(epoch);
      await waitFor(() => c.acks.length === round + 2, `resubscription ${round + 1}`);
      expect(c.socket.recovered).toBe(false); // a new process has no session to recover
      clock.advance(400);
      server.tick();
    }
    await waitFor(() => topics.every((t) => c.last[t] === server.lastSeq(t as 'case.event')), 'the final position');
    expect(c.of('rates.units').length).toBeGreaterThan(0);
    for (const topic of topics) expectContiguous(c.of(topic), (start[topic] as number) + 1);
    expect(c.of('case.event').length).toBeGreaterThan(100);
    expect(new Set(c.received.map((e) => e.epoch))).toEqual(new Set([epoch]));
  });

  it('bridges a short disconnect with connectionStateRecovery: missed live messages are replayed, in order', async () => {
    const clock = new ManualClock(TEST_ORIGIN + 60_000);
    const server = await serve({ speed: 20, now: clock.now });
    const c = client(server.url, ['case.event'], { onRecovered: 'rely-on-recovery' });
    await waitFor(() => c.acks.length === 1, 'the ack');
    const from = (c.acks[0]?.lastSeq['case.event'] as number) + 1;
    clock.advance(1_000);
    server.tick();
    await waitFor(() => c.of('case.event').length > 0, 'live messages');
    c.socket.io.engine.close(); // the transport drops; the server keeps the session
    await waitFor(() => !c.socket.connected, 'the disconnect');
    clock.advance(2_000);
    server.tick(); // broadcast while the client is away
    await waitFor(() => c.socket.connected, 'the reconnection');
    expect(c.socket.recovered).toBe(true);
    expect(c.acks).toHaveLength(1); // no resubscription
    clock.advance(1_000);
    server.tick();
    await waitFor(() => c.last['case.event'] === server.lastSeq('case.event'), 'the replay and live messages');
    expectContiguous(c.of('case.event'), from);
  });

  it('keeps up with a real clock and real timer ticks across a kill and restart (speed 200)', async () => {
    const server = await serve({ speed: 200, tick: 30 });
    const c = client(server.url, ['case.event']);
    await waitFor(() => c.of('case.event').length >= 20, 'live events on the timer');
    await server.kill();
    await waitFor(() => !c.socket.connected, 'the disconnect');
    await server.start();
    await waitFor(() => c.acks.length >= 2, 'the resubscription');
    const target = (c.last['case.event'] ?? 0) + 40;
    await waitFor(() => (c.last['case.event'] ?? 0) >= target, 'more live events after the restart');
    const first = c.of('case.event')[0]?.seq as number;
    expectContiguous(c.of('case.event'), first);
  });

  it('sends injected raw data to every client, and floods duplicates of published envelopes', async () => {
    const clock = new ManualClock(TEST_ORIGIN + 60_000);
    const server = await serve({ speed: 20, now: clock.now });
    const c = client(server.url, ['case.event']);
    await waitFor(() => c.acks.length === 1, 'the ack');
    server.injectRaw(SOCKET_EVENTS.msg, { topic: 'case.event', seq: 'x', payload: '<script>' });
    server.injectRaw('msgs', 'not an array');
    await waitFor(() => c.raw.length >= 2, 'the injected events');
    expect(c.raw[0]?.args[0]).toEqual({ topic: 'case.event', seq: 'x', payload: '<script>' });
    expect(c.raw[1]?.args[0]).toBe('not an array');
    expect(c.received).toEqual([]); // nothing with a readable seq came through

    const last = server.lastSeq('case.event');
    expect(server.flood(1000)).toBe(1000);
    await waitFor(() => c.received.length >= 1000, 'the flood');
    expect(c.received.every((e) => e.seq <= last && e.seq > last - 1000)).toBe(true);
  });
});

describe('batches', () => {
  it('bounds batches by count and size, keeping order', () => {
    const env = (seq: number, text = ''): FeedEnvelope => ({ topic: 't', seq, epoch: 'e', time: 0, payload: { text } });
    const many = range(1, 1234).map((s) => env(s));
    const out = batches(many);
    expect(out.map((b) => b.length)).toEqual([500, 500, 234]);
    expect(out.flat()).toEqual(many);
    const big = range(1, 10).map((s) => env(s, '字'.repeat(20_000)));
    const split = batches(big);
    expect(split.length).toBeGreaterThan(1);
    expect(split.flat().map((e) => e.seq)).toEqual(range(1, 10));
    expect(batches([])).toEqual([]);
  });
});
