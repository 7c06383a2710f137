import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '../schemas';
import { T0, ratesPayload } from '../test-fixtures';
import { FeedRequestError, createFeedRest } from './rest-client';
import { startTestFeedServer, type TestFeedServer } from './test-feed-server';

let server: TestFeedServer;
beforeEach(async () => {
  server = await startTestFeedServer();
});
afterEach(async () => {
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<FeedRequestError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedRequestError);
    return err as FeedRequestError;
  }
  throw new Error('expected a failure');
}

describe('createFeedRest', () => {
  it('sends If-None-Match with the ETag it got and reports 304 as not-modified', async () => {
    const rest = createFeedRest({ baseUrl: server.url, timeoutMs: 2_000 });
    expect((await rest.snapshot('rates.units', null)).kind).toBe('none');
    server.publish('rates.units', ratesPayload(T0));
    const first = await rest.snapshot('rates.units', null);
    expect(first).toMatchObject({ kind: 'modified', etag: '"e1:1"' });
    expect((first as { envelope: { seq: number } }).envelope.seq).toBe(1);
    expect(await rest.snapshot('rates.units', '"e1:1"')).toEqual({ kind: 'not-modified' });
    expect(server.notModified).toBe(1);
    server.publish('rates.units', ratesPayload(T0 + 1));
    expect(await rest.snapshot('rates.units', '"e1:1"')).toMatchObject({ kind: 'modified', etag: '"e1:2"' });
  });

  it('times out a server that never answers', async () => {
    server.restMode = 'hang';
    const rest = createFeedRest({ baseUrl: server.url, timeoutMs: 150 });
    const err = await failure(rest.topics());
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('150 ms');
  });

  it('reports HTTP errors, non-JSON bodies and wrong shapes as such', async () => {
    const rest = createFeedRest({ baseUrl: server.url, timeoutMs: 2_000 });
    server.restMode = 'fail';
    expect(await failure(rest.topics())).toMatchObject({ kind: 'http', status: 503 });
    server.restMode = 'ok';
    server.override = (p) => (p.startsWith('/topics') ? { status: 200, body: '{"epoch": "e1", "time": 1, "topi' } : p.startsWith('/events') ? { status: 200, body: '{"epoch":"e1"}' } : null);
    expect((await failure(rest.topics())).kind).toBe('bad-json');
    expect((await failure(rest.range('case.event', 0, 10))).kind).toBe('bad-shape');
  });

  it('refuses a body over the limit by Content-Length, and by counting when there is none', async () => {
    const rest = createFeedRest({ baseUrl: server.url, timeoutMs: 2_000 });
    const big = JSON.stringify({ topic: 'rates.units', seq: 1, epoch: 'e1', time: T0, payload: { pad: 'x'.repeat(MAX_MESSAGE_BYTES + 10_000) } });
    server.override = () => ({ status: 200, body: big, headers: { 'content-length': String(Buffer.byteLength(big)) } });
    expect((await failure(rest.snapshot('rates.units', null))).kind).toBe('too-large');
    server.override = () => ({ status: 200, body: big }); // chunked: no Content-Length
    const err = await failure(rest.snapshot('rates.units', null));
    expect(err.kind).toBe('too-large');
  });

  it('asks for ranges with after and a clamped limit', async () => {
    const rest = createFeedRest({ baseUrl: server.url, timeoutMs: 2_000 });
    const page = await rest.range('case.event', 7, 99_999);
    expect(page).toMatchObject({ epoch: 'e1', lastSeq: 0, messages: [] });
    expect(server.requests.at(-1)).toBe('/events/case.event?after=7&limit=5000');
  });
});
