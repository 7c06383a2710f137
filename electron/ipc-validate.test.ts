import { describe, expect, it } from 'vitest';
import { CHANNELS } from './bridge-types';
import { isAppUrl, validateIpc } from './ipc-validate';

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
});
