import { describe, expect, it } from 'vitest';
import { CHANNELS } from './bridge-types';
import { isAppUrl, RateLimiter, validateIpc } from './ipc-validate';

const app = { senderFrame: { url: 'app://citywall/index.html?wall=3840x1080&viewport=0,0,1920,1080', parent: null } };
const state = { dataClock: 1_700_000_000_000, paused: false, camera: { kind: 'fit-units', pitch: -60, heading: 0 }, savedAt: 1 };

describe('IPC validation', () => {
  it('our app origin only, compared by scheme and host (a custom scheme has an opaque "null" origin)', () => {
    expect(new URL('app://evil/x').origin).toBe(new URL('app://citywall/x').origin); // why origin strings are not enough
    expect(isAppUrl('app://citywall/index.html')).toBe(true);
    for (const bad of ['app://evil/index.html', 'https://citywall/index.html', 'file:///C:/citywall/index.html', 'app://user@citywall/', 'app://citywall:81/', 'about:blank', 'not a url']) expect(isAppUrl(bad), bad).toBe(false);
  });

  it('accepts a well-formed heartbeat from the app', () => {
    const r = validateIpc(CHANNELS.heartbeat, app, { seq: 3, mapReady: true, state });
    expect(r).toEqual({ ok: true, value: { seq: 3, mapReady: true, state } });
  });

  it('refuses a sender that is not our app, a subframe, or a gone frame', () => {
    expect(validateIpc(CHANNELS.heartbeat, { senderFrame: { url: 'https://evil.example/', parent: null } }, { seq: 1, mapReady: true, state })).toMatchObject({ ok: false, reason: expect.stringContaining('is not the app') });
    expect(validateIpc(CHANNELS.heartbeat, { senderFrame: { url: 'app://citywall/index.html', parent: {} } }, { seq: 1, mapReady: true, state })).toMatchObject({ ok: false, reason: expect.stringContaining('subframe') });
    expect(validateIpc(CHANNELS.hello, { senderFrame: null }, undefined)).toMatchObject({ ok: false, reason: expect.stringContaining('gone') });
  });

  it('refuses payloads that do not match the channel schema', () => {
    expect(validateIpc(CHANNELS.heartbeat, app, { seq: -1, mapReady: 'yes', state })).toMatchObject({ ok: false });
    expect(validateIpc(CHANNELS.heartbeat, app, { seq: 1, mapReady: true, state, extra: 1 })).toMatchObject({ ok: false });
    expect(validateIpc(CHANNELS.heartbeat, app, { seq: 1, mapReady: true, state: { ...state, camera: { big: 'x'.repeat(5000) } } })).toMatchObject({ ok: false, reason: expect.stringContaining('4 KB') });
    expect(validateIpc(CHANNELS.heartbeat, app, { seq: 1, mapReady: true, state: { ...state, sceneId: 'flood' } })).toMatchObject({ ok: true });
    expect(validateIpc(CHANNELS.heartbeat, app, { seq: 1, mapReady: true, state: { ...state, sceneId: '../../etc' } })).toMatchObject({ ok: false });
    expect(validateIpc(CHANNELS.clockSync, app, 'now')).toMatchObject({ ok: false });
    expect(validateIpc(CHANNELS.clockSync, app, 123.5)).toEqual({ ok: true, value: 123.5 });
    expect(validateIpc(CHANNELS.hello, app, { any: 1 })).toMatchObject({ ok: false });
    expect(validateIpc(CHANNELS.operatorSubmit, app, { pin: '12ab', action: 'exit' })).toMatchObject({ ok: false, reason: expect.stringContaining('digits') });
    expect(validateIpc(CHANNELS.operatorSubmit, app, { pin: '246810', action: 'format-disk' })).toMatchObject({ ok: false });
    expect(validateIpc(CHANNELS.operatorSubmit, app, { pin: '246810', action: 'exit' })).toEqual({ ok: true, value: { pin: '246810', action: 'exit' } });
  });

  it('refuses unknown channels and main → renderer channels sent the wrong way', () => {
    expect(validateIpc('kiosk:exec', app, 'rm -rf /')).toMatchObject({ ok: false, reason: expect.stringContaining('unknown channel') });
    expect(validateIpc(CHANNELS.onClockCommand, app, {})).toMatchObject({ ok: false, reason: expect.stringContaining('unknown channel') });
    expect(validateIpc('__proto__', app, {})).toMatchObject({ ok: false });
  });

  it('wall:command takes the scene keys only, with a bounded jump position, from the app only', () => {
    for (const cmd of [{ kind: 'next' }, { kind: 'prev' }, { kind: 'overview' }, { kind: 'blackout' }, { kind: 'jump', index: 0 }, { kind: 'jump', index: 9 }]) expect(validateIpc(CHANNELS.wallCommand, app, cmd), JSON.stringify(cmd)).toEqual({ ok: true, value: cmd });
    for (const bad of [undefined, null, 'next', { kind: 'toggleInfo' }, { kind: 'seek', dataTime: 1 }, { kind: 'next', extra: 1 }, { kind: 'jump' }, { kind: 'jump', index: -1 }, { kind: 'jump', index: 1.5 }, { kind: 'jump', index: 100 }, { kind: 'jump', index: '3' }, { kind: 'blackout', on: true }]) {
      expect(validateIpc(CHANNELS.wallCommand, app, bad), JSON.stringify(bad)).toMatchObject({ ok: false, reason: expect.stringContaining('bad payload') });
    }
    expect(validateIpc(CHANNELS.wallCommand, { senderFrame: { url: 'https://evil.example/', parent: null } }, { kind: 'next' })).toMatchObject({ ok: false, reason: expect.stringContaining('is not the app') });
    expect(validateIpc(CHANNELS.wallCommand, { senderFrame: { url: 'app://citywall/index.html', parent: {} } }, { kind: 'next' })).toMatchObject({ ok: false, reason: expect.stringContaining('subframe') });
  });
});

describe('RateLimiter', () => {
  it('lets a burst through, then one per period, and refills while quiet', () => {
    const r = new RateLimiter(3, 300);
    expect([0, 1, 2, 3, 4].map((t) => r.take(t))).toEqual([true, true, true, false, false]);
    expect(r.take(150)).toBe(false);
    expect(r.take(305)).toBe(true); // one token back after 300 ms
    expect(r.take(310)).toBe(false);
    expect([10_000, 10_001, 10_002, 10_003].map((t) => r.take(t))).toEqual([true, true, true, false]); // never more than the burst
  });

  it('a key held down (a keydown every 30 ms for 3 s) gets through about once per period', () => {
    const r = new RateLimiter(3, 300);
    let passed = 0;
    for (let t = 0; t < 3000; t += 30) if (r.take(t)) passed++;
    expect(passed).toBeGreaterThanOrEqual(12);
    expect(passed).toBeLessThanOrEqual(13); // 3 at once + 3000 / 300
  });

  it('a clock that steps back adds no tokens', () => {
    const r = new RateLimiter(1, 1000);
    expect(r.take(5000)).toBe(true);
    expect(r.take(1000)).toBe(false);
    expect(r.take(1500)).toBe(false);
  });
});
