/**
 * Applying the presenter's WallAction kinds to this wall: scene, blackout, focus, speed, banner (the
 * shared-clock kinds seek / pause / play / camera / mark stay with src/kiosk/clock-client.ts, which hands
 * these here). Every wall PC runs this at the same master instant, so what changes on screen at once —
 * the scene's title and panels, the curtain, the banner — changes in the same frame everywhere; the map
 * flights that follow start at that instant too.
 *
 * The wall is reached through injected deps (wall-deps.ts builds the real ones from the page's hooks),
 * so the rules are unit-tested under Node.
 */
import type { WallAction } from '../../electron/bridge-types';
import { cameraSchema } from '../scene/spec';
import type { MapView } from '../map/view';
import type { BannerAlert } from './wall-state';

export type LonLat = [lon: number, lat: number];

export type PresenterAction = Extract<WallAction, { kind: 'scene' | 'blackout' | 'focus' | 'speed' | 'banner' }>;
export type Highlight = { panelId?: string; unitId?: string };

const PRESENTER_KINDS: ReadonlySet<WallAction['kind']> = new Set(['scene', 'blackout', 'focus', 'speed', 'banner']);

export function isPresenterAction(action: WallAction): action is PresenterAction {
  return PRESENTER_KINDS.has(action.kind);
}

/** The wall as this module needs it. */
export interface PresenterDeps {
  /** Switch scene (false: no such scene). */
  goTo(sceneId: string): boolean;
  currentScene(): string | null;
  /** The scene's own viewpoint (its spec camera). */
  sceneCamera(sceneId: string): MapView | null;
  /** Fly the map to a viewpoint (no-op while the map is not up). */
  flyTo(view: MapView): void;
  /** Resolves once the map can take a viewpoint (false: it never came up in time). */
  mapReady(): Promise<boolean>;
  /** Resolves once the pending render has run: the new scene's own camera has gone to the map. */
  afterRender(): Promise<void>;
  highlight(h: Highlight | null): void;
  /** The viewpoint that frames a unit (null: not a unit). */
  unitView(unitId: string): MapView | null;
  alarmPoint(alarmId: string): LonLat | null;
  /** A pulsing ring over the map at a point (null: none). */
  pulse(at: LonLat | null): void;
  setBlackout(on: boolean): void;
  setBanner(alert: BannerAlert | null): void;
  /** Playback speed of the source; false when the source cannot change speed (a live feed). */
  setSpeed(speed: number): boolean;
  warn(message: string): void;
}

/** How close an alarm focus flies (metres from the point). */
export const ALARM_RANGE_M = 3000;

export function alarmView([lon, lat]: LonLat): MapView {
  return { kind: 'look-at', lon, lat, range: ALARM_RANGE_M, pitch: -50, heading: 0 };
}

/**
 * One applier per page: it remembers whether the camera was taken away from the scene's own view (a tour
 * step's camera, a focus) — clearing the focus, or a later scene without a camera of its own, then flies
 * back to the scene's view: the map only follows a scene's camera when it differs from the last scene's,
 * so it would otherwise stay where the step left it — and which action is newest (a map still starting
 * never lets an older action's flight land after a newer one).
 */
export function createPresenterApplier(deps: PresenterDeps) {
  let seq = 0;
  let cameraAway = false;

  /** Fly there once the map can, unless a newer action came first; `away`: not the scene's own view. */
  async function flyWhenReady(mySeq: number, view: MapView, away: boolean): Promise<void> {
    if (!(await deps.mapReady()) || mySeq !== seq) return;
    deps.flyTo(view);
    cameraAway = away;
  }

  function scene(a: Extract<PresenterAction, { kind: 'scene' }>): Promise<void> | void {
    const mySeq = ++seq;
    deps.pulse(null);
    if (!deps.goTo(a.sceneId)) {
      deps.warn(`scene ${JSON.stringify(a.sceneId.slice(0, 80))} is not on this wall`);
      return;
    }
    deps.highlight(a.highlight ?? null);
    let stepCamera: MapView | null = null;
    if (a.camera !== undefined && a.camera !== null) {
      const parsed = cameraSchema.safeParse(a.camera);
      if (parsed.success) stepCamera = parsed.data;
      else deps.warn(`scene ${a.sceneId}: camera ignored (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    }
    // Back to the scene's own view when an earlier step or focus took the camera elsewhere.
    const view = stepCamera ?? (cameraAway ? deps.sceneCamera(a.sceneId) : null);
    if (!view) return;
    const away = stepCamera !== null;
    // After the scene's own camera has been handed to the map: this flight supersedes it.
    return deps.afterRender().then(() => (mySeq === seq && deps.currentScene() === a.sceneId ? flyWhenReady(mySeq, view, away) : undefined));
  }

  async function focus(a: Extract<PresenterAction, { kind: 'focus' }>): Promise<void> {
    const mySeq = ++seq;
    const t = a.target;
    deps.pulse(null);
    if (t === null) {
      deps.highlight(null);
      const current = deps.currentScene();
      const back = current !== null ? deps.sceneCamera(current) : null;
      if (cameraAway && back) await flyWhenReady(mySeq, back, false);
      return;
    }
    switch (t.type) {
      case 'panel':
        deps.highlight({ panelId: t.panelId });
        return;
      case 'unit': {
        deps.highlight({ unitId: t.unitId });
        const view = deps.unitView(t.unitId);
        if (!view) {
          deps.warn(`focus: unit ${JSON.stringify(t.unitId.slice(0, 80))} has no place on the map`);
          return;
        }
        await flyWhenReady(mySeq, view, true);
        return;
      }
      case 'alarm': {
        deps.highlight(null);
        const at = deps.alarmPoint(t.alarmId);
        if (!at) {
          // The alarm may have cleared since the presenter picked it: say so, change nothing.
          deps.warn(`focus: alarm ${JSON.stringify(t.alarmId.slice(0, 80))} is not on the wall now`);
          return;
        }
        deps.pulse(at);
        await flyWhenReady(mySeq, alarmView(at), true);
        return;
      }
    }
  }

  /** Apply one action; what shows at once is done when this returns (flights may still be under way). */
  function apply(action: PresenterAction): Promise<void> | void {
    switch (action.kind) {
      case 'scene':
        return scene(action);
      case 'blackout':
        deps.setBlackout(action.on === true);
        return;
      case 'focus':
        return focus(action);
      case 'speed':
        if (!(Number.isFinite(action.speed) && action.speed > 0)) deps.warn(`speed ${String(action.speed)} ignored`);
        else if (!deps.setSpeed(action.speed)) deps.warn('speed: this source has no playback speed (live feed)');
        return;
      case 'banner': {
        const a = action.alert;
        // Copied field by field as strings: the banner renders exactly these four, as text.
        deps.setBanner(a ? { id: String(a.id), severity: String(a.severity), title: String(a.title), detail: String(a.detail) } : null);
        return;
      }
      default: {
        const never: never = action;
        deps.warn(`unknown presenter action ${JSON.stringify(never)}`);
      }
    }
  }

  return { apply };
}

export type PresenterApplier = ReturnType<typeof createPresenterApplier>;
