/**
 * The real wall behind apply-action.ts: the page's hooks (window.__citywall: scenes, map, source), the
 * stores (alarm points), the tours' highlight, the focus pulse and the overlay state. One applier per
 * page, shared by every transport (the presenter hub, the kiosk's shared clock, local keys).
 */
import { nextTick } from 'vue';
import { SCENES } from '../../scenes';
import type { MapView } from '../map/view';
import { useTopicsStore } from '../stores/topics';
import { applyHighlight } from '../tour/highlight';
import { unitCamera } from '../tour/unit-centers';
import { hooks, until } from '../kiosk/wall-access';
import { createPresenterApplier, type PresenterAction, type PresenterApplier, type PresenterDeps } from './apply-action';
import { showFocusPulse } from './focus-pulse';
import { wallAlarmsFromStores } from './wall-alarms';
import { banner, blackout } from './wall-state';

interface FlyingMap {
  readonly ready: boolean;
  setCamera(view: MapView): Promise<void>;
  flyTo?(view: MapView, durationSec?: number): Promise<void>;
}

interface SpeedSource {
  capabilities?: ReadonlySet<string>;
  setSpeed?(speed: number): void;
}

const MAP_WAIT_MS = 60_000;

const mapHook = () => (window.__citywall?.map ?? undefined) as FlyingMap | undefined;

export function wallDeps(): PresenterDeps {
  return {
    goTo: (id) => hooks().scenes?.goTo(id) ?? false,
    currentScene: () => hooks().scenes?.current ?? null,
    sceneCamera: (id) => SCENES[id]?.camera ?? null,
    flyTo(view) {
      const map = mapHook();
      if (!map?.ready) return;
      void (map.flyTo ? map.flyTo(view) : map.setCamera(view));
    },
    mapReady: () => until(() => mapHook()?.ready === true, MAP_WAIT_MS),
    afterRender: async () => {
      // Two ticks: the scene view renders, then the map (an async child) takes the scene's camera.
      await nextTick();
      await nextTick();
    },
    highlight: (h) => applyHighlight(h),
    unitView: (unitId) => unitCamera(unitId),
    alarmPoint: (alarmId) => {
      const a = wallAlarmsFromStores({ topics: useTopicsStore() }).find((x) => x.id === alarmId);
      return a ? [a.lon, a.lat] : null;
    },
    pulse: (at) => showFocusPulse(at),
    setBlackout: (on) => {
      blackout.value = on;
    },
    setBanner: (alert) => {
      banner.value = alert;
    },
    setSpeed: (speed) => {
      const source = hooks().source as SpeedSource | undefined;
      if (!source?.setSpeed || (source.capabilities && !source.capabilities.has('setSpeed'))) return false;
      source.setSpeed(speed);
      return true;
    },
    warn: (message) => console.warn(`[citywall:presenter] ${message}`),
  };
}

let applier: PresenterApplier | null = null;

/** Apply a presenter action to this page's wall. */
export function applyOnWall(action: PresenterAction): Promise<void> | void {
  applier ??= createPresenterApplier(wallDeps());
  return applier.apply(action);
}
