import { describe, expect, it } from 'vitest';
import type { WallAction } from '../../electron/bridge-types';
import type { MapView } from '../map/view';
import { ALARM_RANGE_M, createPresenterApplier, isPresenterAction, type Highlight, type LonLat, type PresenterDeps } from './apply-action';
import type { BannerAlert } from './wall-state';

const OWN: MapView = { kind: 'fit-units', pitch: -55, heading: 0 };
const STEP: MapView = { kind: 'look-at', lon: 111.3, lat: 30.7, range: 9000, pitch: -45, heading: 10 };

/** A wall that records what was done to it, in order. */
function fakeWall(opts: { scenes?: string[]; mapReady?: boolean; canSpeed?: boolean; alarms?: Record<string, LonLat> } = {}) {
  const scenes = opts.scenes ?? ['overview', 'flood'];
  const log: string[] = [];
  let current = scenes[0]!;
  let render: (() => void)[] = [];
  const state = { blackout: false, banner: null as BannerAlert | null, highlight: null as Highlight | null, pulse: null as LonLat | null, speed: null as number | null, flights: [] as MapView[], warnings: [] as string[] };
  const deps: PresenterDeps = {
    goTo: (id) => {
      if (!scenes.includes(id)) return false;
      log.push(`goTo ${id}`);
      current = id;
      return true;
    },
    currentScene: () => current,
    sceneCamera: () => OWN,
    flyTo: (v) => {
      log.push(`fly ${v.kind}`);
      state.flights.push(v);
    },
    mapReady: () => Promise.resolve(opts.mapReady ?? true),
    // The scene's own camera goes to the map in the render after the switch: tests release it by hand.
    afterRender: () => new Promise<void>((r) => render.push(r)),
    highlight: (h) => {
      log.push(`highlight ${JSON.stringify(h)}`);
      state.highlight = h;
    },
    unitView: (id) => (id === 'xiling' ? { kind: 'look-at', lon: 111.28, lat: 30.71, range: 14_000, pitch: -50, heading: 0 } : null),
    alarmPoint: (id) => opts.alarms?.[id] ?? null,
    pulse: (at) => {
      state.pulse = at;
    },
    setBlackout: (on) => {
      state.blackout = on;
    },
    setBanner: (a) => {
      state.banner = a;
    },
    setSpeed: (s) => {
      if (opts.canSpeed === false) return false;
      state.speed = s;
      return true;
    },
    warn: (m) => state.warnings.push(m),
  };
  const flushRender = async () => {
    const waiting = render;
    render = [];
    waiting.forEach((r) => r());
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { deps, log, state, flushRender, current: () => current };
}

describe('isPresenterAction', () => {
  it('takes the five presenter kinds and leaves the shared-clock kinds to the kiosk client', () => {
    const kinds: WallAction[] = [
      { kind: 'scene', sceneId: 'x' },
      { kind: 'blackout', on: true },
      { kind: 'focus', target: null },
      { kind: 'speed', speed: 2 },
      { kind: 'banner', alert: null },
    ];
    for (const a of kinds) expect(isPresenterAction(a), a.kind).toBe(true);
    for (const a of [{ kind: 'seek', dataTime: 1, pause: true }, { kind: 'pause' }, { kind: 'play' }, { kind: 'camera', view: {} }, { kind: 'mark', label: 'x' }] as WallAction[]) {
      expect(isPresenterAction(a), a.kind).toBe(false);
    }
  });
});

describe('scene', () => {
  it('switches, highlights at once, and flies to the step camera only after the scene’s own camera went to the map', async () => {
    const w = fakeWall();
    const done = createPresenterApplier(w.deps).apply({ kind: 'scene', sceneId: 'flood', camera: STEP, highlight: { panelId: 'river-gauge' } });
    // The switch and the highlight happen synchronously (the same frame on every wall).
    expect(w.log).toEqual(['goTo flood', 'highlight {"panelId":"river-gauge"}']);
    expect(w.state.flights).toEqual([]);
    await w.flushRender();
    await done;
    expect(w.state.flights).toEqual([STEP]);
  });

  it('clears an earlier highlight when the new step has none, and does not fly without a camera', async () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    a.apply({ kind: 'scene', sceneId: 'flood', highlight: { unitId: 'xiling' } });
    await a.apply({ kind: 'scene', sceneId: 'overview' });
    expect(w.state.highlight).toBeNull();
    expect(w.state.flights).toEqual([]);
  });

  it('a newer scene command wins over an older one still waiting for its render', async () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    const first = a.apply({ kind: 'scene', sceneId: 'flood', camera: STEP });
    const second = a.apply({ kind: 'scene', sceneId: 'overview' });
    await w.flushRender();
    await Promise.all([first, second]);
    expect(w.current()).toBe('overview');
    expect(w.state.flights).toEqual([]);
  });

  it('after a step camera, the next scene without one flies back to its own view (once)', async () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    let p = a.apply({ kind: 'scene', sceneId: 'flood', camera: STEP });
    await w.flushRender();
    await p;
    p = a.apply({ kind: 'scene', sceneId: 'overview' });
    await w.flushRender();
    await p;
    expect(w.state.flights).toEqual([STEP, OWN]);
    // Already on its own view: the next plain switch leaves the camera to the scene.
    p = a.apply({ kind: 'scene', sceneId: 'flood' });
    await w.flushRender();
    await p;
    expect(w.state.flights).toEqual([STEP, OWN]);
  });

  it('refuses an unknown scene or a malformed camera with a warning, never half-applying', async () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    await a.apply({ kind: 'scene', sceneId: 'no-such', highlight: { panelId: 'p' } });
    expect(w.log).toEqual([]);
    expect(w.state.warnings[0]).toMatch(/not on this wall/);
    const p = a.apply({ kind: 'scene', sceneId: 'flood', camera: { kind: 'look-at', lon: 'east' } });
    await w.flushRender();
    await p;
    expect(w.current()).toBe('flood');
    expect(w.state.flights).toEqual([]);
    expect(w.state.warnings[1]).toMatch(/camera ignored/);
  });

  it('waits for the map to come up before flying; a map that never does is no flight', async () => {
    const w = fakeWall({ mapReady: false });
    const p = createPresenterApplier(w.deps).apply({ kind: 'scene', sceneId: 'flood', camera: STEP });
    await w.flushRender();
    await p;
    expect(w.state.flights).toEqual([]);
  });
});

