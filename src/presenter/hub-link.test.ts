/**
 * The hub link against a real socket.io server on 127.0.0.1 standing in for the hub (its side of the
 * protocol only: clock:sync acks, state, commands, wall keys), with the hub's master clock 5 s ahead of
 * the wall's so the offset is really measured.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Namespace, type Socket as ServerSocket } from 'socket.io';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { WallAction } from '../../electron/bridge-types';
import { isNewerState, rttFilter, startHubLink, type HubLink } from './hub-link';
import { HUB_EVENTS, HUB_WALL_NS, wallReportSchema, type HubState } from './protocol';
import { hubState as baseHubState } from './hub-state.fixture';

const SKEW = 5000;
const localNow = () => performance.timeOrigin + performance.now();
const masterNow = () => localNow() + SKEW;

/** The shared fixture, on the flood scene of hub h1. */
const hubState = (over: Partial<HubState> = {}): HubState => baseHubState({ hubId: 'h1', sceneId: 'flood', nextSceneId: 'parking', ...over });

interface FakeHub {
  http: HttpServer;
  io: Server;
  ns: Namespace;
  port: number;
  sockets: ServerSocket[];
  syncs: number;
  reports: unknown[];
  keys: unknown[];
  auths: unknown[];
  refuseNext: number;
  state: HubState;
  close(): Promise<void>;
}

async function startFakeHub(port = 0, state = hubState()): Promise<FakeHub> {
  const http = createServer();
  const server = new Server(http);
  const hub: FakeHub = {
    http,
    io: server,
    ns: server.of(HUB_WALL_NS),
    port: 0,
    sockets: [],
    syncs: 0,
    reports: [],
    keys: [],
    auths: [],
    refuseNext: 0,
    state,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
      }),
  };
  hub.ns.use((socket, next) => {
    hub.auths.push(socket.handshake.auth);
    if (hub.refuseNext > 0) {
      hub.refuseNext -= 1;
      return next(new Error('wrong wall key'));
    }
    next();
  });
  hub.ns.on('connection', (socket) => {
    hub.sockets.push(socket);
    socket.emit(HUB_EVENTS.state, hub.state);
    socket.emit(HUB_EVENTS.pairing, { code: '123456', expiresAt: masterNow() + 60_000, remoteUrl: 'http://127.0.0.1/remote.html' });
    socket.on(HUB_EVENTS.clockSync, (t0: number, ack: (r: unknown) => void) => {
      hub.syncs += 1;
      ack({ t0, master: masterNow() });
    });
    socket.on(HUB_EVENTS.wallReport, (r: unknown) => hub.reports.push(r));
    socket.on(HUB_EVENTS.wallCommand, (c: unknown, ack: (a: unknown) => void) => {
      hub.keys.push(c);
      ack({ ok: true });
    });
  });
  await new Promise<void>((r) => http.listen(port, '127.0.0.1', () => r()));
  hub.port = (http.address() as AddressInfo).port;
  return hub;
}

