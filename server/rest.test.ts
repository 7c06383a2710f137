import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED_API_PREFIX, MAX_RANGE_LIMIT, type FeedEnvelope, type RangeResponse, type TopicsResponse } from '../data-adapters/feed-contract';
import { validateMessage } from '../data-adapters/schemas';
import { FeedServer } from './feed-server';
import { etagMatches } from './rest';
import { ManualClock, TEST_ORIGIN, range, seqs } from './test-support';

const clock = new ManualClock(TEST_ORIGIN + 10 * 60_000);
let server: FeedServer;
let api: string;

beforeAll(async () => {
  // speed 20 and 10 minutes of real time: 200 data minutes, i.e. loop 6 of the recording.
  server = new FeedServer({ port: 0, originTime: TEST_ORIGIN, speed: 20, tick: 'manual', now: clock.now });
  await server.start();
  api = `${server.url}${FEED_API_PREFIX}`;
});
afterAll(async () => {
  await server.stop();
});

const get = (path: string, headers: Record<string, string> = {}): Promise<Response> => fetch(`${api}${path}`, { headers });

describe('REST', () => {
  it('lists topics with kinds and newest seqs; reports health on the data clock', async () => {
    const res = await get('/topics');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await res.json()) as TopicsResponse;
    expect(body.epoch).toBe(server.epoch);
    expect(body.time).toBe(TEST_ORIGIN + 200 * 60_000);
    expect(body.topics.find((t) => t.topic === 'cases.baseline')).toEqual({ topic: 'cases.baseline', kind: 'snapshot', lastSeq: 7 });
    expect(body.topics.find((t) => t.topic === 'case.event')?.kind).toBe('event');
    const health = await (await get('/health')).json();
    expect(health).toEqual({ ok: true, epoch: server.epoch, time: TEST_ORIGIN + 200 * 60_000 });
  });

  it('serves a snapshot with an ETag, 304 for If-None-Match, 200 again once it changed', async () => {
    const res = await get('/snapshot/industry.systems');
    expect(res.status).toBe(200);
    const env = (await res.json()) as FeedEnvelope;
    const etag = res.headers.get('etag');
    expect(etag).toBe(`"${server.epoch}:${env.seq}"`);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag/);
    expect(env.seq).toBe(server.lastSeq('industry.systems'));
    expect(validateMessage(env.topic, env.payload, env.time).ok).toBe(true);

    const same = await get('/snapshot/industry.systems', { 'If-None-Match': etag as string });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect((await get('/snapshot/industry.systems', { 'If-None-Match': `"x", W/${etag}` })).status).toBe(304);

    clock.advance(3_000); // one data minute: a new industry snapshot
    server.tick();
    const changed = await get('/snapshot/industry.systems', { 'If-None-Match': etag as string });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as FeedEnvelope).seq).toBe(env.seq + 1);
  });

  it('answers HEAD and CORS preflight without a body', async () => {
    const head = await fetch(`${api}/snapshot/rates.units`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toMatch(/^".+:\d+"$/);
    const pre = await fetch(`${api}/snapshot/rates.units`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
  });

  it('pages through a range: after/limit, contiguous seqs, lastSeq and firstSeq', async () => {
    const last = server.lastSeq('case.event');
    const page1 = (await (await get('/events/case.event?after=0&limit=100')).json()) as RangeResponse;
    expect(page1).toMatchObject({ topic: 'case.event', epoch: server.epoch, lastSeq: last, firstSeq: 1 });
    expect(seqs(page1.messages)).toEqual(range(1, 100));
    const page2 = (await (await get('/events/case.event?after=100&limit=100')).json()) as RangeResponse;
    expect(seqs(page2.messages)).toEqual(range(101, 200));
    const tail = (await (await get(`/events/case.event?after=${last - 3}`)).json()) as RangeResponse;
    expect(seqs(tail.messages)).toEqual(range(last - 2, last));
    const none = (await (await get(`/events/case.event?after=${last + 50}`)).json()) as RangeResponse;
    expect(none.messages).toEqual([]);
    for (const env of page1.messages) expect(validateMessage(env.topic, env.payload, env.time).ok).toBe(true);
  });

  it(`clamps limit to ${MAX_RANGE_LIMIT}`, async () => {
    clock.advance(20 * 60_000); // 400 more data minutes: well over 5000 case events, within retention
    server.tick();
    expect(server.lastSeq('case.event')).toBeGreaterThan(MAX_RANGE_LIMIT + 10);
    const body = (await (await get('/events/case.event?after=0&limit=999999')).json()) as RangeResponse;
    expect(body.messages).toHaveLength(MAX_RANGE_LIMIT);
    expect(body.messages[0]?.seq).toBe(1);
    expect(body.messages.at(-1)?.seq).toBe(MAX_RANGE_LIMIT);
  });

  it('rejects bad parameters with 400 and a JSON error', async () => {
    for (const q of ['after=-1', 'after=abc', 'after=1.5', 'limit=0', 'limit=x', 'after=99999999999999999999']) {
      const res = await get(`/events/case.event?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(((await res.json()) as { error: string }).error).toMatch(/after|limit/);
    }
  });

  it('answers 404 for unknown topics, the snapshot of an event topic and unknown routes; 405 for writes', async () => {
    expect((await get('/snapshot/nope')).status).toBe(404);
    expect((await get('/events/nope')).status).toBe(404);
    const ev = await get('/snapshot/case.event');
    expect(ev.status).toBe(404);
    expect(((await ev.json()) as { error: string }).error).toMatch(/event topic/);
    expect((await get('/nothing')).status).toBe(404);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
    expect((await fetch(`${api}/topics`, { method: 'POST' })).status).toBe(405);
  });

  it('does not expose the test hooks unless asked to', async () => {
    const res = await fetch(`${server.url}/__test/inject`, { method: 'POST', body: '{"event":"msg","data":1}' });
    expect(res.status).toBe(405);
  });

  it('matches If-None-Match lists, weak tags and *', () => {
    expect(etagMatches('"a:1"', '"a:1"')).toBe(true);
    expect(etagMatches('W/"a:1"', '"a:1"')).toBe(true);
    expect(etagMatches('"b:2", "a:1"', '"a:1"')).toBe(true);
    expect(etagMatches('*', '"a:1"')).toBe(true);
    expect(etagMatches('"a:2"', '"a:1"')).toBe(false);
    expect(etagMatches(undefined, '"a:1"')).toBe(false);
  });
});

describe('REST before anything is due, and with small retention', () => {
  it('404s a snapshot that has no message yet, and reports firstSeq past the retention window', async () => {
    const early = new ManualClock(TEST_ORIGIN - 60_000);
    const s = new FeedServer({ port: 0, originTime: TEST_ORIGIN, tick: 'manual', now: early.now, retain: 50 });
    await s.start();
    try {
      const res = await fetch(`${s.url}${FEED_API_PREFIX}/snapshot/cases.baseline`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: string }).error).toMatch(/no cases.baseline message yet/);
      early.advance(60_000 + 20 * 60_000);
      s.tick();
      const body = (await (await fetch(`${s.url}${FEED_API_PREFIX}/events/case.event?after=0&limit=10`)).json()) as RangeResponse;
      expect(body.lastSeq).toBeGreaterThan(100);
      expect(body.firstSeq).toBe(body.lastSeq - 49);
      expect(body.messages[0]?.seq).toBe(body.firstSeq);
    } finally {
      await s.stop();
    }
  });

  it('mounts the test hooks with httpTestHooks', async () => {
    const s = new FeedServer({ port: 0, originTime: TEST_ORIGIN, tick: 'manual', now: () => TEST_ORIGIN + 60_000, httpTestHooks: true });
    await s.start();
    try {
      const ok = await fetch(`${s.url}/__test/inject`, { method: 'POST', body: '{"event":"msg","data":{"bad":true}}' });
      expect(ok.status).toBe(200);
      const bad = await fetch(`${s.url}/__test/flood`, { method: 'POST', body: '{"n":-1}' });
      expect(bad.status).toBe(400);
    } finally {
      await s.stop();
    }
  });
});
