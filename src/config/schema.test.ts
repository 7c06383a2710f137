import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, checkWallConfig, liveSourceOptions, presenterConfig } from './schema';
import shipped from '../../public/citywall.config.json';

const live = (over: Record<string, unknown> = {}) => ({ mode: 'live', live: { url: 'http://10.0.0.5:4400', ...over } });

function errorsOf(value: unknown): string[] {
  const c = checkWallConfig(value);
  if (c.ok) throw new Error('expected errors');
  return c.errors;
}

describe('wall config schema', () => {
  it('the shipped file is a valid demo config', () => {
    const c = checkWallConfig(shipped);
    expect(c).toEqual({ ok: true, config: { ...DEFAULT_CONFIG, $comment: expect.any(String) } });
  });

  it('fills defaults for a minimal live config', () => {
    const c = checkWallConfig(live());
    if (!c.ok) throw new Error(c.errors.join());
    expect(c.config).toMatchObject({ mode: 'live', live: { transport: 'socket.io', requestTimeoutSeconds: 8, fallbackAfterSeconds: 5, retry: { minSeconds: 1, maxSeconds: 30 }, topics: {} } });
    if (c.config.mode !== 'live') throw new Error('live');
    expect(liveSourceOptions(c.config.live)).toMatchObject({ backoff: { baseMs: 1000, maxMs: 30_000 }, fallbackAfterMs: 5000 });
  });

  it('accepts a full live config', () => {
    const c = checkWallConfig(
      live({ transport: 'rest', requestTimeoutSeconds: 5, retry: { minSeconds: 0.5, maxSeconds: 60 }, topics: { 'rates.units': { pollSeconds: 30, staleAfterSeconds: 1800 } } }),
    );
    expect(c.ok).toBe(true);
  });

  it.each([
    ['not an object', [], '(root): must be a JSON object'],
    ['no mode', {}, 'mode: must be "demo" or "live" (got nothing)'],
    ['a wrong mode', { mode: 'prod' }, 'mode: must be "demo" or "live" (got "prod")'],
    ['live without live', { mode: 'live' }, 'live:'],
    ['a URL that is not http(s)', live({ url: 'ftp://x' }), 'live.url: must be an http:// or https:// URL'],
    ['a URL that is not a URL', live({ url: 'feed server' }), 'live.url: must be an http:// or https:// URL'],
    ['an unknown transport', live({ transport: 'mqtt' }), 'live.transport:'],
    ['a misspelt key', live({ topcis: {} }), 'live: unknown key "topcis"'],
    ['an unknown topic', live({ topics: { 'weather.now': { pollSeconds: 5 } } }), 'live.topics.weather.now: unknown topic'],
    ['a poll interval too short', live({ topics: { 'case.event': { pollSeconds: 0.01 } } }), 'live.topics.case.event.pollSeconds: must be at least 0.5 s'],
    ['a threshold that is a string', live({ topics: { 'case.event': { staleAfterSeconds: '300' } } }), 'live.topics.case.event.staleAfterSeconds:'],
    ['retry max below min', live({ retry: { minSeconds: 10, maxSeconds: 2 } }), 'live.retry.maxSeconds: maxSeconds must be ≥ minSeconds'],
    ['a demo recording on another origin', { mode: 'demo', demo: { recording: 'https://evil.example/x.ndjson' } }, 'demo.recording: must be a same-origin path'],
    ['a demo speed out of range', { mode: 'demo', demo: { speed: 1000 } }, 'demo.speed: must be at most 64'],
    ['a presenter hub that is not a URL', { mode: 'demo', presenter: { hub: 'hub.local' } }, 'presenter.hub: must be "auto", "off" or an http:// or https:// URL'],
    ['a presenter hub on another scheme', { mode: 'demo', presenter: { hub: 'ws://10.0.0.9' } }, 'presenter.hub: must be "auto", "off"'],
    ['a misspelt presenter key', { mode: 'demo', presenter: { wallkey: 'x' } }, 'presenter: unknown key "wallkey"'],
    ['an empty wall key', { mode: 'demo', presenter: { wallKey: '' } }, 'presenter.wallKey:'],
    ['a tour id with spaces', { mode: 'demo', presenter: { tour: 'my tour' } }, 'presenter.tour: must be "off", "demo" or a tour id'],
  ])('rejects %s with a message naming the field', (_what, value, expected) => {
    const errors = errorsOf(value);
    expect(errors.some((e) => e.startsWith(expected))).toBe(true);
  });
});

describe('presenter section', () => {
  it('defaults to finding the hub by itself and no local tour, in either mode', () => {
    expect(presenterConfig(DEFAULT_CONFIG)).toEqual({ hub: 'auto', tour: 'off' });
    const c = checkWallConfig({ mode: 'demo', presenter: {} });
    if (!c.ok) throw new Error(c.errors.join());
    expect(presenterConfig(c.config)).toEqual({ hub: 'auto', tour: 'off' });
  });

  it('accepts a hub URL, a wall key and a tour, in a live config too', () => {
    const c = checkWallConfig({ ...live(), presenter: { hub: 'http://10.0.0.9:4500', wallKey: 'k-123', tour: 'demo' } });
    if (!c.ok) throw new Error(c.errors.join());
    expect(presenterConfig(c.config)).toEqual({ hub: 'http://10.0.0.9:4500', wallKey: 'k-123', tour: 'demo' });
    const off = checkWallConfig({ mode: 'demo', presenter: { hub: 'off' } });
    expect(off.ok && presenterConfig(off.config).hub).toBe('off');
  });
});
