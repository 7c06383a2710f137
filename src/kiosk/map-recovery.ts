/**
 * Healing a lost WebGL context inside the page: only the map is rebuilt (a new Cesium widget and a new
 * Deck in the same WallMap host; only a new Deck when the loss was deck.gl's alone); the Vue app, the
 * stores, the data source and its clock, the panels, the scene and the presenter link keep running, so nothing but the map ever blinks. A reload (with the
 * sessionStorage restore) is the fallback: when the policy says so (repeated losses, context-loss.ts
 * `recoveryPlan`), when no map can rebuild itself, or when the rebuilt map is not ready in time.
 *
 * States: 'watching' → a loss → 'remounting' → the new map is ready (camera back) → 'watching';
 * or → 'reloading' (final: this page is going away).
 * - Scope: a loss on deck.gl's canvas rebuilds deck.gl alone (`rebuildDeck`: Cesium's globe, tiles and
 *   camera stay, so it is back in about a second instead of a whole map's rebuild); any other loss rebuilds
 *   the whole map. A GPU reset loses both contexts: when deck.gl's loss comes first, the Cesium canvas's
 *   loss during that deck.gl rebuild turns it into a whole-map rebuild (the same incident, not a new loss).
 * - The rebuild runs inside the loss handler, so the old map's canvases have left the document before
 *   any other loss event of the same burst is dispatched (a GPU reset loses Cesium's and deck.gl's
 *   contexts together; the old contexts are also released on purpose). A loss on a canvas that is no
 *   longer in the document is therefore never a new loss. A loss on a canvas in the document while
 *   remounting is the new map's: the remount failed, and the page reloads.
 * - The camera: the new map is built looking where the old one looked at the loss (the snapshot's
 *   camera), so the scene's own view does not win over a camera that was moved; when the camera was the
 *   scene's view, that is simply where it is built. If the scene changed while the map was rebuilding,
 *   the new scene's view wins (that was the presenter's last word), and `cameraBack` says false.
 *
 * Framework-free and DOM-free apart from the canvas's `isConnected`: the wall's parts come in as `deps`,
 * so the whole flow is unit-tested under Node (map-recovery.test.ts).
 */
import type { RestoreState } from '../../electron/bridge-types';
import { recoveryPlan, REMOUNT_READY_TIMEOUT_MS, type RecoveryMode } from './context-loss';
import type { MapHostLike, MapLike } from './wall-access';

/** One loss and what was done about it (`window.__citywall.kiosk.mapRecoveries`). */
export interface MapRecovery {
  mode: RecoveryMode;
  /** Which canvas lost its context: the Cesium globe, the deck.gl overlay, or another. */
  canvas: 'cesium' | 'deck' | 'other';
  /** What was rebuilt: the whole map, or deck.gl alone. */
  scope: 'map' | 'deck';
  /** Epoch ms of the loss event. */
  lostAt: number;
  /** Epoch ms when the rebuilt map was ready with its camera back; null for a reload, a failed remount, or a deck.gl rebuild that became a whole-map one. */
  readyAt: number | null;
  /** The scene on show at the loss. */
  sceneId: string | null;
  /** The rebuilt map shows the camera it showed at the loss (false when unknown, or another scene took over). */
  cameraBack: boolean;
}

export interface MapRecoveryDeps {
  now(): number;
  /** Save the state now (for a reload) and return it (the camera to come back to). */
  save(): RestoreState | null;
  /** Record a loss; returns how many the page saw in the last five minutes, this one included. */
  recordLoss(now: number): number;
  /** The mounted map's rebuild hook, if any (WallMap.vue `mapHost`). */
  mapHost(): MapHostLike | undefined;
  /** The map hook of now (the new one once rebuilt). */
  map(): MapLike | undefined;
  currentScene(): string | null;
  reload(): void;
  /** Resolves true once `test` holds, false after `timeoutMs`. */
  until(test: () => boolean, timeoutMs: number): Promise<boolean>;
  setTimeout(fn: () => void, ms: number): unknown;
  log(level: 'info' | 'warn', message: string, detail?: unknown): void;
}

export interface LostCanvas {
  readonly isConnected: boolean;
  readonly className?: string;
  closest?(selector: string): unknown;
}

export interface MapRecoveryController {
  onLost(canvas: LostCanvas): void;
  readonly state: 'watching' | 'remounting' | 'reloading';
  readonly recoveries: MapRecovery[];
  /**
   * While a remount is under way, the camera it will come back to (the map hook reports none until
   * ready): the periodic save keeps it, so a reload during the remount does not lose it.
   */
  readonly cameraInFlight: unknown;
}

const sameView = (a: unknown, b: unknown) => a !== null && a !== undefined && JSON.stringify(a) === JSON.stringify(b);

function canvasKind(c: LostCanvas): MapRecovery['canvas'] {
  if (c.className?.includes('wall-map__deck')) return 'deck';
  return c.closest?.('.cesium-widget') ? 'cesium' : 'other';
}

