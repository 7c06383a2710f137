/**
 * The kiosk module drives the wall only through the hooks the wall already exposes on
 * `window.__citywall` (the source: seek/pause/play; the map: view/setCamera/ready), so it needs no
 * change in the data or map code. Typed here, narrowly.
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

export interface ScenesLike {
  readonly current: string;
  goTo(id: string): boolean;
  whenComplete(id?: string): Promise<unknown>;
}

export function hooks(): { source?: SourceLike; map?: MapLike; scenes?: ScenesLike } {
  return (window.__citywall ?? {}) as { source?: SourceLike; map?: MapLike; scenes?: ScenesLike };
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
