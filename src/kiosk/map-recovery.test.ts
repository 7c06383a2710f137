import { describe, expect, it } from 'vitest';
import type { RestoreState } from '../../electron/bridge-types';
import { REMOUNT_READY_TIMEOUT_MS } from './context-loss';
import { createMapRecovery, type LostCanvas, type MapRecoveryDeps } from './map-recovery';

const FLOOD_VIEW = { kind: 'look-at', lon: 111.322, lat: 30.695, range: 26_000, pitch: -50, heading: 0 };
const MOVED = { kind: 'look-at', lon: 111.3, lat: 30.7, range: 9000, pitch: -40, heading: 20 };

/** A fake wall: a map host that rebuilds on command, a map that becomes ready when the test says so. */
function fakeWall(opts: { camera?: unknown; canRemount?: boolean; rebuildThrows?: boolean; losses?: number; deckRebuild?: boolean } = {}) {
  const wall = {
    now: 1_000_000,
    scene: 'flood',
    losses: opts.losses ?? 0,
    reloads: 0,
    timers: [] as { fn: () => void; ms: number }[],
    rebuilds: [] as unknown[],
    deckRebuilds: 0,
    map: { ready: true, view: (opts.camera ?? FLOOD_VIEW) as unknown, setCamera: async (v: never) => void (wall.map.view = v) },
    /** Pending `until` calls: resolved by `settle()`. */
    waits: [] as { test: () => boolean; resolve: (ok: boolean) => void }[],
    logs: [] as string[],
  };
  const deps: MapRecoveryDeps = {
    now: () => wall.now,
    save: (): RestoreState => ({ dataClock: 1, paused: false, camera: wall.map.ready ? JSON.parse(JSON.stringify(wall.map.view)) : null, sceneId: wall.scene, savedAt: wall.now }),
    recordLoss: () => ++wall.losses,
    mapHost: () =>
      opts.canRemount === false
        ? undefined
        : {
            generation: wall.rebuilds.length,
            rebuild(view) {
              if (opts.rebuildThrows) throw new Error('no WebGL');
              wall.rebuilds.push(view);
              // A new map: not ready yet, built looking at the view handed in (or the scene's).
              wall.map = { ...wall.map, ready: false, view: view ?? FLOOD_VIEW };
            },
            // deck.gl alone: the same map (Cesium's camera stays), not ready until the new Deck has drawn.
            ...(opts.deckRebuild
              ? {
                  rebuildDeck() {
                    wall.deckRebuilds += 1;
                    wall.map.ready = false;
                  },
                }
              : {}),
          },
    map: () => wall.map,
    currentScene: () => wall.scene,
    reload: () => void (wall.reloads += 1),
    until: (test) => new Promise((resolve) => (test() ? resolve(true) : wall.waits.push({ test, resolve }))),
    setTimeout: (fn, ms) => wall.timers.push({ fn, ms }),
    log: (_level, message) => void wall.logs.push(message),
  };
  /** Resolves the waits whose test holds now, or all of them as timed out. */
  const settle = async (timedOut = false) => {
    for (const w of wall.waits.splice(0)) {
      if (timedOut) w.resolve(false);
      else if (w.test()) w.resolve(true);
      else wall.waits.push(w);
    }
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  const runTimers = () => {
    for (const t of wall.timers.splice(0)) t.fn();
  };
  return { wall, deps, settle, runTimers };
}

const cesiumCanvas = (connected = true): LostCanvas => ({ isConnected: connected, className: '', closest: (sel) => (sel === '.cesium-widget' ? {} : null) });
const deckCanvas = (connected = true): LostCanvas => ({ isConnected: connected, className: 'wall-map__deck', closest: () => null });

describe('map recovery after a WebGL context loss', () => {
  it('rebuilds the map in the page at the camera of the loss, and records when it was ready', async () => {
    const { wall, deps, settle } = fakeWall({ camera: MOVED });
    const r = createMapRecovery(deps);
    r.onLost(cesiumCanvas());
    expect(r.state).toBe('remounting');
    expect(wall.rebuilds).toEqual([MOVED]);
    expect(r.cameraInFlight).toEqual(MOVED);
    wall.now += 4000;
    wall.map.ready = true;
    await settle();
    expect(r.state).toBe('watching');
    expect(wall.reloads).toBe(0);
    expect(wall.timers).toEqual([]);
    expect(r.recoveries).toEqual([{ mode: 'remount', canvas: 'cesium', scope: 'map', lostAt: 1_000_000, readyAt: 1_004_000, sceneId: 'flood', cameraBack: true }]);
    expect(r.cameraInFlight).toBeNull();
  });

  it("puts the camera back after ready if something moved it within the same scene; a new scene's view wins", async () => {
    const a = fakeWall({ camera: MOVED });
    const ra = createMapRecovery(a.deps);
    ra.onLost(deckCanvas());
    a.wall.map.view = FLOOD_VIEW; // e.g. the scene's view was jumped to meanwhile
    a.wall.map.ready = true;
    await a.settle();
    expect(a.wall.map.view).toEqual(MOVED);
    expect(ra.recoveries[0]).toMatchObject({ canvas: 'deck', cameraBack: true });

    const b = fakeWall({ camera: MOVED });
    const rb = createMapRecovery(b.deps);
    rb.onLost(cesiumCanvas());
    b.wall.scene = 'parking'; // the presenter switched while the map was rebuilding
    b.wall.map.view = { kind: 'fit-units', pitch: -55, heading: 0 };
    b.wall.map.ready = true;
    await b.settle();
    expect(b.wall.map.view).toEqual({ kind: 'fit-units', pitch: -55, heading: 0 });
    expect(rb.recoveries[0]).toMatchObject({ mode: 'remount', cameraBack: false, sceneId: 'flood' });
    expect(rb.recoveries[0]!.readyAt).not.toBeNull();
  });

  it('ignores the loss events of canvases that left the page (the old map, released on purpose)', async () => {
    const { wall, deps, settle } = fakeWall();
    const r = createMapRecovery(deps);
    r.onLost(cesiumCanvas());
    r.onLost(deckCanvas(false)); // the same GPU reset, delivered after the teardown
    wall.map.ready = true;
    await settle();
    r.onLost(deckCanvas(false)); // the released context's event, later
    expect(wall.rebuilds).toHaveLength(1);
    expect(wall.losses).toBe(1);
    expect(r.recoveries).toHaveLength(1);
  });

  it('falls back to the reload when the rebuilt map is not ready in time', async () => {
    const { wall, deps, settle, runTimers } = fakeWall();
    const r = createMapRecovery(deps);
    r.onLost(cesiumCanvas());
    await settle(true); // REMOUNT_READY_TIMEOUT_MS passed
    expect(r.state).toBe('reloading');
    expect(wall.timers).toEqual([{ fn: expect.any(Function), ms: 0 }]);
    runTimers();
    expect(wall.reloads).toBe(1);
    expect(r.recoveries.map((x) => [x.mode, x.readyAt])).toEqual([['remount', null], ['reload', null]]);
    expect(wall.logs.at(-1)).toContain(`not ready in ${REMOUNT_READY_TIMEOUT_MS / 1000} s`);
    r.onLost(cesiumCanvas()); // the page is going away: nothing more
    expect(wall.timers).toEqual([]);
  });

  it('falls back to the reload when the new map loses its context too, or cannot be built', () => {
    const a = fakeWall();
    const ra = createMapRecovery(a.deps);
    ra.onLost(cesiumCanvas());
    ra.onLost(deckCanvas()); // a canvas in the page while remounting: the new map's
    expect(ra.state).toBe('reloading');
    expect(a.wall.timers.map((t) => t.ms)).toEqual([0]);
    expect(ra.recoveries.map((x) => x.mode)).toEqual(['remount', 'reload']);

    const b = fakeWall({ rebuildThrows: true });
    const rb = createMapRecovery(b.deps);
    rb.onLost(cesiumCanvas());
    expect(rb.state).toBe('reloading');
    expect(b.wall.timers.map((t) => t.ms)).toEqual([0]);
  });

  it('reloads with the back-off from the third loss in five minutes, and when there is no map host', () => {
    const a = fakeWall({ losses: 2 });
    const ra = createMapRecovery(a.deps);
    ra.onLost(cesiumCanvas());
    expect(a.wall.rebuilds).toEqual([]);
    expect(a.wall.timers.map((t) => t.ms)).toEqual([2000]);
    expect(ra.recoveries).toMatchObject([{ mode: 'reload', readyAt: null }]);

    const b = fakeWall({ canRemount: false });
    const rb = createMapRecovery(b.deps);
    rb.onLost(cesiumCanvas());
    expect(b.wall.timers.map((t) => t.ms)).toEqual([0]);
    expect(b.wall.logs[0]).toContain('no map to rebuild');
  });

  it('heals a second loss the same way once the first is healed', async () => {
    const { wall, deps, settle } = fakeWall({ camera: MOVED });
    const r = createMapRecovery(deps);
    r.onLost(cesiumCanvas());
    wall.map.ready = true;
    await settle();
    wall.now += 30_000;
    r.onLost(deckCanvas());
    expect(wall.rebuilds).toEqual([MOVED, MOVED]);
    wall.map.ready = true;
    await settle();
    expect(r.recoveries.map((x) => [x.mode, x.canvas, x.cameraBack])).toEqual([
      ['remount', 'cesium', true],
      ['remount', 'deck', true],
    ]);
    expect(wall.reloads).toBe(0);
  });

  it('rebuilds deck.gl alone for a loss on its canvas, when the host can', async () => {
    const { wall, deps, settle } = fakeWall({ camera: MOVED, deckRebuild: true });
    const r = createMapRecovery(deps);
    r.onLost(cesiumCanvas(false)); // an old map's canvas: nothing
    r.onLost(deckCanvas());
    expect(wall.deckRebuilds).toBe(1);
    expect(wall.rebuilds).toEqual([]);
    expect(r.state).toBe('remounting');
    wall.now += 1200;
    wall.map.ready = true;
    await settle();
    expect(r.recoveries).toEqual([{ mode: 'remount', canvas: 'deck', scope: 'deck', lostAt: 1_000_000, readyAt: 1_001_200, sceneId: 'flood', cameraBack: true }]);
    expect(wall.logs.at(-1)).toContain('deck.gl rebuilt and ready 1200 ms after the loss');
  });

  it("a GPU reset (deck.gl's loss first, then Cesium's) becomes one whole-map rebuild at the same camera, counted once", async () => {
    const { wall, deps, settle } = fakeWall({ camera: MOVED, deckRebuild: true });
    const r = createMapRecovery(deps);
    r.onLost(deckCanvas());
    wall.now += 50;
    r.onLost(cesiumCanvas()); // still in the page: Cesium's context went too
    expect(wall.deckRebuilds).toBe(1);
    expect(wall.rebuilds).toEqual([MOVED]);
    expect(wall.losses).toBe(1);
    expect(r.state).toBe('remounting');
    wall.now += 5000;
    wall.map.ready = true;
    await settle();
    expect(r.state).toBe('watching');
    expect(r.recoveries.map((x) => [x.scope, x.canvas, x.readyAt, x.cameraBack])).toEqual([
      ['deck', 'deck', null, false],
      ['map', 'cesium', 1_005_050, true],
    ]);
    expect(wall.reloads).toBe(0);
  });

  it("reloads when the rebuilt deck.gl's own canvas loses its context too", () => {
    const { wall, deps } = fakeWall({ deckRebuild: true });
    const r = createMapRecovery(deps);
    r.onLost(deckCanvas());
    r.onLost(deckCanvas()); // the new deck.gl canvas (in the page)
    expect(r.state).toBe('reloading');
    expect(wall.timers.map((t) => t.ms)).toEqual([0]);
    expect(r.recoveries.map((x) => [x.mode, x.scope])).toEqual([['remount', 'deck'], ['reload', 'deck']]);
  });
});
