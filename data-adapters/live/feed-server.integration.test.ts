/**
 * The live source against the reference feed server (server/feed-server.ts), on a hand-driven server
 * clock: the whole contract end to end — start from snapshots and tails, live stream, kill/restart with
 * resubscribe and backfill, duplicates and garbage injected by the server's fault hooks.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedServer } from '../../server/feed-server';
import { ManualClock, TEST_ORIGIN } from '../../server/test-support';
import { createLiveSource, type LiveSource } from './live-source';
import { collect, waitFor } from './live-test-support';

vi.setConfig({ testTimeout: 60_000 });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup() {
  const clock = new ManualClock(TEST_ORIGIN + 60_000);
  const server = new FeedServer({ port: 0, originTime: TEST_ORIGIN, tick: 'manual', speed: 20, now: clock.now });
  await server.start();
  cleanups.push(() => server.stop());
  const warnings: string[] = [];
  const source: LiveSource = createLiveSource({
    url: server.url,
    tickMs: 20,
    requestTimeoutMs: 2_000,
    backoff: { baseMs: 30, maxMs: 300, jitter: 0.5 },
    catchUpGraceMs: 200,
    logger: { warn: (m) => warnings.push(m) },
  });
  cleanups.push(() => source.close());
  const got = collect();
  source.setListener(got);
  await source.start();
  const step = (n = 1) => {
    for (let i = 0; i < n; i += 1) {
      clock.advance(400);
      server.tick();
    }
  };
  return { clock, server, source, got, warnings, step };
}

/** Delivered seqs of a topic: strictly contiguous (no gap, no duplicate). */
function expectContiguous(seqs: (number | undefined)[]): void {
  const first = seqs[0] as number;
  expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => first + i));
}

describe('live source × reference feed server', () => {
  it('starts from the server state, validates everything and streams', async () => {
    const { server, source, got, step } = await setup();
    await waitFor(() => got.last?.status === 'playing' && source.stats.socket === 'subscribed', 'playing and subscribed');
    await waitFor(() => got.batches.length > 0, 'the first batch');
    expect(got.resets).toBe(1);
    expect(got.batches[0]?.backfill).toBe(true);
    step(10);
    await waitFor(() => got.of('case.event').at(-1)?.seq === server.lastSeq('case.event'), 'live events');
    for (const topic of ['cases.baseline', 'rates.units', 'industry.systems', 'data.volumes'] as const) {
      if (server.lastSeq(topic) > 0) expect(got.of(topic).length).toBeGreaterThan(0);
    }
    expect(source.getState().health.rejected).toBe(0);
    expectContiguous(got.of('case.event').map((m) => m.seq));
  });

  it('kill and restart, repeatedly: resubscribes with after, backfills, no event missing or duplicated', async () => {
    const { server, source, got, clock, step } = await setup();
    await waitFor(() => source.stats.socket === 'subscribed', 'subscribed');
    for (let round = 0; round < 3; round += 1) {
      step(5);
      await server.kill();
      await waitFor(() => source.stats.socket !== 'subscribed', 'the source to notice');
      clock.advance(3_000);
      await server.start();
      await waitFor(() => source.stats.socket === 'subscribed', `resubscribed ${round + 1}`);
      step(1);
    }
    await waitFor(() => got.of('case.event').at(-1)?.seq === server.lastSeq('case.event'), 'the final position');
    expectContiguous(got.of('case.event').map((m) => m.seq));
    expect(got.resets).toBe(1); // same epoch: never rebuilt from scratch
    expect(got.last?.freshness?.['case.event']?.freshness).toBe('live');
  });

  it('drops the server-injected duplicates and garbage, counted, while the stream goes on', async () => {
    const { server, source, got, step } = await setup();
    await waitFor(() => source.stats.socket === 'subscribed', 'subscribed');
    step(3);
    await waitFor(() => got.of('case.event').at(-1)?.seq === server.lastSeq('case.event'), 'caught up');
    server.flood(500);
    server.injectRaw('msg', { topic: 'case.event', seq: 'x', payload: '<script>' });
    server.injectRaw('msgs', 'not an array');
    step(3);
    await waitFor(() => got.of('case.event').at(-1)?.seq === server.lastSeq('case.event') && source.getState().health.rejected >= 2, 'flood handled');
    expectContiguous(got.of('case.event').map((m) => m.seq));
    expect(source.stats.duplicates).toBeGreaterThanOrEqual(500);
  });
});
