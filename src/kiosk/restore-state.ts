/**
 * The state a window needs to come back into the same picture after a renderer crash, a WebGL context
 * loss or a soft reload: data clock, paused or playing, map camera. Kept in sessionStorage (survives a
 * reload of the same window) and sent with every heartbeat to the main process (survives the window
 * being recreated). The newer of the two wins.
 */
import type { RestoreState } from '../../electron/bridge-types';

export const STORAGE_KEY = 'citywall:kiosk-state';
/** Older snapshots are not restored: the wall starts its scene afresh. */
export const MAX_AGE_MS = 6 * 60 * 60_000;

export function parseRestoreState(value: unknown): RestoreState | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const dataClock = v.dataClock === null ? null : typeof v.dataClock === 'number' && Number.isFinite(v.dataClock) ? v.dataClock : undefined;
  if (dataClock === undefined || typeof v.paused !== 'boolean' || typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt)) return null;
  const camera = typeof v.camera === 'object' && v.camera !== null ? v.camera : null;
  const sceneId = typeof v.sceneId === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(v.sceneId) ? v.sceneId : null;
  return { dataClock, paused: v.paused, camera, sceneId, savedAt: v.savedAt };
}

export function readStored(storage: Pick<Storage, 'getItem'>): RestoreState | null {
  try {
    const raw = storage.getItem(STORAGE_KEY);
    return raw === null ? null : parseRestoreState(JSON.parse(raw));
  } catch {
    return null;
  }
}

export function writeStored(storage: Pick<Storage, 'setItem'>, state: RestoreState): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    /* storage full or disabled: the heartbeat copy in the main process remains */
  }
}

/**
 * The window's own snapshot (sessionStorage) applies only when the page was reloaded: the context-loss
 * reload, the watchdog's and the scheduled soft reloads are all reloads. Navigating the same tab to another
 * URL (another `?scene=`, a demo link) is a new start, not a recovery, and must not be overruled by
 * the picture the previous URL showed. (The main process's copy is handed over in `hello` regardless.)
 */
export function storedSnapshotApplies(navigationType: string | undefined): boolean {
  return navigationType === 'reload';
}

/** The snapshot to restore: the newest one that is recent enough, from storage or from the main process. */
export function chooseRestore(now: number, ...candidates: (RestoreState | null)[]): RestoreState | null {
  const ok = candidates.filter((c): c is RestoreState => c !== null && c.dataClock !== null && now - c.savedAt <= MAX_AGE_MS && c.savedAt <= now + 60_000);
  return ok.sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
}
