import { describe, expect, it } from 'vitest';
import { loadWallConfig } from './load';
import { DEFAULT_CONFIG } from './schema';

const answer = (status: number, body: string): typeof fetch => async () => new Response(status === 304 ? null : body, { status });

describe('loadWallConfig', () => {
  it('no file → the demo, no error', async () => {
    expect(await loadWallConfig(answer(404, ''))).toEqual({ config: DEFAULT_CONFIG, origin: 'default', errors: [] });
    // A dev server's index.html fallback is "no file" too.
    expect((await loadWallConfig(answer(200, '<!doctype html><html>'))).errors).toEqual([]);
  });

  it('a valid live file is used', async () => {
    const loaded = await loadWallConfig(answer(200, JSON.stringify({ mode: 'live', live: { url: 'https://feed.example.cn' } })));
    expect(loaded.origin).toBe('file');
    expect(loaded.config.mode).toBe('live');
  });

  it.each([
    ['bad JSON', answer(200, '{ "mode": "live", }'), 'not valid JSON'],
    ['an invalid config', answer(200, '{ "mode": "live", "live": { "url": "nope" } }'), 'live.url: must be an http'],
    ['a server error', answer(500, ''), 'HTTP 500'],
    ['a network failure', (async () => { throw new TypeError('fetch failed'); }) as typeof fetch, 'could not be read (fetch failed)'],
  ])('%s → the demo, with an error to show', async (_what, fetchImpl, expected) => {
    const loaded = await loadWallConfig(fetchImpl);
    expect(loaded.config).toEqual(DEFAULT_CONFIG);
    expect(loaded.origin).toBe('default');
    expect(loaded.errors[0]).toContain(expected);
    expect(loaded.errors[0]).toContain('/citywall.config.json');
  });
});