describe('blackout, speed, banner', () => {
  it('sets the curtain, the speed and the banner (as four plain strings)', () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    a.apply({ kind: 'blackout', on: true });
    expect(w.state.blackout).toBe(true);
    a.apply({ kind: 'blackout', on: false });
    expect(w.state.blackout).toBe(false);
    a.apply({ kind: 'speed', speed: 8 });
    expect(w.state.speed).toBe(8);
    const alert = { id: 'a1', severity: 'critical', title: '燃气告警', detail: '<img src=x onerror=alert(1)>', extra: 'dropped' };
    a.apply({ kind: 'banner', alert });
    expect(w.state.banner).toEqual({ id: 'a1', severity: 'critical', title: '燃气告警', detail: '<img src=x onerror=alert(1)>' });
    a.apply({ kind: 'banner', alert: null });
    expect(w.state.banner).toBeNull();
  });

  it('warns on a speed it cannot set (live source, nonsense value) and changes nothing', () => {
    const w = fakeWall({ canSpeed: false });
    const a = createPresenterApplier(w.deps);
    a.apply({ kind: 'speed', speed: 4 });
    a.apply({ kind: 'speed', speed: -1 });
    expect(w.state.speed).toBeNull();
    expect(w.state.warnings).toHaveLength(2);
  });
});

describe('focus', () => {
  it('panel: highlights it, no flight', async () => {
    const w = fakeWall();
    await createPresenterApplier(w.deps).apply({ kind: 'focus', target: { type: 'panel', panelId: 'alarms' } });
    expect(w.state.highlight).toEqual({ panelId: 'alarms' });
    expect(w.state.flights).toEqual([]);
  });

  it('unit: highlights and flies there; clearing flies back to the scene’s own view', async () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    await a.apply({ kind: 'focus', target: { type: 'unit', unitId: 'xiling' } });
    expect(w.state.highlight).toEqual({ unitId: 'xiling' });
    expect(w.state.flights).toEqual([{ kind: 'look-at', lon: 111.28, lat: 30.71, range: 14_000, pitch: -50, heading: 0 }]);
    await a.apply({ kind: 'focus', target: null });
    expect(w.state.highlight).toBeNull();
    expect(w.state.flights.at(-1)).toEqual(OWN);
  });

  it('alarm: pulses and flies to its point when the wall has it; an unknown alarm changes nothing', async () => {
    const w = fakeWall({ alarms: { g1: [111.34, 30.66] } });
    const a = createPresenterApplier(w.deps);
    await a.apply({ kind: 'focus', target: { type: 'alarm', alarmId: 'gone' } });
    expect(w.state.flights).toEqual([]);
    expect(w.state.pulse).toBeNull();
    await a.apply({ kind: 'focus', target: { type: 'alarm', alarmId: 'g1' } });
    expect(w.state.pulse).toEqual([111.34, 30.66]);
    expect(w.state.flights).toEqual([{ kind: 'look-at', lon: 111.34, lat: 30.66, range: ALARM_RANGE_M, pitch: -50, heading: 0 }]);
    // A scene change takes the pulse away, and the camera back to the scene's own view.
    const p = a.apply({ kind: 'scene', sceneId: 'flood' });
    expect(w.state.pulse).toBeNull();
    await w.flushRender();
    await p;
    expect(w.state.flights.at(-1)).toEqual(OWN);
  });

  it('clearing a panel focus does not move the camera; an unknown unit warns', async () => {
    const w = fakeWall();
    const a = createPresenterApplier(w.deps);
    await a.apply({ kind: 'focus', target: { type: 'panel', panelId: 'kpis' } });
    await a.apply({ kind: 'focus', target: null });
    await a.apply({ kind: 'focus', target: { type: 'unit', unitId: 'atlantis' } });
    expect(w.state.flights).toEqual([]);
    expect(w.state.warnings.some((m) => m.includes('atlantis'))).toBe(true);
  });
});