const until = async (test: () => boolean, timeoutMs = 5000) => {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

function startLink(port: number, over: { scene?: () => string | null } = {}) {
  const actions: { action: WallAction; lateMs: number }[] = [];
  const statuses: string[] = [];
  const states: HubState[] = [];
  const pairings: unknown[] = [];
  let scene = 'overview';
  const link: HubLink = startHubLink(
    { url: `http://127.0.0.1:${port}`, wallId: 'wall-a', wallKey: 'k', reportEveryMs: 100, syncEveryMs: 60_000, retryMinMs: 50, retryMaxMs: 200, spinMs: 0 },
    {
      connect: (url, opts) => io(url, { ...opts, forceNew: true }),
      now: localNow,
      nextFrame: (cb) => setTimeout(() => cb(localNow(), localNow()), 16),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      setRepeat: (fn, ms) => setInterval(fn, ms),
      clearRepeat: (h) => clearInterval(h as ReturnType<typeof setInterval>),
      apply: (action, lateMs) => {
        actions.push({ action, lateMs });
        if (action.kind === 'scene') scene = action.sceneId;
      },
      currentScene: over.scene ?? (() => scene),
      report: () => ({ sceneId: scene, dataTime: 5, startTime: 1, endTime: 9, speed: 1, paused: false, demo: true, alarms: [] }),
      onStatus: (s) => statuses.push(s),
      onState: (s) => states.push(s),
      onPairing: (p) => pairings.push(p),
      log: () => undefined,
    },
  );
  return { link, actions, statuses, states, pairings };
}

let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('hub link', () => {
  it('joins with its wall id and key, measures the clock offset, and shows the hub’s state at once', async () => {
    const hub = await startFakeHub(0, hubState({ sceneId: 'flood', blackout: true, alerts: { banner: { id: 'b1', severity: 'critical', title: 't', detail: 'd', raisedAt: 1 }, pending: [], queued: [] } }));
    cleanup.push(() => hub.close());
    const w = startLink(hub.port);
    cleanup.push(() => w.link.close());
    await until(() => w.link.connected && hub.syncs >= 5);
    await until(() => Math.abs(w.link.offset - SKEW) < 50);
    expect(hub.auths[0]).toEqual({ wallId: 'wall-a', wallKey: 'k' });
    expect(w.statuses).toEqual(['connecting', 'online']);
    expect(w.actions.map((a) => a.action)).toEqual([
      { kind: 'scene', sceneId: 'flood' },
      { kind: 'blackout', on: true },
      { kind: 'banner', alert: { id: 'b1', severity: 'critical', title: 't', detail: 'd' } },
    ]);
    expect(w.pairings).toHaveLength(1);
    // Reports flow, with this wall's id, in the protocol's shape.
    await until(() => hub.reports.length >= 2);
    expect(hub.reports.every((r) => wallReportSchema.safeParse(r).success)).toBe(true);
    expect(hub.reports.at(-1)).toMatchObject({ wallId: 'wall-a', sceneId: 'flood' });
  });

  it('applies a command at its master instant (not before), and records the frame after it', async () => {
    const hub = await startFakeHub();
    cleanup.push(() => hub.close());
    const w = startLink(hub.port);
    cleanup.push(() => w.link.close());
    await until(() => hub.syncs >= 5 && Math.abs(w.link.offset - SKEW) < 50);
    const applyAt = masterNow() + 150;
    hub.ns.emit(HUB_EVENTS.command, { id: 7, applyAt, action: { kind: 'scene', sceneId: 'parking' } });
    await until(() => w.link.applied.length === 1 && w.link.applied[0]!.frameAt !== null);
    const a = w.link.applied[0]!;
    expect(a).toMatchObject({ id: 7, kind: 'scene', applyAt });
    // Judged on the hub's clock through the measured offset: the wall applies at, not before, the instant.
    expect(a.appliedMaster).toBeGreaterThanOrEqual(applyAt - 5);
    expect(a.lateMs).toBeCloseTo(a.appliedMaster - applyAt, 6);
    expect(a.frameAt!).toBeGreaterThanOrEqual(a.appliedMaster);
    expect(w.actions.at(-1)!.action).toEqual({ kind: 'scene', sceneId: 'parking' });
    // The same command twice (two transports, a resend) applies once; a malformed one not at all.
    hub.ns.emit(HUB_EVENTS.command, { id: 7, applyAt, action: { kind: 'scene', sceneId: 'parking' } });
    hub.ns.emit(HUB_EVENTS.command, { id: 8, applyAt: 'soon', action: { kind: 'blackout', on: true } });
    await new Promise((r) => setTimeout(r, 100));
    expect(w.link.applied).toHaveLength(1);
  });

  it('drops older states of the same hub, takes any state of another hub', async () => {
    const hub = await startFakeHub(0, hubState({ rev: 5 }));
    cleanup.push(() => hub.close());
    const w = startLink(hub.port);
    cleanup.push(() => w.link.close());
    await until(() => w.states.length === 1);
    hub.ns.emit(HUB_EVENTS.state, hubState({ rev: 4, sceneId: 'old' }));
    hub.ns.emit(HUB_EVENTS.state, hubState({ rev: 6, sceneId: 'command' }));
    await until(() => w.states.length === 2);
    expect(w.link.state?.sceneId).toBe('command');
    // After the first state of a connection, states only inform: switching is done by commands at their instant.
    expect(w.actions.filter((a) => a.action.kind === 'scene')).toEqual([{ action: { kind: 'scene', sceneId: 'flood' }, lateMs: 0 }]);
    expect(isNewerState(hubState({ rev: 9 }), hubState({ rev: 1, hubId: 'h2' }))).toBe(true);
    expect(isNewerState(hubState({ rev: 9 }), hubState({ rev: 9 }))).toBe(false);
  });

  it('sends wall keys with an ack; offline it answers at once without switching', async () => {
    const hub = await startFakeHub();
    cleanup.push(() => hub.close());
    const w = startLink(hub.port);
    cleanup.push(() => w.link.close());
    await until(() => w.link.connected);
    expect(await w.link.command({ kind: 'goTo', sceneId: 'flood' })).toEqual({ ok: true });
    expect(hub.keys).toEqual([{ kind: 'goTo', sceneId: 'flood' }]);
    w.link.close();
    expect(await w.link.command({ kind: 'next' })).toMatchObject({ ok: false });
  });

  it('reconnects after the hub restarts, and after being refused, and shows the state again', async () => {
    let hub = await startFakeHub();
    const port = hub.port;
    hub.refuseNext = 2;
    const w = startLink(port);
    cleanup.push(() => w.link.close());
    // Refused twice by the hub's middleware (socket.io then gives up by itself): the link keeps trying.
    await until(() => w.link.connected, 8000);
    expect(hub.auths).toHaveLength(3);
    await until(() => hub.syncs >= 5);
    await hub.close();
    await until(() => w.statuses.at(-1) === 'offline');
    hub = await startFakeHub(port, hubState({ hubId: 'h2', rev: 1, sceneId: 'emergency' }));
    cleanup.push(() => hub.close());
    await until(() => w.link.connected && w.statuses.at(-1) === 'online', 8000);
    await until(() => w.actions.some((a) => a.action.kind === 'scene' && a.action.sceneId === 'emergency'));
    // A new hub numbers its commands from 1 again: they still apply.
    await until(() => hub.syncs >= 5);
    hub.ns.emit(HUB_EVENTS.command, { id: 1, applyAt: masterNow() + 50, action: { kind: 'blackout', on: true } });
    await until(() => w.link.applied.some((a) => a.kind === 'blackout'));
  });
});

describe('rttFilter', () => {
  it('passes samples near the best recent round trip and drops the slow ones of a busy spell', () => {
    const f = rttFilter(5);
    expect([4, 3, 40, 5, 6.4, 7].map((r) => f.accept(r))).toEqual([true, true, false, true, true, false]);
    // The best falls out of the window: what counts as good follows the network.
    const g = rttFilter(3);
    expect([2, 30, 30, 30, 30].map((r) => g.accept(r))).toEqual([true, false, false, true, true]);
  });
});
