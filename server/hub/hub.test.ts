/**
 * The hub against real socket.io clients and real HTTP on 127.0.0.1: pairing, refusals (unpaired, forged,
 * expired, wrong Origin), the control lock and handover, late joiners, one command reaching every wall,
 * tours on a fast clock, briefing alerts, wall keys and the audit log.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TOURS } from '../../scenes/tours';
import { SCENE_LIST } from '../../scenes';
import { auditEntrySchema, HUB_EVENTS, type ClockCommand, type WallAlert, type WallReport } from '../../src/presenter/protocol';
import { NOT_IN_CONTROL } from './control';
import { startHub, type Hub, type HubOptions } from './hub';
import { HELLO_PATH } from './http-api';
import { signToken } from './tokens';
import { Client, connectRemote, connectWall, eventually, pair, postPair, refusal } from './test-helpers';

const hubs: Hub[] = [];
const clients: Client[] = [];

async function hubWith(opts: HubOptions = {}): Promise<Hub> {
  const hub = await startHub({ logError: () => {}, ...opts });
  hubs.push(hub);
  return hub;
}
function track<T extends Client>(c: T): T {
  clients.push(c);
  return c;
}
async function remote(hub: Hub, name: string): Promise<Client & { clientId: string }> {
  const { token, clientId } = await pair(hub, name);
  return Object.assign(track(await connectRemote(hub.url, token)), { clientId });
}
async function controller(hub: Hub, name = '主讲'): Promise<Client & { clientId: string }> {
  const r = await remote(hub, name);
  expect(await r.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
  return r;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

describe('pairing (REST)', () => {
  it('pairs with the code on the wall, rotates the code and tells the walls', async () => {
    const hub = await hubWith();
    const wall = track(await connectWall(hub.url));
    const codes: string[] = [];
    wall.socket.on(HUB_EVENTS.pairing, (p: { code: string }) => codes.push(p.code));
    const first = hub.pairing().code;
    expect(first).toMatch(/^\d{6}$/);
    const { status, reply } = await postPair(hub, { code: first, name: '张主任的手机' });
    expect(status).toBe(200);
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.expiresAt).toBeGreaterThan(Date.now());
    expect(hub.pairing().code).not.toBe(first);
    // The wall shows the new code (it learns it by hub:pairing).
    await eventually(() => codes.includes(hub.pairing().code), 'the new code on the wall');
    const r = track(await connectRemote(hub.url, reply.token));
    expect(r.state?.hubId).toBe(hub.hubId);
    expect(hub.audit.some((e) => e.what === 'pairing' && e.by === '张主任的手机')).toBe(true);
  });

  it('refuses a wrong code (403), and rotates the code with 429 on the 5th wrong code in a minute', async () => {
    const hub = await hubWith();
    const code = hub.pairing().code;
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 4; i++) {
      const r = await postPair(hub, { code: wrong, name: 'x' });
      expect(r.status).toBe(403);
      expect(r.reply.ok).toBe(false);
    }
    expect(hub.pairing().code).toBe(code);
    const fifth = await postPair(hub, { code: wrong === code ? '111111' : wrong, name: 'x' });
    expect(fifth.status).toBe(429);
    expect(hub.pairing().code).not.toBe(code);
    // The old code is worthless now.
    expect((await postPair(hub, { code, name: 'x' })).status).toBe(403);
  });

  it('refuses a wrong or missing Origin (403) and a malformed body (400)', async () => {
    const hub = await hubWith({ extraOrigins: ['http://127.0.0.1:5999'] });
    const code = hub.pairing().code;
    expect((await postPair(hub, { code, name: 'x' }, 'http://evil.example')).status).toBe(403);
    expect((await postPair(hub, { code, name: 'x' }, null)).status).toBe(403);
    expect((await postPair(hub, { code: '12', name: 'x' })).status).toBe(400);
    expect((await postPair(hub, { code, name: '' })).status).toBe(400);
    expect(hub.pairing().code).toBe(code); // none of these used the code up
    const extra = await postPair(hub, { code, name: 'vite' }, 'http://127.0.0.1:5999');
    expect(extra.status).toBe(200);
  });

  it('answers hello so a wall page knows it is served by a hub', async () => {
    const hub = await hubWith({ hubId: 'hub-hello' });
    const res = await fetch(`${hub.url}${HELLO_PATH}`);
    expect(await res.json()).toEqual({ hub: true, hubId: 'hub-hello' });
  });
});

describe('remote handshake refusals', () => {
  it('refuses unpaired, forged and foreign-secret tokens as "unpaired"', async () => {
    const hub = await hubWith({ secret: 'the-secret' });
    expect(await refusal(connectRemote(hub.url, undefined))).toBe('unpaired');
    const { token } = await pair(hub, 'p');
    const [payload, sig] = token.split('.') as [string, string];
    const flipped = `${payload}.${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}`;
    expect(await refusal(connectRemote(hub.url, flipped))).toBe('unpaired');
    // A token claiming another name with the original signature.
    const renamed = Buffer.from(JSON.stringify({ c: 'x', n: 'mallory', e: Date.now() + 1e7 })).toString('base64url');
    expect(await refusal(connectRemote(hub.url, `${renamed}.${sig}`))).toBe('unpaired');
    const foreign = signToken('another-secret', { clientId: 'c', name: 'n', expiresAt: Date.now() + 60_000 });
    expect(await refusal(connectRemote(hub.url, foreign))).toBe('unpaired');
    // The genuine token works, and one signed with the shared secret elsewhere too (stateless tokens).
    track(await connectRemote(hub.url, token));
    const elsewhere = signToken('the-secret', { clientId: 'c2', name: 'other hub', expiresAt: Date.now() + 60_000 });
    track(await connectRemote(hub.url, elsewhere));
  });

  it('refuses an expired token, and ends the session of a connected one when it expires', async () => {
    let offset = 0;
    const hub = await hubWith({ tokenTtlMs: 10 * 60_000, now: () => Date.now() + offset });
    const a = await pair(hub, 'a');
    const b = await pair(hub, 'b');
    const connectedB = track(await connectRemote(hub.url, b.token));
    offset = 10 * 60_000 + 1; // the hub's clock passes the expiry
    expect(await refusal(connectRemote(hub.url, a.token))).toBe('token expired');
    const disconnected = new Promise<void>((resolve) => connectedB.socket.once('disconnect', () => resolve()));
    expect(await connectedB.send({ kind: 'next' })).toEqual({ ok: false, error: 'token expired' });
    await disconnected;
  });

  it('refuses a real-time expiry (short TTL) without an injected clock', async () => {
    const hub = await hubWith({ tokenTtlMs: 150 });
    const { token, expiresAt } = await pair(hub, 'short');
    await eventually(() => Date.now() > expiresAt + 5, 'the token to expire');
    expect(await refusal(connectRemote(hub.url, token))).toBe('token expired');
  });

  it('refuses a wrong or missing Origin even with a valid token', async () => {
    const hub = await hubWith();
    const { token } = await pair(hub, 'p');
    expect(await refusal(connectRemote(hub.url, token, 'http://evil.example'))).toBe('origin not allowed');
    expect(await refusal(connectRemote(hub.url, token, null))).toBe('origin not allowed');
    expect(await refusal(connectRemote(hub.url, token, `http://127.0.0.1:${hub.port + 1}`))).toBe('origin not allowed');
    track(await connectRemote(hub.url, token, `http://localhost:${hub.port}`));
  });

  it('lets walls in from loopback with an allowed or no Origin (kiosk), not from a foreign Origin', async () => {
    const hub = await hubWith();
    track(await connectWall(hub.url)); // no Origin: a kiosk window
    track(await connectWall(hub.url, { origin: hub.url }));
    expect(await refusal(connectWall(hub.url, { origin: 'http://evil.example' }))).toBe('origin not allowed');
  });
});

describe('control and handover', () => {
  it('one controller; others are refused; take → toast → accept moves control; decline keeps it; release frees it', async () => {
    const hub = await hubWith();
    const a = await remote(hub, 'A');
    const b = await remote(hub, 'B');
    // Nobody in control: nobody drives the wall.
    expect(await a.send({ kind: 'next' })).toEqual({ ok: false, error: NOT_IN_CONTROL });
    expect(await a.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    let s = await b.untilState((x) => x.controller?.clientId === a.clientId, 'A in control');
    expect(s.briefing).toBe(true); // briefing mode while someone presents
    expect(await a.send({ kind: 'next' })).toEqual({ ok: true });
    // The second presenter's commands are refused.
    for (const cmd of [{ kind: 'next' }, { kind: 'goTo', sceneId: 'flood' }, { kind: 'blackout', on: true }, { kind: 'tour', action: 'start' }, { kind: 'focus', target: null }] as const) {
      expect(await b.send(cmd)).toEqual({ ok: false, error: NOT_IN_CONTROL });
    }
    expect(await b.send({ kind: 'control', action: 'accept' })).toEqual({ ok: false, error: NOT_IN_CONTROL });

    // B asks: A gets a handover toast and declines.
    expect(await b.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    const ask = await a.until(() => a.toasts.find((t) => t.handoverFrom?.clientId === b.clientId), 'handover toast');
    expect(ask.handoverFrom?.name).toBe('B');
    s = await b.untilState((x) => x.handover?.toClientId === b.clientId, 'handover pending');
    expect(s.controller?.clientId).toBe(a.clientId);
    expect(await a.send({ kind: 'control', action: 'decline' })).toEqual({ ok: true });
    await b.until(() => b.toasts.find((t) => t.text.includes('declined')), 'decline toast');
    s = await b.untilState((x) => x.handover === null && x.rev > s.rev, 'handover cleared');
    expect(s.controller?.clientId).toBe(a.clientId);
    expect(await b.send({ kind: 'next' })).toEqual({ ok: false, error: NOT_IN_CONTROL });

    // B asks again; A accepts: control moves.
    const asked = a.toasts.length;
    expect(await b.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    await a.until(() => a.toasts.slice(asked).find((t) => t.handoverFrom?.clientId === b.clientId), 'second handover toast');
    expect(await a.send({ kind: 'control', action: 'accept' })).toEqual({ ok: true });
    await a.untilState((x) => x.controller?.clientId === b.clientId, 'B in control');
    expect(await a.send({ kind: 'next' })).toEqual({ ok: false, error: NOT_IN_CONTROL });
    expect(await b.send({ kind: 'next' })).toEqual({ ok: true });

    // B releases: nobody holds control, briefing mode ends.
    expect(await b.send({ kind: 'control', action: 'release' })).toEqual({ ok: true });
    s = await a.untilState((x) => x.controller === null, 'released');
    expect(s.briefing).toBe(false);
    expect(await b.send({ kind: 'next' })).toEqual({ ok: false, error: NOT_IN_CONTROL });
    expect(hub.audit.filter((e) => e.what === 'control').length).toBeGreaterThanOrEqual(6);
  });

  it('a controller gone longer than the grace period loses control (to a pending asker)', async () => {
    const hub = await hubWith({ controlGraceMs: 300 });
    const a = await controller(hub, 'dead phone');
    const b = await remote(hub, 'B');
    expect(await b.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    await b.untilState((x) => x.handover?.toClientId === b.clientId, 'handover pending');
    a.close();
    const s = await b.untilState((x) => x.controller?.clientId === b.clientId, 'B in control after the grace');
    expect(s.handover).toBeNull();
    expect(await b.send({ kind: 'next' })).toEqual({ ok: true });
  });

  it('a controller that reconnects within the grace period keeps control', async () => {
    const hub = await hubWith({ controlGraceMs: 400 });
    const { token, clientId } = await pair(hub, 'flaky');
    const a = track(await connectRemote(hub.url, token));
    expect(await a.send({ kind: 'control', action: 'take' })).toEqual({ ok: true });
    a.close();
    const again = track(await connectRemote(hub.url, token));
    // Wait past the grace on the hub's own clock, then the lock is still ours.
    const until = Date.now() + 600;
    await eventually(() => Date.now() > until, 'the grace period');
    expect(hub.state().controller?.clientId).toBe(clientId);
    expect(await again.send({ kind: 'next' })).toEqual({ ok: true });
  });
});

describe('state and commands', () => {
  it('a late joiner (wall or remote) gets the current state at once', async () => {
    const hub = await hubWith();
    const a = await controller(hub);
    expect(await a.send({ kind: 'goTo', sceneId: 'flood' })).toEqual({ ok: true });
    expect(await a.send({ kind: 'blackout', on: true })).toEqual({ ok: true });
    expect(await a.send({ kind: 'focus', target: { type: 'unit', unitId: 'xiling' } })).toEqual({ ok: true });
    const wall = track(await connectWall(hub.url));
    const late = await remote(hub, 'late');
    for (const c of [wall, late]) {
      const first = c.states[0]!;
      expect(first.sceneId).toBe('flood');
      expect(first.blackout).toBe(true);
      expect(first.focus).toEqual({ type: 'unit', unitId: 'xiling' });
      expect(first.controller?.clientId).toBe(a.clientId);
      expect(first.rev).toBe(hub.state().rev);
    }
  });

  it('one remote command reaches two walls as the same ClockCommand, scheduled leadMs ahead', async () => {
    const hub = await hubWith({ leadMs: 250 });
    const w1 = track(await connectWall(hub.url));
    const w2 = track(await connectWall(hub.url, { origin: hub.url }));
    const a = await controller(hub);
    const before = Date.now();
    expect(await a.send({ kind: 'goTo', sceneId: 'parking' })).toEqual({ ok: true });
    const c1 = await w1.until(() => w1.commands.find((c) => c.action.kind === 'scene'), 'wall 1 command');
    const c2 = await w2.until(() => w2.commands.find((c) => c.action.kind === 'scene'), 'wall 2 command');
    expect(c2).toEqual(c1);
    expect(c1.action).toMatchObject({ kind: 'scene', sceneId: 'parking' });
    expect(c1.applyAt).toBeGreaterThanOrEqual(before + 250);
    expect(hub.commands.at(-1)).toEqual(c1);
    // …followed by the new state (rev + 1), to walls and remotes.
    await w1.untilState((s) => s.sceneId === 'parking', 'wall state');
    await a.untilState((s) => s.sceneId === 'parking' && s.nextSceneId === SCENE_LIST[SCENE_LIST.findIndex((x) => x.id === 'parking') + 1]!.id, 'remote state');
    expect(await a.send({ kind: 'goTo', sceneId: 'nowhere' })).toMatchObject({ ok: false });
    expect(await a.send({ kind: 'warp' })).toMatchObject({ ok: false });
  });

  it('next/prev follow the scene list and wrap', async () => {
    const hub = await hubWith();
    const a = await controller(hub);
    const ids = SCENE_LIST.map((s) => s.id);
    expect(hub.state().sceneId).toBe(ids[0]);
    await a.send({ kind: 'prev' });
    expect(hub.state().sceneId).toBe(ids.at(-1));
    await a.send({ kind: 'next' });
    await a.send({ kind: 'next' });
    expect(hub.state().sceneId).toBe(ids[1]);
  });

  it('answers clock:sync with the master clock', async () => {
    const hub = await hubWith({ now: () => 1_000_000 });
    const wall = track(await connectWall(hub.url));
    const reply = (await wall.socket.timeout(5000).emitWithAck(HUB_EVENTS.clockSync, 42)) as { t0: number; master: number };
    expect(reply).toEqual({ t0: 42, master: 1_000_000 });
  });

  it('a wall clicker may switch scenes and black out, nothing else', async () => {
    const hub = await hubWith();
    const wall = track(await connectWall(hub.url));
    expect(await wall.wallSend({ kind: 'next' })).toEqual({ ok: true });
    expect(await wall.wallSend({ kind: 'blackout', on: true })).toEqual({ ok: true });
    expect(await wall.wallSend({ kind: 'tour', action: 'start' })).toMatchObject({ ok: false });
    expect(await wall.wallSend({ kind: 'control', action: 'take' })).toMatchObject({ ok: false });
    await wall.untilState((s) => s.sceneId === SCENE_LIST[1]!.id && s.blackout, 'wall-driven state');
    const kinds = wall.commands.map((c) => c.action.kind);
    expect(kinds).toEqual(['scene', 'blackout']);
  });

  it('keeps walls, playback and alarms from wall reports', async () => {
    const hub = await hubWith();
    const wall = track(await connectWall(hub.url));
    const a = await remote(hub, 'viewer');
    const report: WallReport = {
      wallId: 'left',
      sceneId: 'overview',
      dataTime: 1000,
      startTime: 0,
      endTime: 5000,
      speed: 2,
      paused: false,
      demo: true,
      alarms: [{ id: 'al-1', label: '<b>积水</b>' }],
    };
    wall.socket.emit(HUB_EVENTS.wallReport, report);
    const s = await a.untilState((x) => x.walls.length === 1, 'wall listed');
    expect(s.walls[0]).toMatchObject({ wallId: 'left', sceneId: 'overview' });
    expect(s.playback).toEqual({ dataTime: 1000, startTime: 0, endTime: 5000, speed: 2, paused: false, demo: true });
    expect(s.alarms).toEqual([{ id: 'al-1', label: '<b>积水</b>' }]);
    wall.socket.emit(HUB_EVENTS.wallReport, { ...report, speed: 'fast' }); // malformed: ignored
    wall.close();
    await a.untilState((x) => x.walls.length === 0 && x.rev > s.rev, 'wall gone');
  });
});

describe('demo playback from the remote', () => {
  it('turns play, pause, speed and seek into wall commands, keeping a seek inside the recording', async () => {
    const hub = await hubWith();
    const wall = track(await connectWall(hub.url));
    wall.socket.emit(HUB_EVENTS.wallReport, {
      wallId: 'left', sceneId: 'overview', dataTime: 2000, startTime: 1000, endTime: 9000, speed: 1, paused: false, demo: true, alarms: [],
    } satisfies WallReport);
    const p = await controller(hub);
    await p.untilState((s) => s.playback !== null, 'playback known');
    const sentAt = Date.now();
    expect(await p.send({ kind: 'playback', action: 'pause' })).toEqual({ ok: true });
    expect(await p.send({ kind: 'playback', action: 'speed', speed: 8 })).toEqual({ ok: true });
    expect(await p.send({ kind: 'playback', action: 'seek', dataTime: 50_000 })).toEqual({ ok: true });
    expect(await p.send({ kind: 'playback', action: 'seek', dataTime: 3000 })).toEqual({ ok: true });
    expect(await p.send({ kind: 'playback', action: 'play' })).toEqual({ ok: true });
    expect(await p.send({ kind: 'playback', action: 'speed' })).toMatchObject({ ok: false });
    expect(await p.send({ kind: 'playback', action: 'speed', speed: 1000 })).toMatchObject({ ok: false });
    const got = await wall.until(() => (wall.commands.length >= 5 ? wall.commands : null), 'five playback commands');
    expect(got.map((c) => c.action)).toEqual([
      { kind: 'pause' },
      { kind: 'speed', speed: 8 },
      // Past the end of the recording: the end; paused stays paused.
      { kind: 'seek', dataTime: 9000, pause: true },
      { kind: 'seek', dataTime: 3000, pause: true },
      { kind: 'play' },
    ]);
    const s = await p.untilState((x) => x.playback?.paused === false && x.playback.speed === 8, 'playback state follows');
    expect(s.playback?.dataTime).toBe(3000);
    // Every wall command is scheduled ahead of the moment it was asked for (the lead), never for the past.
    for (const c of got) expect(c.applyAt).toBeGreaterThan(sentAt);
  });
});

describe('tours', () => {
  it('runs a tour on a fast clock: each step applies exactly holdSeconds × dwellScale after the previous', async () => {
    const scale = 0.01;
    const hub = await hubWith({ dwellScale: scale, leadMs: 100 });
    const wall = track(await connectWall(hub.url));
    const a = await controller(hub);
    const tour = TOURS.demo!;
    expect(await a.send({ kind: 'tour', action: 'start', tourId: 'demo' })).toEqual({ ok: true });
    const n = 5;
    const scenes = await wall.until(() => {
      const list = wall.commands.filter((c) => c.action.kind === 'scene');
      return list.length >= n && list;
    }, `${n} tour steps`);
    scenes.slice(0, n).forEach((c, i) => {
      const step = tour.steps[i]!;
      expect(c.action).toMatchObject({ kind: 'scene', sceneId: step.scene, highlight: step.highlight ?? null });
      if (i > 0) expect(c.applyAt - scenes[i - 1]!.applyAt).toBeCloseTo(tour.steps[i - 1]!.holdSeconds * 1000 * scale, 6);
    });
    const s = await a.untilState((x) => x.tour?.tourId === 'demo' && x.tour.index >= 1, 'tour status');
    expect(s.tour).toMatchObject({ title: tour.title, count: tour.steps.length, playing: true });
    expect(s.nextSceneId).toBe(tour.steps[(s.tour!.index + 1) % tour.steps.length]!.scene);

    // Pause: no further steps; resume carries on from the same step.
    expect(await a.send({ kind: 'tour', action: 'pause' })).toEqual({ ok: true });
    const paused = hub.state().tour!;
    expect(paused.playing).toBe(false);
    expect(paused.remainingMs).not.toBeNull();
    const count = hub.commands.length;
    const until = Date.now() + 400; // longer than any step at this scale
    await eventually(() => Date.now() > until, 'a while');
    expect(hub.commands.length).toBe(count);
    const seen = wall.commands.length;
    expect(await a.send({ kind: 'tour', action: 'resume' })).toEqual({ ok: true });
    const nextStep = await wall.until(() => wall.commands[seen], 'a step after resume');
    expect(nextStep.action).toMatchObject({ kind: 'scene', sceneId: tour.steps[(paused.index + 1) % tour.steps.length]!.scene });
    expect(hub.state().tour?.playing).toBe(true);
    expect(await a.send({ kind: 'tour', action: 'stop' })).toEqual({ ok: true });
    expect(hub.state().tour).toBeNull();
  });

  it('next/prev/goTo move within the tour; goTo outside it pauses the tour and resume returns', async () => {
    const hub = await hubWith({ tourId: 'briefing' });
    const tour = TOURS.briefing!;
    const a = await controller(hub);
    expect(hub.state().tour).toMatchObject({ tourId: 'briefing', index: 0, playing: true });
    await a.send({ kind: 'next' });
    expect(hub.state().tour?.index).toBe(1);
    expect(hub.state().sceneId).toBe(tour.steps[1]!.scene);
    await a.send({ kind: 'prev' });
    expect(hub.state().tour?.index).toBe(0);
    const inTour = tour.steps.findIndex((s, i) => i > 0 && s.scene !== tour.steps[0]!.scene);
    await a.send({ kind: 'goTo', sceneId: tour.steps[inTour]!.scene });
    expect(hub.state().tour).toMatchObject({ index: inTour, playing: true });
    const outside = SCENE_LIST.find((s) => !tour.steps.some((st) => st.scene === s.id));
    if (outside) {
      await a.send({ kind: 'goTo', sceneId: outside.id });
      expect(hub.state()).toMatchObject({ sceneId: outside.id, tour: { index: inTour, playing: false } });
      await a.send({ kind: 'tour', action: 'resume' });
      expect(hub.state()).toMatchObject({ sceneId: tour.steps[inTour]!.scene, tour: { playing: true } });
    }
    expect(await a.send({ kind: 'tour', action: 'start', tourId: 'no-such' })).toMatchObject({ ok: false });
  });
});

describe('briefing alerts', () => {
  const alert: WallAlert = {
    id: 'alarm-7',
    severity: 'critical',
    title: '长江水位超警戒',
    detail: '<img src=x onerror=alert(1)>',
    sceneId: 'flood',
    focus: { type: 'alarm', alarmId: 'alarm-7' },
    raisedAt: 1,
  };

  it('a critical alert bannered once for all walls; the controller opens it: banner down, its scene, its focus', async () => {
    const hub = await hubWith();
    const w1 = track(await connectWall(hub.url));
    const w2 = track(await connectWall(hub.url));
    const a = await controller(hub);
    w1.socket.emit(HUB_EVENTS.wallAlert, alert);
    w2.socket.emit(HUB_EVENTS.wallAlert, alert); // the same alert from the other wall PC
    const s = await a.untilState((x) => x.alerts.banner?.id === 'alarm-7', 'banner');
    expect(s.alerts.banner?.detail).toBe(alert.detail);
    await w2.until(() => w2.commands.find((c) => c.action.kind === 'banner'), 'banner command');
    const b = await remote(hub, 'B');
    expect(await b.send({ kind: 'alert', alertId: 'alarm-7', decision: 'open' })).toEqual({ ok: false, error: NOT_IN_CONTROL });
    expect(await a.send({ kind: 'alert', alertId: 'alarm-7', decision: 'open' })).toEqual({ ok: true });
    const after = await a.untilState((x) => x.alerts.banner === null && x.rev > s.rev, 'banner down');
    expect(after.sceneId).toBe('flood');
    expect(after.focus).toEqual({ type: 'alarm', alarmId: 'alarm-7' });
    const kinds = hub.commands.map((c: ClockCommand) => c.action.kind);
    expect(kinds.filter((k) => k === 'banner')).toHaveLength(2); // shown once (not once per wall), then down
    expect(kinds.slice(-3)).toEqual(['banner', 'scene', 'focus']);
    expect(hub.audit.some((e) => e.what === 'alert-open' && e.by === '主讲')).toBe(true);
    expect(await a.send({ kind: 'alert', alertId: 'nope', decision: 'defer' })).toMatchObject({ ok: false });
  });

  it('during a briefing non-critical alerts queue silently', async () => {
    const hub = await hubWith();
    const wall = track(await connectWall(hub.url));
    const a = await controller(hub);
    wall.socket.emit(HUB_EVENTS.wallAlert, { ...alert, id: 'minor-1', severity: 'minor' });
    const s = await a.untilState((x) => x.alerts.queued.length === 1, 'queued');
    expect(s.alerts.banner).toBeNull();
    expect(hub.commands.some((c) => c.action.kind === 'banner')).toBe(false);
    expect(await a.send({ kind: 'briefing', on: false })).toEqual({ ok: true });
    expect(hub.state().briefing).toBe(false);
  });
});

describe('audit log file', () => {
  it('appends one JSON line per entry; every line is an AuditEntry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-audit-'));
    const file = join(dir, 'logs', 'audit.jsonl');
    const hub = await hubWith({ auditFile: file });
    const a = await controller(hub, 'auditor');
    await a.send({ kind: 'goTo', sceneId: 'flood' });
    const wall = track(await connectWall(hub.url));
    wall.socket.emit(HUB_EVENTS.wallReport, { wallId: 'w9', sceneId: 'flood', dataTime: null, startTime: null, endTime: null, speed: 1, paused: false, demo: false, alarms: [] });
    wall.socket.emit(HUB_EVENTS.wallAudit, { at: 5, what: 'scene-shown', detail: 'flood complete' });
    await eventually(() => hub.audit.some((e) => e.what === 'scene-shown'), 'wall audit entry');
    await hub.flushAudit();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    const entries = lines.map((l) => auditEntrySchema.parse(JSON.parse(l)));
    expect(entries).toEqual(hub.audit);
    const whats = entries.map((e) => e.what);
    for (const w of ['pairing', 'control', 'scene', 'scene-shown']) expect(whats).toContain(w);
    expect(entries.find((e) => e.what === 'scene-shown')?.by).toBe('墙 w9');
    expect(entries.find((e) => e.what === 'scene' && e.detail.includes('flood'))?.by).toBe('auditor');
  });

  it('a failing disk reports once and commands keep working', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hub-audit-'));
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, 'x');
    const errors: string[] = [];
    const hub = await hubWith({ auditFile: join(blocker, 'audit.jsonl'), logError: (m) => errors.push(m) });
    const a = await controller(hub);
    for (let i = 0; i < 4; i++) expect(await a.send({ kind: 'next' })).toEqual({ ok: true });
    await hub.flushAudit();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('audit log');
    expect(hub.audit.filter((e) => e.what === 'scene')).toHaveLength(4);
  });
});

describe('static files', () => {
  function rawGet(url: string, path: string): Promise<{ status: number; type: string | undefined; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(`${url}${path}`, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves the built app with MIME types and never outside distDir', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hub-static-'));
    const dist = join(root, 'dist');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>wall</title>');
    writeFileSync(join(dist, 'remote.html'), '<!doctype html><title>remote</title>');
    writeFileSync(join(dist, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(dist, 'assets', 'app-1.css'), 'body{}');
    writeFileSync(join(dist, 'assets', 'x.wasm'), 'wasm');
    writeFileSync(join(root, 'secret.txt'), 'top secret');
    const hub = await hubWith({ distDir: dist });
    const page = await rawGet(hub.url, '/');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('wall');
    expect(await rawGet(hub.url, '/remote.html')).toMatchObject({ status: 200, body: expect.stringContaining('remote') });
    expect((await rawGet(hub.url, '/assets/app-1.js')).type).toBe('text/javascript; charset=utf-8');
    expect((await rawGet(hub.url, '/assets/app-1.css')).type).toBe('text/css; charset=utf-8');
    expect((await rawGet(hub.url, '/assets/x.wasm')).type).toBe('application/wasm');
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/nope.html', '/assets/']) {
      const r = await rawGet(hub.url, path);
      expect(r.status, path).toBe(404);
      expect(r.body).not.toContain('top secret');
    }
  });
});
