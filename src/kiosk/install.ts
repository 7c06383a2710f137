/**
 * The kiosk side of the renderer, installed by one line in main.ts. In a plain browser it is almost
 * inert (it reads the viewport parameters the stage uses, keeps the restore snapshot, and heals WebGL
 * context losses: map-recovery.ts); inside the Electron kiosk it also says hello to the main process,
 * beats, follows the shared clock and hosts the operator overlay. Exposed at `window.__citywall.kiosk`
 * for tests.
 */
import { BRIDGE_KEY, type CitywallBridge, type RestoreState } from '../../electron/bridge-types';
import { exposeHook } from '../wall-hooks';
import { startClockClient, type ClockClient } from './clock-client';
import { recordLoss, watchContextLoss } from './context-loss';
import { createMapRecovery, type MapRecovery } from './map-recovery';
import { openOperatorOverlay } from './operator-overlay';
import { chooseRestore, readStored, storedSnapshotApplies, writeStored } from './restore-state';
import { hooks, seekTo, setCamera, snapshot, sourceReady, until } from './wall-access';
import { readKioskParams, type KioskParams } from './viewport-params';

export interface KioskHook {
  params: KioskParams;
  /** The snapshot this page restored on load, and when the whole scene was back (map ready too), epoch ms. */
  restoredFrom: RestoreState | null;
  restoredAt: number | null;
  /** When the data clock (and with it the panels, title and ticker) was put back, epoch ms. */
  dataRestoredAt: number | null;
  /** True while a restore is under way (nothing is saved meanwhile, so the snapshot is not overwritten). */
  restoring: boolean;
  contextLosses: number;
  /** Every context loss this page saw and how it was healed (a reload ends the list: a new page starts). */
  mapRecoveries: MapRecovery[];
  clock: ClockClient | null;
  lastSaved: RestoreState | null;
  /** Save now (tests call it before forcing a loss; the page does it every second anyway). */
  save(): RestoreState | null;
}

const SAVE_EVERY_MS = 1000;

function bridgeOf(): CitywallBridge | null {
  const b = (window as unknown as Record<string, unknown>)[BRIDGE_KEY];
  return typeof b === 'object' && b !== null ? (b as CitywallBridge) : null;
}

async function restore(hook: KioskHook, fromMain: RestoreState | null): Promise<void> {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const stored = storedSnapshotApplies(nav?.type) ? readStored(sessionStorage) : null;
  const chosen = chooseRestore(Date.now(), stored, fromMain);
  if (!chosen || chosen.dataClock === null) return;
  hook.restoredFrom = chosen;
  hook.restoring = true;
  try {
    // After the source has started (and applied any ?seek), put the data clock back.
    if (!(await until(() => sourceReady(hooks().source), 60_000))) return;
    seekTo(chosen.dataClock, chosen.paused);
    hook.dataRestoredAt = Date.now();
    // Back into the same scene before the camera: the scene's own view would otherwise replace it.
    const scenes = hooks().scenes;
    if (chosen.sceneId && scenes && scenes.current !== chosen.sceneId && scenes.goTo(chosen.sceneId)) {
      await Promise.race([scenes.whenComplete(chosen.sceneId), new Promise((r) => setTimeout(r, 15_000))]);
    }
    if (chosen.camera !== null && (await until(() => hooks().map?.ready === true, 60_000))) await setCamera(chosen.camera);
    if (!(await until(() => hooks().map?.ready === true, 60_000))) return;
    hook.restoredAt = Date.now();
    console.info(`[citywall:kiosk] scene restored at data clock ${new Date(chosen.dataClock).toISOString()}`);
  } finally {
    hook.restoring = false;
  }
}

export function installKiosk(loc: Pick<Location, 'search'> = window.location): KioskHook {
  const bridge = bridgeOf();
  const params = readKioskParams(loc.search, bridge !== null);
  for (const note of params.notes) console.warn(`[citywall:kiosk] ${note}`);
  // The recovery reads the hook's save() only when a loss comes, long after both exist.
  const recovery = createMapRecovery({
    now: () => Date.now(),
    save: () => hook.save(),
    recordLoss: (now) => recordLoss(sessionStorage, now),
    mapHost: () => hooks().mapHost,
    map: () => hooks().map,
    currentScene: () => hooks().scenes?.current ?? null,
    reload: () => window.location.reload(),
    until: (test, timeoutMs) => until(test, timeoutMs, 50),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    log: (level, message, detail) => (detail === undefined ? console[level](message) : console[level](message, detail)),
  });
  const hook: KioskHook = {
    params,
    restoredFrom: null,
    restoredAt: null,
    dataRestoredAt: null,
    restoring: false,
    contextLosses: 0,
    mapRecoveries: recovery.recoveries,
    clock: null,
    lastSaved: null,
    save() {
      const s = snapshot(Date.now());
      // While the map is being rebuilt it reports no camera yet: keep the one it is coming back to.
      if (s && s.camera === null && recovery.cameraInFlight !== null) s.camera = recovery.cameraInFlight;
      // Only save once a restore (if any) has been applied: never overwrite the snapshot being restored.
      if (s && !hook.restoring) {
        writeStored(sessionStorage, s);
        hook.lastSaved = s;
      }
      return s;
    },
  };
  exposeHook('kiosk', hook);

  setInterval(() => hook.save(), SAVE_EVERY_MS);
  window.addEventListener('pagehide', () => hook.save());
  watchContextLoss((canvas) => {
    // A canvas that left the page is a torn-down map's, its context released on purpose: not a loss.
    if (canvas.isConnected) hook.contextLosses += 1;
    recovery.onLost(canvas);
  });
  if (params.clock !== 'none') hook.clock = startClockClient(params.clock, params.windowKey, bridge);

  if (!bridge) {
    void restore(hook, null);
    return hook;
  }
  void bridge.hello().then((hello) => {
    void restore(hook, hello?.restore ?? null);
    const period = hello?.heartbeatMs ?? 1000;
    // Beat from animation frames: a hung main thread or a renderer that stopped drawing stops the beat.
    let seq = 0;
    let last = 0;
    const beat = (t: number) => {
      if (t - last >= period) {
        last = t;
        const state = hook.lastSaved ?? snapshot(Date.now()) ?? { dataClock: null, paused: false, camera: null, savedAt: Date.now() };
        bridge.heartbeat({ seq: seq++, mapReady: hooks().map?.ready === true, state });
      }
      requestAnimationFrame(beat);
    };
    requestAnimationFrame(beat);
  });
  bridge.onOperatorOpen((info) => openOperatorOverlay(bridge, info));
  return hook;
}