export function createMapRecovery(deps: MapRecoveryDeps): MapRecoveryController {
  let state: MapRecoveryController['state'] = 'watching';
  let cameraInFlight: unknown = null;
  const recoveries: MapRecovery[] = [];

  /** Bumped by every rebuild: a wait that is no longer the newest rebuild's gives up silently. */
  let attempt = 0;
  /** Losses in the last five minutes at the newest loss (a whole-map rebuild that takes over reuses it). */
  let lossesNow = 0;

  function reload(entry: Omit<MapRecovery, 'mode' | 'readyAt' | 'cameraBack'>, delayMs: number, why: string): void {
    state = 'reloading';
    cameraInFlight = null;
    recoveries.push({ ...entry, mode: 'reload', readyAt: null, cameraBack: false });
    deps.log('warn', `[citywall:kiosk] WebGL context lost (${why}); reloading${delayMs ? ` in ${delayMs} ms` : ''} with the scene restored`);
    deps.setTimeout(() => deps.reload(), delayMs);
  }

  async function remount(host: MapHostLike, entry: MapRecovery, snap: RestoreState | null, losses: number): Promise<void> {
    const camera = snap?.camera ?? null;
    const mine = ++attempt;
    try {
      if (entry.scope === 'deck') host.rebuildDeck!();
      else host.rebuild(camera);
    } catch (err) {
      // The new engines could not even be created (no WebGL to be had right now).
      deps.log('warn', '[citywall:kiosk] rebuilding the map threw', err);
      return reload(entry, recoveryPlan(losses, { canRemount: true, remountFailed: true }).delayMs, 'the map could not be rebuilt');
    }
    deps.log('info', `[citywall:kiosk] WebGL context lost on the ${entry.canvas} canvas; rebuilding ${entry.scope === 'deck' ? 'deck.gl' : 'the map'} in the page`);
    const superseded = () => attempt !== mine || state !== 'remounting';
    const ready = await deps.until(() => superseded() || deps.map()?.ready === true, REMOUNT_READY_TIMEOUT_MS);
    // A loss of the new map's canvas took over (already reloading), or a whole-map rebuild replaced this one.
    if (superseded()) return;
    if (!ready) return reload(entry, recoveryPlan(losses, { canRemount: true, remountFailed: true }).delayMs, `the rebuilt map was not ready in ${REMOUNT_READY_TIMEOUT_MS / 1000} s`);
    // Built at the camera already; put it back only if something else moved it within the same scene.
    const map = deps.map();
    if (camera !== null && map && !sameView(map.view, camera) && deps.currentScene() === entry.sceneId) {
      await map.setCamera(camera as never).catch((err: unknown) => deps.log('warn', '[citywall:kiosk] camera restore failed', err));
    }
    if (superseded()) return;
    entry.cameraBack = camera !== null && sameView(deps.map()?.view, camera);
    entry.readyAt = deps.now();
    state = 'watching';
    cameraInFlight = null;
    deps.log('info', `[citywall:kiosk] ${entry.scope === 'deck' ? 'deck.gl' : 'map'} rebuilt and ready ${entry.readyAt - entry.lostAt} ms after the loss${entry.cameraBack ? ', camera back' : ''}`);
  }

  function onLost(canvas: LostCanvas): void {
    // Not in the page any more: a torn-down map's canvas (its context is released on purpose).
    if (state === 'reloading' || !canvas.isConnected) return;
    const lostAt = deps.now();
    const kind = canvasKind(canvas);
    const host = deps.mapHost();
    const pending = recoveries[recoveries.length - 1];
    if (state === 'remounting' && pending?.scope === 'deck' && kind !== 'deck' && host) {
      // deck.gl's rebuild is under way and Cesium's context went too (a GPU reset): the whole map now, at
      // the camera the deck.gl loss saw (Cesium's camera has not moved since). Not counted as another loss.
      const entry: MapRecovery = { mode: 'remount', canvas: kind, scope: 'map', lostAt, readyAt: null, sceneId: deps.currentScene(), cameraBack: false };
      recoveries.push(entry);
      const snap = deps.save();
      const camera = cameraInFlight ?? snap?.camera ?? null;
      void remount(host, entry, snap ? { ...snap, camera } : null, lossesNow);
      return;
    }
    const snap = deps.save();
    const losses = deps.recordLoss(lostAt);
    lossesNow = losses;
    const scope: MapRecovery['scope'] = kind === 'deck' && host?.rebuildDeck ? 'deck' : 'map';
    const entry: MapRecovery = { mode: 'remount', canvas: kind, scope, lostAt, readyAt: null, sceneId: deps.currentScene(), cameraBack: false };
    if (state === 'remounting') {
      return reload(entry, recoveryPlan(losses, { canRemount: true, remountFailed: true }).delayMs, `again, on the rebuilt map${pending ? ` ${lostAt - pending.lostAt} ms after the last loss` : ''}`);
    }
    const plan = recoveryPlan(losses, { canRemount: host !== undefined });
    if (plan.mode === 'remount' && host) {
      state = 'remounting';
      cameraInFlight = snap?.camera ?? null;
      recoveries.push(entry);
      void remount(host, entry, snap, losses);
      return;
    }
    reload(entry, plan.delayMs, host ? `${losses} losses in 5 min` : 'no map to rebuild');
  }

  return {
    onLost,
    get state() {
      return state;
    },
    recoveries,
    get cameraInFlight() {
      return cameraInFlight;
    },
  };
}
