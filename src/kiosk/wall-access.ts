/**
 * The kiosk module drives the wall only through the hooks the wall already exposes on
 * `window.__citywall` (the source: seek/pause/play; the map: view/setCamera/ready; the map's host:
 * rebuild), so it needs no change in the data or map code. Typed here, narrowly. Every call reads the
 * hooks afresh: after a map rebuild `map` is the new map's hook, and nothing here keeps the old one.
 */
import type { RestoreState } from '../../electron/bridge-types';

export interface SourceLike {
  getState(): { status: string; clock: { startTime: number; endTime: number | null; currentTime: number; speed: number } };
  seek?(time: number): void;
  pause?(): void;
  play?(): void;
}

export interface MapLike {
  readonly ready: boolean;
  readonly view: unknown;
  setCamera(view: never): Promise<void>;
}

/** WallMap.vue's `mapHost` hook: tears the map (or its deck.gl half) down and builds it again in the same place. */
export interface MapHostLike {
  /** How many times the map was rebuilt. */
  readonly generation: number;
  /** Rebuild now, looking at `view` (a MapView; null: the scene's view). Throws if the engines cannot be created. */
  rebuild(view: unknown): void;
  /** Rebuild deck.gl alone (its context was lost; Cesium's was not). Throws if it cannot. */
  rebuildDeck?(): void;
}

export interface ScenesLike {
  readonly current: string;
  goTo(id: string): boolean;
  whenComplete(id?: string): Promise<unknown>;
}

interface WallHooks {
  source?: SourceLike;
  map?: MapLike;
  mapHost?: MapHostLike;
  scenes?: ScenesLike;
}

export function hooks(): WallHooks {
  return (window.__citywall ?? {}) as WallHooks;
}

/** Is the source loaded far enough that a seek will take? */
export function sourceReady(s: SourceLike | undefined): s is SourceLike {
  if (!s) return false;
  const st = s.getState().status;
  return st === 'playing' || st === 'paused' || st === 'ended';
}

export function snapshot(now: number): RestoreState | null {
  const { source, map, scenes } = hooks();
  if (!sourceReady(source)) return null;
  const st = source.getState();
  return {
    dataClock: st.clock.currentTime,
    paused: st.status === 'paused',
    camera: map?.ready ? JSON.parse(JSON.stringify(map.view ?? null)) : null,
    sceneId: scenes?.current ?? null,
    savedAt: now,
  };
}

export function seekTo(dataTime: number, pause: boolean): void {
  const { source } = hooks();
  if (!sourceReady(source)) return;
  const { clock } = source.getState();
  const t = Math.max(clock.startTime, clock.endTime !== null ? Math.min(dataTime, clock.endTime) : dataTime);
  source.seek?.(t);
  if (pause) source.pause?.();
  else source.play?.();
}

export function setCamera(view: unknown): Promise<void> | undefined {
  const { map } = hooks();
  if (!map?.ready || typeof view !== 'object' || view === null) return undefined;
  return map.setCamera(view as never);
}

/** Resolve once `test` holds, polling; never rejects (gives up after `timeoutMs`, resolving false). */
export function until(test: () => boolean, timeoutMs: number, everyMs = 100): Promise<boolean> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const poll = () => {
      if (test()) return resolve(true);
      if (Date.now() - t0 > timeoutMs) return resolve(false);
      setTimeout(poll, everyMs);
    };
    poll();
  });
}
